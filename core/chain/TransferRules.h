#pragma once
// Transfer validation as pure functions. Stateless rules (encoding, network, amounts,
// signature) come first and are the same everywhere; account rules (nonce, balance) need the
// sender's state; the fee minimum is the node's policy, not consensus.
#include "core/chain/Transaction.h"

namespace pb {

enum class TxError {
    None,
    Malformed,             // bytes do not decode as a transfer
    Oversize,              // more bytes than a transfer has
    NotATransfer,          // a coinbase (or other type) where only transfers are accepted
    WrongNetwork,          // signed for another network: a replay
    BadSignature,
    ZeroAmount,
    Dust,                  // amount below the network's dust limit
    Overflow,              // amount + fee does not fit in 64 bits
    NonceReused,           // nonce below the sender's next nonce: already spent
    NonceGap,              // nonce above the sender's next nonce (counting pending transfers)
    InsufficientBalance,
    FeeTooLow,             // below this node's minimum fee
    AlreadyKnown,          // this exact transfer is pending or confirmed
    ReplacementFeeTooLow,  // same sender and nonce as a pending transfer, without a higher fee
    MempoolFull,           // the pool is full of transfers paying at least as much
    Unavailable,           // this node cannot judge it now (storage down, not started): no fault of the sender
};

// Stable snake_case identifier for logs, peers and the API ("nonce_gap").
const char* txErrorCode(TxError e);

struct TxCheck {
    TxError error = TxError::None;
    std::string detail;
    bool ok() const { return error == TxError::None; }
};

struct AccountState {
    uint64_t balance = 0;
    uint64_t nonce = 0;  // the nonce the account's next transfer must carry
    bool operator==(const AccountState& o) const { return balance == o.balance && nonce == o.nonce; }
};

std::optional<uint64_t> addChecked(uint64_t a, uint64_t b);

// Whether a transfer's signature verifies. Block and mempool rules ask through this seam so a
// node can skip signatures it verified before (core/mempool/SignatureCache.h). Every
// implementation answers exactly as TransferTx::signatureValid() does: a remembered answer may
// only save the work of a verification that would succeed, so the rules stay deterministic.
class SignatureVerifier {
public:
    virtual ~SignatureVerifier() = default;
    virtual bool valid(const TransferTx& tx) = 0;
};
// Verifies every signature, every time.
SignatureVerifier& verifyEverySignature();

// Encoding, network, zero/dust amount, overflow and signature. On success *out holds the
// transfer (when out is given).
TxCheck checkTransfer(const Bytes& raw, const Hash256& network, uint64_t dustLimit, TransferTx* out,
                      SignatureVerifier& signatures = verifyEverySignature());
// The same rules for an already decoded transfer.
TxCheck checkTransferFields(const TransferTx& tx, const Hash256& network, uint64_t dustLimit,
                            SignatureVerifier& signatures = verifyEverySignature());
// The sender's next nonce must be the transfer's, and its balance must cover amount + fee.
TxCheck checkAgainstAccount(const TransferTx& tx, const AccountState& sender);
TxCheck checkFee(const TransferTx& tx, uint64_t minimumFee);

} // namespace pb
