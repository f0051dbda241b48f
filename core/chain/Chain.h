#pragma once
// The active chain: validates blocks against consensus rules and the stored chain, connects
// them through the ChainStore, and builds templates for the miner. Not thread-safe: owned by
// the engine thread.
#include "core/chain/ChainStore.h"
#include "core/chain/Validation.h"

namespace pb {

struct TipInfo {
    Hash256 hash{};
    uint64_t height = 0;
    uint64_t time = 0;
    uint32_t bits = 0;
    Uint256 chainWork;
};

struct AcceptResult {
    ValidationResult validation;
    std::string storageError;  // set when the block was valid but could not be stored
    Hash256 hash{};
    uint64_t height = 0;
    bool ok() const { return validation.ok() && storageError.empty(); }
};

struct BlockTemplate {
    Block block;          // header complete except the nonce
    Hash256 target{};     // big-endian; the header hash must not exceed it
    uint64_t height = 0;
};

class Chain {
public:
    Chain(const NetworkParams& params, ChainStore& store);

    // Reads the tip, creating the genesis block in an empty store. Throws StoreError, or
    // StoreError naming the mismatch when the store holds another network's chain.
    void load();

    const NetworkParams& params() const { return params_; }
    const TipInfo& tip() const { return tip_; }

    // Validates an encoded block (and its photo, when it names one) and connects it when it
    // extends the tip.
    AcceptResult submitBlock(const Bytes& encoded, const Bytes* photo, uint64_t now);

    BlockTemplate makeTemplate(const crypto::AddressHash& rewardAddress, uint64_t now);

private:
    ChainContext contextAfter(const BlockIndexEntry& parent, uint64_t now);
    uint32_t nextBits(const BlockIndexEntry& parent);
    uint64_t medianTimePastAt(const BlockIndexEntry& last);
    BlockIndexEntry requireEntry(const Hash256& hash);
    void connect(const Block& block, const Bytes& encoded, const BlockIndexEntry& parent, bool isGenesis);

    const NetworkParams& params_;
    ChainStore& store_;
    TipInfo tip_;
};

} // namespace pb
