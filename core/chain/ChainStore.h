#pragma once
// What the chain logic needs from storage. The Redis implementation lives in core/storage;
// tests may use any other. Read methods return nullopt for "not found"; I/O failures throw
// StoreError so that no caller can mistake a broken database for a missing block.
#include "core/chain/Uint256.h"
#include "core/crypto/Address.h"

#include <stdexcept>
#include <vector>

namespace pb {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct BlockIndexEntry {
    Hash256 hash{};
    Hash256 prevHash{};
    uint64_t height = 0;
    uint64_t time = 0;
    uint32_t bits = 0;
    Uint256 chainWork;  // cumulative work up to and including this block
};

struct BalanceChange {
    crypto::AddressHash address{};
    uint64_t before = 0;
    uint64_t after = 0;
};

// Everything that changes when a block joins the active chain, applied all-or-nothing.
struct BlockConnection {
    BlockIndexEntry entry;
    Bytes blockBytes;
    std::optional<Hash256> photoHash;
    std::vector<BalanceChange> balances;  // `before` values are the block's undo data
};

class ChainStore {
public:
    virtual ~ChainStore() = default;

    virtual std::optional<Hash256> tipHash() = 0;
    virtual std::optional<BlockIndexEntry> indexEntry(const Hash256& hash) = 0;
    virtual std::optional<Hash256> hashAtHeight(uint64_t height) = 0;
    virtual std::optional<Bytes> blockBytes(const Hash256& hash) = 0;
    virtual std::optional<Bytes> photo(const Hash256& photoHash) = 0;
    virtual bool photoOnChain(const Hash256& photoHash) = 0;
    virtual uint64_t balance(const crypto::AddressHash& address) = 0;

    // Writes the photo durably; must complete before the block naming it is connected.
    virtual void storePhoto(const Bytes& photo) = 0;
    // One atomic transaction: index entry, body, block pack, active chain, tip, balances, undo.
    virtual void connectBlock(const BlockConnection& connection) = 0;
};

} // namespace pb
