#include "core/chain/TransferRules.h"

namespace pb {

namespace {

TxCheck fail(TxError e, std::string detail) { return {e, std::move(detail)}; }
std::string units(uint64_t v) { return std::to_string(v) + " units"; }

} // namespace

const char* txErrorCode(TxError e)
{
    switch (e) {
    case TxError::None: return "none";
    case TxError::Malformed: return "malformed";
    case TxError::Oversize: return "oversize";
    case TxError::NotATransfer: return "not_a_transfer";
    case TxError::WrongNetwork: return "wrong_network";
    case TxError::BadSignature: return "bad_signature";
    case TxError::ZeroAmount: return "zero_amount";
    case TxError::Dust: return "dust";
    case TxError::Overflow: return "overflow";
    case TxError::NonceReused: return "nonce_reused";
    case TxError::NonceGap: return "nonce_gap";
    case TxError::InsufficientBalance: return "insufficient_balance";
    case TxError::FeeTooLow: return "fee_too_low";
    case TxError::AlreadyKnown: return "already_known";
    case TxError::ReplacementFeeTooLow: return "replacement_fee_too_low";
    case TxError::MempoolFull: return "mempool_full";
    case TxError::Unavailable: return "unavailable";
    }
    return "unknown";
}

SignatureVerifier& verifyEverySignature()
{
    struct Everyone final : SignatureVerifier {
        bool valid(const TransferTx& tx) override { return tx.signatureValid(); }
    };
    static Everyone verifier;
    return verifier;
}

std::optional<uint64_t> addChecked(uint64_t a, uint64_t b)
{
    if (a > UINT64_MAX - b) return std::nullopt;
    return a + b;
}

TxCheck checkTransferFields(const TransferTx& tx, const Hash256& network, uint64_t dustLimit, SignatureVerifier& signatures)
{
    if (tx.network != network)
        return fail(TxError::WrongNetwork, "signed for network " + toHex(tx.network).substr(0, 16) + "…, not this one ("
                                               + toHex(network).substr(0, 16) + "…)");
    if (tx.amount == 0) return fail(TxError::ZeroAmount, "the amount is zero");
    if (tx.amount < dustLimit)
        return fail(TxError::Dust, "amount " + units(tx.amount) + " is below the dust limit of " + units(dustLimit));
    if (!addChecked(tx.amount, tx.fee))
        return fail(TxError::Overflow, "amount " + units(tx.amount) + " plus fee " + units(tx.fee) + " overflows");
    if (!signatures.valid(tx)) return fail(TxError::BadSignature, "the signature does not verify with the sender's key");
    return {};
}

TxCheck checkTransfer(const Bytes& raw, const Hash256& network, uint64_t dustLimit, TransferTx* out,
                      SignatureVerifier& signatures)
{
    if (raw.size() > TransferTx::kSize)
        return fail(TxError::Oversize, std::to_string(raw.size()) + " bytes; a transfer has "
                                           + std::to_string(TransferTx::kSize));
    const auto tx = Transaction::parse(raw);
    if (!tx) return fail(TxError::Malformed, "the bytes do not decode as a transaction");
    if (tx->type != TxType::Transfer) return fail(TxError::NotATransfer, "only transfers can be submitted");
    if (auto r = checkTransferFields(tx->transfer, network, dustLimit, signatures); !r.ok()) return r;
    if (out) *out = tx->transfer;
    return {};
}

TxCheck checkAgainstAccount(const TransferTx& tx, const AccountState& sender)
{
    if (tx.nonce < sender.nonce)
        return fail(TxError::NonceReused, "nonce " + std::to_string(tx.nonce) + " was already used; the sender's next is "
                                              + std::to_string(sender.nonce));
    if (tx.nonce > sender.nonce)
        return fail(TxError::NonceGap, "nonce " + std::to_string(tx.nonce) + " skips ahead of the sender's next nonce "
                                           + std::to_string(sender.nonce));
    const auto cost = addChecked(tx.amount, tx.fee);
    if (!cost) return fail(TxError::Overflow, "amount plus fee overflows");
    if (*cost > sender.balance)
        return fail(TxError::InsufficientBalance, "needs " + units(*cost) + ", the sender has " + units(sender.balance));
    return {};
}

TxCheck checkFee(const TransferTx& tx, uint64_t minimumFee)
{
    if (tx.fee < minimumFee)
        return fail(TxError::FeeTooLow, "fee " + units(tx.fee) + " is below this node's minimum of " + units(minimumFee));
    return {};
}

} // namespace pb
