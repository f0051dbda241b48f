#pragma once
// The block tree and the active chain. Validates headers and blocks against consensus rules
// and the stored tree, follows the branch with the most cumulative work (reorganising through
// stored undo data, each switch one atomic store update), serves headers and locators for
// sync, and tells a block assembler (core/mining) what the next block must satisfy. Not
// thread-safe: owned by the engine thread.
#include "core/chain/ChainStore.h"
#include "core/chain/Validation.h"

#include <cstring>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace pb {

struct TipInfo {
    Hash256 hash{};
    uint64_t height = 0;
    uint64_t time = 0;
    uint32_t bits = 0;
    Uint256 chainWork;
};

enum class AcceptOutcome {
    Rejected,        // see validation / storageError
    Duplicate,       // already stored
    Stored,          // stored off the active chain (less work, or ancestors' bodies missing)
    Connected,       // the active chain changed
    PhotoCheckPending,  // valid so far, nothing stored: submit again with the recognizer's verdict
};

// The one slow check of a block: does the recognizer see `label` in the photo?
struct PhotoCheck {
    Hash256 photoHash{};
    std::string label;
};

struct AcceptResult {
    AcceptOutcome outcome = AcceptOutcome::Rejected;
    ValidationResult validation;
    std::string storageError;             // set when the block was valid but storage failed
    Hash256 hash{};
    uint64_t height = 0;
    std::vector<BlockIndexEntry> disconnected;  // tip first
    std::vector<BlockIndexEntry> connected;     // ascending
    std::optional<PhotoCheck> photoCheck;       // what to ask the recognizer, when PhotoCheckPending
    Hash256 invalidBlock{};  // a block found invalid in context while connecting its branch, if any
    bool ok() const { return outcome != AcceptOutcome::Rejected; }
};

struct HeaderResult {
    ValidationResult validation;
    std::string storageError;
    bool isNew = false;
    bool ok() const { return validation.ok() && storageError.empty(); }
};

// The network's recognizer's verdict on a photo for a claimed label, when it is known without
// waiting (remembered, or no recognizer to ask); none when it has to be worked out off the
// caller's thread, which submitBlock() reports as PhotoCheckPending.
using PhotoVerifier =
    std::function<std::optional<PhotoVerdict>(const Hash256& photoHash, const Bytes& photo, const std::string& label)>;

class Chain {
public:
    static constexpr uint64_t kDefaultMaxReorgDepth = 1000;
    // Every this many blocks of tip height, side-branch bodies out of the reorganisation limit's
    // reach (and their photos) are deleted, this many at a time: bounded disk, one read per sweep.
    static constexpr uint64_t kSideBodySweepInterval = 64;
    static constexpr size_t kSideBodiesPerSweep = 256;

    Chain(const NetworkParams& params, ChainStore& store, uint64_t maxReorgDepth = kDefaultMaxReorgDepth);

    // Reads the tip, creating the genesis block in an empty store. Throws StoreError, naming
    // the mismatch when the store holds another network's chain.
    void load();

    const NetworkParams& params() const { return params_; }
    // Without one, blocks claiming a label are refused as unverifiable (not as invalid).
    void setPhotoVerifier(PhotoVerifier verifier) { verifier_ = std::move(verifier); }
    // Checks the signatures of blocks' transfers (by default, each one every time); must
    // outlive the chain.
    void setSignatureVerifier(SignatureVerifier& signatures) { signatures_ = &signatures; }
    const TipInfo& tip() const { return tip_; }
    // The most-work header known (at least the tip): how far sync has to go.
    const BlockIndexEntry& bestHeader() const { return bestHeader_; }
    // The encoded bytes of the blocks kept parsed for connecting later (see inHand_).
    size_t bytesInHand() const { return bytesInHand_; }

    // Validates an encoded block (and its photo, when it names one), stores it, and switches
    // the active chain to it when its branch has the most work. A claimed label is judged by
    // `verdict` when given (the caller already asked the recognizer), else by the verifier; when
    // the verifier cannot answer at once, every other check has passed and nothing is stored:
    // the outcome is PhotoCheckPending, and the caller submits again with the verdict.
    // Connect::Later (initial sync, far behind) stores a valid block without connecting it or
    // flushing the store's held writes: connectStored() then connects a whole run of them in
    // one store update. Until then such a block may be lost in a crash, and is fetched again.
    enum class Connect { Now, Later };
    AcceptResult submitBlock(const Bytes& encoded, const Bytes* photo, uint64_t now, const PhotoVerdict* verdict = nullptr,
                             Connect connect = Connect::Now);
    // Connects the stored blocks of the best header chain that can be (one store update) and
    // flushes the store. `result.hash` is the highest of them: an invalid block among them rejects it.
    AcceptResult connectStored(uint64_t now);

    // Headers-first sync: validates and records a header whose parent is known.
    HeaderResult acceptHeader(const BlockHeader& header, uint64_t now);

    // Hashes from the tip back to genesis, dense near the tip, then exponentially sparser.
    std::vector<Hash256> locator();
    // Serialized headers of the active chain after the first locator hash on it (genesis when
    // none is), up to `max`, stopping after `stop` when it is non-zero.
    std::vector<Bytes> headersAfter(const std::vector<Hash256>& locator, const Hash256& stop, size_t max);
    // Blocks of the best header chain whose bodies are missing, ascending, at most `max`.
    std::vector<BlockIndexEntry> missingBodies(size_t max);
    bool knows(const Hash256& hash);
    // Reads the index entries of many blocks at once (which are known, which are not), so that
    // looking each up afterwards costs no round trip: a headers message holds up to 2,000.
    void lookUp(const std::vector<Hash256>& hashes);
    // The height of a block whose header we have (from the cached index after the first look).
    std::optional<uint64_t> heightOf(const Hash256& hash);
    // The height of a block on the active chain; none for one on another branch or unknown.
    std::optional<uint64_t> activeHeightOf(const Hash256& hash);
    // Whether a block with this header would extend the tip or put its branch ahead of it: the
    // only unrequested blocks worth a body, a photo check and disk. False when the parent is unknown.
    bool extendsTipOrLeads(const BlockHeader& header);
    // The chain work a header's branch would have with it; none when its parent is unknown or its
    // bits are not a target.
    std::optional<Uint256> workAfter(const BlockHeader& header);
    // Whether the header would fork off the active chain deeper than the reorganisation limit.
    bool forksTooDeep(const BlockHeader& header);
    std::optional<BlockIndexEntry> entryOf(const Hash256& hash) { return findEntry(hash); }

