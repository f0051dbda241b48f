#pragma once
// Block validation as pure functions over bytes and chain context. Every rejection names a
// precise reason; nothing here touches storage, the clock or the network.
#include "core/chain/NetworkParams.h"
#include "core/chain/TransferRules.h"

namespace pb {

enum class BlockError {
    None,
    Malformed,                   // bytes do not decode as a block
    TooLarge,                    // encoding above the network's block size cap
    BadVersion,                  // unknown header version
    BadBits,                     // bits are not a valid target or exceed the pow limit
    HighHash,                    // header hash above the target
    BadContentRoot,              // content root does not commit to the body
    NoTransactions,
    FirstNotCoinbase,
    ExtraCoinbase,               // a coinbase anywhere but first
    MalformedTransaction,
    DuplicateTransaction,
    LabelTooLong,
    BadLabel,                    // not printable ASCII, or spaces at either end
    LabelFlagMismatch,           // header's label-claim flag disagrees with the body
    LabelNotConfirmed,           // the recognizer does not see the claimed label in the photo
    PhotoUnverifiable,           // this node cannot run the network's recognizer: not the block's fault
    UnknownParent,
    WrongBits,                   // bits differ from what retargeting requires
    TimeTooOld,                  // not above the median time of the last 11 blocks
    TimeTooNew,                  // more than the allowed drift ahead of the node's clock
    BadCoinbaseHeight,
    CoinbaseOverpays,            // coinbase claims more than reward plus fees
    FeeOverflow,                 // the transfers' fees add up past 64 bits
    InvalidTransfer,             // a transfer breaks a transfer rule (detail names it and the reason)
    BalanceOverflow,             // a credit would push an account past 64 bits
    PhotoMissing,                // the block names a photo whose bytes are not supplied
    PhotoHashMismatch,
    PhotoTooLarge,
    PhotoBadFormat,              // neither JPEG nor PNG
    PhotoAlreadyOnChain,
    KnownInvalid,                // this block, or an ancestor, failed validation before
    ReorgTooDeep,                // switching to its branch would undo more blocks than allowed
};

// Stable snake_case identifier for logs, peers and the API ("high_hash").
const char* blockErrorCode(BlockError e);

// Whether a block refused with `e` shows its sender lying, rather than that we lack context
// (its parent, the time, its photo, a recognizer) or will not follow its branch.
bool provesSenderLied(BlockError e);

struct ValidationResult {
    BlockError error = BlockError::None;
    std::string detail;  // human-readable explanation with the offending values
    bool ok() const { return error == BlockError::None; }
};

// A refusal for `e`, explained by `detail`.
ValidationResult fail(BlockError e, std::string detail);

// Context-free header checks: version, bits within the pow limit, hash at or below target.
ValidationResult checkHeader(const BlockHeader& header, const NetworkParams& params);

// Context-free checks: encoding, size, version, proof of work against the header's bits,
// content root, transaction structure, label claim. On success *out receives the block.
// Transfer signatures are checked through `signatures`.
ValidationResult checkBlock(const Bytes& encoded, const NetworkParams& params, Block* out,
                            SignatureVerifier& signatures = verifyEverySignature());

// Facts about the chain the block would extend.
struct ChainContext {
    uint64_t height = 0;                 // height the block would have
    uint32_t expectedBits = 0;           // from retargeting
    uint64_t medianTimePast = 0;         // of the parent and its predecessors
    uint64_t now = 0;                    // node's clock, seconds
    bool photoAlreadyOnChain = false;
};
// Header rules that need the parent: retargeted bits, median time past, future drift.
ValidationResult checkHeaderInContext(const BlockHeader& header, const ChainContext& ctx, const NetworkParams& params);
// Those plus the body's: coinbase height and value, photo not already on the chain.
ValidationResult checkBlockInContext(const Block& block, const ChainContext& ctx, const NetworkParams& params);

// The photo's bytes match the block's photo hash and are an acceptable image file.
ValidationResult checkPhoto(const Block& block, const Bytes* photo, const NetworkParams& params);

// What the node's recognizer says about a label claimed for a photo.
struct PhotoVerdict {
    enum class Kind { Confirmed, NotConfirmed, Unverifiable } kind = Kind::Unverifiable;
    std::string detail;  // what was seen, or why the photo could not be checked
};
// A block claiming a label is valid only when the recognizer confirms it.
ValidationResult checkLabelClaim(const Block& block, const PhotoVerdict& verdict);

} // namespace pb
