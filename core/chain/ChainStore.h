#pragma once
// What the chain logic needs from storage. The Redis implementation lives in core/storage;
// tests may use any other. Read methods return nullopt for "not found"; I/O failures throw
// StoreError so that no caller can mistake a broken database for a missing block.
#include "core/chain/Accounts.h"
#include "core/chain/Block.h"
#include "core/chain/Uint256.h"
#include "core/crypto/Address.h"

#include <stdexcept>
#include <vector>

namespace pb {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct BlockIndexEntry {
    enum class Status : char { HeaderOnly = 'h', HaveBody = 'b', Invalid = 'x' };
    Hash256 hash{};
    Hash256 prevHash{};
    uint64_t height = 0;
    uint64_t time = 0;
    uint32_t bits = 0;
    Uint256 chainWork;  // cumulative work up to and including this block
    Status status = Status::HeaderOnly;
    Hash256 lastClaim{};  // the latest label-claiming block at or before this one; zero when none
};

// A block's vote on the label of the latest label-claiming block before it.
struct VoteCast {
    Hash256 on{};
    LabelVote vote = LabelVote::Abstain;
};

struct VoteTally {
    uint64_t agree = 0;
    uint64_t disagree = 0;
    uint64_t abstain = 0;
};

// A transaction of an active block, for the transaction index and the address histories.
struct TxRecord {
    Hash256 id{};
    uint32_t index = 0;                          // position in its block
    std::vector<crypto::AddressHash> addresses;  // whose history lists it
};

// Where an active transaction sits.
struct TxLocation {
    Hash256 block{};
    uint64_t height = 0;
    uint32_t index = 0;
};

// A stored block joining the active chain. `balances` before values are its undo data.
struct BlockConnection {
    BlockIndexEntry entry;
    std::optional<Hash256> photoHash;
    std::vector<BalanceChange> balances;
    std::optional<VoteCast> vote;
    std::vector<TxRecord> txs;
};

// An active block leaving the chain: accounts go back to each change's `before` values.
struct BlockDisconnection {
    BlockIndexEntry entry;
    std::optional<Hash256> photoHash;
    std::vector<BalanceChange> balances;
    std::optional<VoteCast> vote;
    std::vector<TxRecord> txs;
};

// Tip first for disconnections, then ascending connections; applied all-or-nothing. The new
// tip is the last connected block, or the parent of the last disconnected one.
struct ChainUpdate {
    std::vector<BlockDisconnection> disconnect;
    std::vector<BlockConnection> connect;
};

class ChainStore {
public:
    virtual ~ChainStore() = default;

    virtual std::optional<Hash256> tipHash() = 0;
    virtual std::optional<BlockIndexEntry> indexEntry(const Hash256& hash) = 0;
    // Several at once, in order; a store that can batch reads overrides it.
    virtual std::vector<std::optional<BlockIndexEntry>> indexEntries(const std::vector<Hash256>& hashes)
    {
        std::vector<std::optional<BlockIndexEntry>> entries;
        entries.reserve(hashes.size());
        for (const Hash256& hash : hashes) entries.push_back(indexEntry(hash));
        return entries;
    }
    virtual std::optional<Hash256> hashAtHeight(uint64_t height) = 0;
    // The whole active chain, index = height.
    virtual std::vector<Hash256> activeChain() = 0;
    virtual std::optional<Bytes> headerBytes(const Hash256& hash) = 0;
    // Several headers at once, in order (nullopt where one is missing); a store that can
    // batch reads (Redis: one pipelined round trip) overrides it.
    virtual std::vector<std::optional<Bytes>> headersBytes(const std::vector<Hash256>& hashes)
    {
        std::vector<std::optional<Bytes>> headers;
        headers.reserve(hashes.size());
        for (const Hash256& hash : hashes) headers.push_back(headerBytes(hash));
        return headers;
    }
    virtual std::optional<Bytes> blockBytes(const Hash256& hash) = 0;
    // Several bodies at once, like headersBytes: serving a peer's getblocks reads them together.
    virtual std::vector<std::optional<Bytes>> blocksBytes(const std::vector<Hash256>& hashes)
    {
        std::vector<std::optional<Bytes>> blocks;
        blocks.reserve(hashes.size());
        for (const Hash256& hash : hashes) blocks.push_back(blockBytes(hash));
        return blocks;
    }
    virtual std::optional<std::vector<BalanceChange>> undoData(const Hash256& hash) = 0;
    virtual std::optional<Bytes> photo(const Hash256& photoHash) = 0;
    // The active block carrying this photo, if any.
    virtual std::optional<Hash256> photoBlock(const Hash256& photoHash) = 0;
    uint64_t balance(const crypto::AddressHash& address) { return account(address).balance; }
    virtual AccountState account(const crypto::AddressHash& address) = 0;
    // The active block holding a transaction, if any.
    virtual std::optional<TxLocation> transactionLocation(const Hash256& txId) = 0;
    // Ids of active transactions touching an address, newest first, at most `max`.
    virtual std::vector<Hash256> addressHistory(const crypto::AddressHash& address, size_t max) = 0;
    // Votes cast by active blocks on this label-claiming block's label.
    virtual VoteTally votes(const Hash256& claimBlock) = 0;

    // Writes the photo durably; must complete before a block naming it is connected.
    virtual void storePhoto(const Bytes& photo) = 0;
    // Index entry (with the header) for a block whose body has not arrived.
    virtual void storeHeader(const BlockIndexEntry& entry, const Bytes& header) = 0;
    // Index entry and body, off the active chain until an update connects it.
    virtual void storeBlock(const BlockIndexEntry& entry, const Bytes& block) = 0;
    virtual void markInvalid(const Hash256& hash) = 0;
    // One atomic transaction: active chain, tip, accounts, undo data, photo and transaction indexes.
    // It also carries any writes held back before it (see flush()).
    virtual void applyUpdate(const ChainUpdate& update) = 0;
    // A store may hold back storeHeader, storeBlock and markInvalid writes to send them with the
    // next round trip it makes anyway (its own reads of them always see them); this sends them now.
    virtual void flush() {}

    // Side-branch bodies: blocks whose body is stored while they are off the active chain (the
    // store keeps their list with storeBlock and applyUpdate). Those below `height`, lowest
    // first, at most `max`.
    virtual std::vector<Hash256> sideBodiesBelow(uint64_t height, size_t max) = 0;
    // Drops these side blocks' bodies in one transaction (they become header-only), then deletes
    // `photos`' files. A crash in between leaves photo files behind, never a body without them.
    virtual void dropSideBodies(const std::vector<Hash256>& blocks, const std::vector<Hash256>& photos) = 0;
};

} // namespace pb
