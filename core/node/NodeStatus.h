#pragma once
// Plain snapshots the engine publishes for the GUI and the API: copied, never shared.
#include "core/mining/PhotoJob.h"
#include "core/net/PeerInfo.h"
#include "core/net/TipCheckInfo.h"
#include "core/util/Logger.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace pb {

struct NodeStatus {
    quint64 revision = 0;        // grows with every snapshot published: equal revisions, equal status
    bool ready = false;          // storage up and chain loaded
    QString network;
    QString genesisHash;
    QString mode;
    QString nodeId;              // hex SHA-256 of the node public key
    QString rewardAddress;
    QString storage;             // where the chain lives (socket or URL, no secrets)
    quint64 height = 0;
    QString tipHash;
    qint64 tipTime = 0;          // seconds since the epoch
    bool mining = false;
    int miningThreads = 0;
    QString miningBackend;       // e.g. "sha-ni"
    double hashrate10s = 0, hashrate60s = 0, hashrate15m = 0;
    quint64 blocksFound = 0;
    quint64 rewardsUnits = 0;    // coinbase value of blocks this node found
    int peers = 0;               // connected peers that completed the handshake
    int mempoolTransfers = 0;    // pending transfers, and their encodings' size
    qint64 mempoolBytes = 0;
    quint16 peerPort = 0;        // where this node accepts peers
    std::optional<TipCheckInfo> tipCheck;  // mobile mode: the tip compared with full peers
    quint64 minimumFee = 0;      // units: the smallest transfer fee this node's mempool admits
};

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

struct BlockInfo {
    quint64 height = 0;
    QString hash;
    QString prevHash;
    QString headerHex;
    quint32 version = 0;
    QString contentRoot;
    qint64 time = 0;
    quint32 bits = 0;
    quint64 nonce = 0;
    QString chainWork;           // hex
    QString photoHash;           // empty without a photo
    QString label;
    QString vote;                // abstain / agree / disagree
    struct Votes { quint64 agree = 0, disagree = 0, abstain = 0; };
    std::optional<Votes> votes;  // cast on this block's label claim by later active blocks
    int sizeBytes = 0;
    QList<TransactionInfo> transactions;
    bool bodyPruned = false;     // mobile mode: only the header is here (fetched from peers on demand)
    bool unchecked = false;      // mobile mode: above the last tip full peers confirmed
};

// A node from the catalogue this node keeps (announced by peers and seeds, signed packs).
struct KnownNodeInfo {
    QString id;                  // hex node id
    QString type;                // head / seed / full / mobile ("" when unknown)
    QString host;                // where it accepts peers ("" when unknown)
    quint16 port = 0;
    qint64 lastSeen = 0;         // seconds since the epoch
};

// Everything the engine publishes at once.
struct NodeSnapshot {
    NodeStatus status;
    QList<PeerInfo> peers;
    QList<BanInfo> bans;
    QList<PhotoJob> jobs;     // oldest first
    QStringList recognizerLabels;  // labels a job may claim; empty when photos cannot be mined
    QString recognizerProblem;     // why, then
};

} // namespace pb

Q_DECLARE_METATYPE(pb::NodeStatus)
