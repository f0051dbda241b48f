#pragma once
// Coin answers for the GUI and the API: a transaction (confirmed or pending) and an account.
#include <QString>

namespace pb {

struct TransactionInfo {
    QString id;
    QString type;                // coinbase / transfer
    QString from;                // transfers: the sender's address
    QString to;
    quint64 amount = 0;
    quint64 fee = 0;
    quint64 nonce = 0;
    QString status;              // confirmed / pending (empty inside a block listing)
    QString blockHash;           // confirmed only
    quint64 height = 0;          // confirmed only
    quint64 time = 0;            // confirmed only: its block's time (Unix seconds)
    int size = 0;                // pending only: bytes of its encoding (fee per byte is what miners rank by)
    qint64 arrivedAt = 0;        // pending only: when this node first had it, seconds since the epoch; 0 unknown
};

// An address's account: confirmed state, and what its pending transfers add to it.
struct AccountInfo {
    QString address;
    quint64 balance = 0;         // confirmed, units
    quint64 nonce = 0;           // the confirmed next nonce
    int pendingOut = 0;          // its transfers waiting in the mempool
    quint64 pendingSpend = 0;    // what they take (amounts + fees)
    quint64 pendingIn = 0;       // what pending transfers to it bring
    quint64 nextNonce = 0;       // the nonce its next transfer should carry (after the pending ones)
};

} // namespace pb