    // What a block on the tip must satisfy at `now`: its height, the retargeted bits and the
    // median time past it must exceed.
    ChainContext nextBlockContext(uint64_t now);

private:
    ChainContext contextAfter(const BlockIndexEntry& parent, uint64_t now);
    uint32_t nextBits(const BlockIndexEntry& parent);
    uint64_t medianTimePastAt(const BlockIndexEntry& last);
    BlockIndexEntry requireEntry(const Hash256& hash);
    // The block index and the active chain, cached: sync walks them constantly. The chain is
    // the store's only writer, so the caches change exactly where the store does.
    std::optional<BlockIndexEntry> findEntry(const Hash256& hash);
    void remember(const BlockIndexEntry& entry)
    {
        index_[entry.hash] = entry;
        absent_.erase(entry.hash);
    }
    std::optional<Hash256> activeAt(uint64_t height) const;
    BlockIndexEntry entryFor(const BlockHeader& header, const BlockIndexEntry& parent, BlockIndexEntry::Status status);
    bool isActive(const BlockIndexEntry& entry);
    // A block on `parent` would fork off the active chain deeper than the reorganisation limit.
    std::optional<ValidationResult> forkTooDeep(const BlockIndexEntry& parent, const Hash256& hash);
    // Stores a valid header whose body is not here (yet) and follows it if it leads.
    void recordHeader(const BlockHeader& header, const BlockIndexEntry& parent);
    // Records a header that broke a permanent rule, so the block is refused at once next time.
    void rememberInvalid(const BlockHeader& header, const BlockIndexEntry& parent);
    void noteBestHeader(const BlockIndexEntry& entry);
    void resetBestHeaderToTip();
    bool onBestChain(const BlockIndexEntry& entry) const
    {
        return entry.height < bestChain_.size() && bestChain_[entry.height] == entry.hash;
    }
    // Height of the highest block on both the active chain and the best header chain.
    uint64_t forkWithBestChain() const;

    // Moves the active chain to `target` when it has more work and every block from the fork
    // to it has a body; validates each newly connected block in context.
    void activate(const BlockIndexEntry& target, uint64_t now, AcceptResult& result);
    // Accounts as the active chain leaves them, cached like the index: every block reads its
    // miner's and senders' accounts, mostly the same few.
    AccountState accountOf(const crypto::AddressHash& address);
    void rememberAccounts(const ChainUpdate& applied);
    std::optional<BlockIndexEntry> bestActivatable();
    // Records a block of `branch` (at `position`) that failed in context, moves sync off it, and
    // rejects the submitted block when it is on or above it.
    void rejectInBranch(const BlockIndexEntry& entry, const ValidationResult& why, const std::vector<BlockIndexEntry>& branch,
                        size_t position, AcceptResult& result);
    static std::optional<VoteCast> voteOf(const Block& block, const BlockIndexEntry& parent);
    // Deletes side-branch bodies and photos that fell out of reach (ChainStore::dropSideBodies).
    void dropUnreachableSideBodies();

    const NetworkParams& params_;
    ChainStore& store_;
    PhotoVerifier verifier_;
    SignatureVerifier* signatures_ = &verifyEverySignature();
    const uint64_t maxReorgDepth_;
    TipInfo tip_;
    BlockIndexEntry bestHeader_;
    struct HashKey {
        size_t operator()(const Hash256& h) const { size_t v; std::memcpy(&v, h.data(), sizeof v); return v; }
    };
    std::unordered_map<Hash256, BlockIndexEntry, HashKey> index_;
    // Hashes the store was asked for and does not have: sync looks a new header up more than
    // once (is it known? then accepting it), and nothing but this chain adds entries.
    static constexpr size_t kMaxAbsent = 10'000;  // then it starts again, empty
    std::unordered_set<Hash256, HashKey> absent_;
    static constexpr size_t kMaxCachedAccounts = 100'000;  // then it starts again, empty
    std::map<crypto::AddressHash, AccountState> accounts_;
    std::vector<Hash256> active_;
    // Blocks stored by submitBlock and not connected yet, parsed: connecting them reads no body
    // back. Bounded by count and by their encoded bytes (a run of 32 blocks of 1 MiB fits); past
    // either it starts again, empty, and a run reads the rest back from the store.
    static constexpr size_t kMaxBlocksInHand = 128;
    static constexpr size_t kMaxBytesInHand = 40u << 20;
    struct HeldBlock {
        Block block;
        size_t bytes = 0;
    };
    std::unordered_map<Hash256, HeldBlock, HashKey> inHand_;
    size_t bytesInHand_ = 0;
    void holdBlock(const Hash256& hash, Block block, size_t bytes);
    void releaseHeld(const Hash256& hash);
    // The best header's chain by height, sharing the active chain's prefix: sync finds the next
    // bodies to fetch and to connect here instead of walking the tree from the best header.
    std::vector<Hash256> bestChain_;
};

} // namespace pb
