#include "core/chain/Validation.h"

#include "core/chain/Difficulty.h"
#include "core/chain/Accounts.h"
#include "core/chain/Transaction.h"
#include "core/crypto/Sha256.h"
#include "core/util/ImageFormat.h"

#include <algorithm>
#include <set>

namespace pb {

ValidationResult fail(BlockError e, std::string detail) { return {e, std::move(detail)}; }

namespace {

std::string bitsHex(uint32_t bits)
{
    uint8_t be[4];
    putBE32(be, bits);
    return "0x" + toHex(be, 4);
}

ValidationResult checkTransactions(const Block& b, const NetworkParams& params, SignatureVerifier& signatures)
{
    if (b.transactions.empty()) return fail(BlockError::NoTransactions, "block has no transactions");
    std::set<Hash256> seen;
    std::optional<Hash256> network;  // the genesis hash, computed once a transfer needs it
    for (size_t i = 0; i < b.transactions.size(); ++i) {
        const auto tx = Transaction::parse(b.transactions[i]);
        if (!tx) return fail(BlockError::MalformedTransaction, "transaction " + std::to_string(i) + " does not decode");
        const bool coinbase = tx->type == TxType::Coinbase;
        if (i == 0 && !coinbase) return fail(BlockError::FirstNotCoinbase, "first transaction is not a coinbase");
        if (i > 0 && coinbase) return fail(BlockError::ExtraCoinbase, "coinbase at position " + std::to_string(i));
        if (!seen.insert(txId(b.transactions[i])).second)
            return fail(BlockError::DuplicateTransaction, "transaction " + std::to_string(i) + " repeats an earlier one");
        if (coinbase) continue;
        if (!network) network = params.genesisHash();
        if (const TxCheck check = checkTransferFields(tx->transfer, *network, params.dustLimit, signatures); !check.ok())
            return fail(BlockError::InvalidTransfer, "transfer " + std::to_string(i) + " " + toHex(txId(b.transactions[i]))
                                                         + ": " + txErrorCode(check.error) + ": " + check.detail);
    }
    return {};
}

// Label rules that need no recognizer: size, characters and the header flag. (The encoding has
// no room for a label without a photo.)
ValidationResult checkLabelShape(const Block& block)
{
    const std::string& label = block.label;
    if (label.size() > kMaxLabelLength) return fail(BlockError::LabelTooLong, "label longer than 32 bytes");
    const bool printable = std::all_of(label.begin(), label.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
    if (!printable || (!label.empty() && (label.front() == ' ' || label.back() == ' ')))
        return fail(BlockError::BadLabel, "label must be printable ASCII without spaces at either end");
    if (block.header.claimsLabel() != !label.empty())
        return fail(BlockError::LabelFlagMismatch, label.empty() ? "header claims a label but the block has none"
                                                                 : "block claims a label but its header does not say so");
    return {};
}

} // namespace

bool provesSenderLied(BlockError e)
{
    switch (e) {
    case BlockError::UnknownParent:
    case BlockError::TimeTooNew:
    case BlockError::PhotoMissing:
    case BlockError::PhotoUnverifiable:  // our recognizer is not the network's: not the peer's fault
    case BlockError::ReorgTooDeep:
        return false;
    default:
        return true;
    }
}

const char* blockErrorCode(BlockError e)
{
    switch (e) {
    case BlockError::None: return "none";
    case BlockError::Malformed: return "malformed";
    case BlockError::TooLarge: return "too_large";
    case BlockError::BadVersion: return "bad_version";
    case BlockError::BadBits: return "bad_bits";
    case BlockError::HighHash: return "high_hash";
    case BlockError::BadContentRoot: return "bad_content_root";
    case BlockError::NoTransactions: return "no_transactions";
    case BlockError::FirstNotCoinbase: return "first_not_coinbase";
    case BlockError::ExtraCoinbase: return "extra_coinbase";
    case BlockError::MalformedTransaction: return "malformed_transaction";
    case BlockError::DuplicateTransaction: return "duplicate_transaction";
    case BlockError::LabelTooLong: return "label_too_long";
    case BlockError::BadLabel: return "bad_label";
    case BlockError::LabelFlagMismatch: return "label_flag_mismatch";
    case BlockError::LabelNotConfirmed: return "label_not_confirmed";
    case BlockError::PhotoUnverifiable: return "photo_unverifiable";
    case BlockError::UnknownParent: return "unknown_parent";
    case BlockError::WrongBits: return "wrong_bits";
    case BlockError::TimeTooOld: return "time_too_old";
    case BlockError::TimeTooNew: return "time_too_new";
    case BlockError::BadCoinbaseHeight: return "bad_coinbase_height";
    case BlockError::CoinbaseOverpays: return "coinbase_overpays";
    case BlockError::FeeOverflow: return "fee_overflow";
    case BlockError::InvalidTransfer: return "invalid_transfer";
    case BlockError::BalanceOverflow: return "balance_overflow";
    case BlockError::PhotoMissing: return "photo_missing";
    case BlockError::PhotoHashMismatch: return "photo_hash_mismatch";
    case BlockError::PhotoTooLarge: return "photo_too_large";
    case BlockError::PhotoBadFormat: return "photo_bad_format";
    case BlockError::PhotoAlreadyOnChain: return "photo_already_on_chain";
    case BlockError::KnownInvalid: return "known_invalid";
    case BlockError::ReorgTooDeep: return "reorg_too_deep";
    }
    return "unknown";
}

ValidationResult checkHeader(const BlockHeader& h, const NetworkParams& params)
{
    if ((h.version & ~BlockHeader::kLabelClaimFlag) != BlockHeader::kVersion)
        return fail(BlockError::BadVersion, "header version " + std::to_string(h.version));
    const auto base = Uint256::fromCompact(h.bits);
    if (!base || *base > params.powLimit)
        return fail(BlockError::BadBits, "bits " + bitsHex(h.bits) + " are not a valid target at or below the pow limit");
    const auto target = blockTarget(h);
    const Hash256 id = h.hash();
    if (Uint256::fromBigEndian(id) > *target)
        return fail(BlockError::HighHash, "hash " + toHex(id) + " is above target " + target->toHex());
    return {};
}

ValidationResult checkHeaderInContext(const BlockHeader& h, const ChainContext& ctx, const NetworkParams& params)
{
    if (h.bits != ctx.expectedBits)
        return fail(BlockError::WrongBits, "bits " + bitsHex(h.bits) + ", expected " + bitsHex(ctx.expectedBits));
    if (h.time <= ctx.medianTimePast)
        return fail(BlockError::TimeTooOld, "time " + std::to_string(h.time) + " is not after the median time past "
                                                + std::to_string(ctx.medianTimePast));
    if (h.time > ctx.now + params.maxFutureSeconds)
        return fail(BlockError::TimeTooNew, "time " + std::to_string(h.time) + " is more than "
                                                + std::to_string(params.maxFutureSeconds) + " s ahead of "
                                                + std::to_string(ctx.now));
    return {};
}

ValidationResult checkBlock(const Bytes& encoded, const NetworkParams& params, Block* out, SignatureVerifier& signatures)
{
    if (encoded.size() > params.maxBlockBytes)
        return fail(BlockError::TooLarge, std::to_string(encoded.size()) + " bytes exceeds the cap of "
                                              + std::to_string(params.maxBlockBytes));
    auto block = Block::parse(encoded);
    if (!block) return fail(BlockError::Malformed, "block bytes do not decode");
    const BlockHeader& h = block->header;
    if (auto r = checkHeader(h, params); !r.ok()) return r;

    if (auto r = checkLabelShape(*block); !r.ok()) return r;

    if (auto r = checkTransactions(*block, params, signatures); !r.ok()) return r;
    if (block->computeContentRoot() != h.contentRoot)
        return fail(BlockError::BadContentRoot, "content root does not match the block body");

    if (out) *out = std::move(*block);
    return {};
}

ValidationResult checkBlockInContext(const Block& block, const ChainContext& ctx, const NetworkParams& params)
{
    if (auto r = checkHeaderInContext(block.header, ctx, params); !r.ok()) return r;
    const auto coinbase = Transaction::parse(block.transactions.front());
    if (coinbase->coinbase.height != ctx.height)
        return fail(BlockError::BadCoinbaseHeight, "coinbase height " + std::to_string(coinbase->coinbase.height)
                                                       + ", block height " + std::to_string(ctx.height));
    const auto fees = blockFees(block);
    if (!fees) return fail(BlockError::FeeOverflow, "the transfers' fees add up past 64 bits");
    const auto allowed = addChecked(params.blockReward, *fees);
    if (!allowed) return fail(BlockError::FeeOverflow, "reward plus fees overflows");
    if (coinbase->coinbase.amount > *allowed)
        return fail(BlockError::CoinbaseOverpays, "coinbase pays " + std::to_string(coinbase->coinbase.amount)
                                                      + " units, at most " + std::to_string(*allowed) + " (reward "
                                                      + std::to_string(params.blockReward) + " + fees " + std::to_string(*fees) + ")");
    if (block.photoHash && ctx.photoAlreadyOnChain)
        return fail(BlockError::PhotoAlreadyOnChain, "photo " + toHex(*block.photoHash) + " is already on the chain");
    return {};
}

ValidationResult checkLabelClaim(const Block& block, const PhotoVerdict& verdict)
{
    if (block.label.empty()) return {};
    switch (verdict.kind) {
    case PhotoVerdict::Kind::Confirmed: return {};
    case PhotoVerdict::Kind::NotConfirmed:
        return fail(BlockError::LabelNotConfirmed, "the recognizer does not see '" + block.label + "' in photo "
                                                       + toHex(*block.photoHash) + ": " + verdict.detail);
    case PhotoVerdict::Kind::Unverifiable: break;
    }
    return fail(BlockError::PhotoUnverifiable, "cannot check the label '" + block.label + "': " + verdict.detail);
}

ValidationResult checkPhoto(const Block& block, const Bytes* photo, const NetworkParams& params)
{
    if (!block.photoHash) return {};
    if (!photo) return fail(BlockError::PhotoMissing, "photo " + toHex(*block.photoHash) + " was not supplied");
    if (photo->size() > params.maxPhotoBytes)
        return fail(BlockError::PhotoTooLarge, std::to_string(photo->size()) + " bytes exceeds the photo cap of "
                                                   + std::to_string(params.maxPhotoBytes));
    if (crypto::sha256(*photo) != *block.photoHash)
        return fail(BlockError::PhotoHashMismatch, "photo bytes do not hash to " + toHex(*block.photoHash));
    if (!sniffImageFormat(*photo)) return fail(BlockError::PhotoBadFormat, "photo is neither JPEG nor PNG");
    return {};
}

} // namespace pb
