#pragma once
// Read-only block and catalogue queries over storage, beside TransferQueries: a block by hash
// or height as the explorer shows it (a pruned block as its header and the summary kept of its
// body), runs of active blocks, and the node catalogue. Throws StoreError when storage fails.
#include "core/chain/ChainStore.h"
#include "core/node/BlockInfo.h"
#include "core/node/KnownNodeInfo.h"
#include "core/node/QueryError.h"

namespace pb {

namespace storage {
class RedisPeerStore;
class RedisPruneStore;
} // namespace storage

class ChainQueries {
public:
    ChainQueries(ChainStore& chain, storage::RedisPruneStore& pruning, storage::RedisPeerStore& catalogue)
        : chain_(chain), pruning_(pruning), catalogue_(catalogue)
    {
    }

    std::optional<Hash256> hashAtHeight(uint64_t height) { return chain_.hashAtHeight(height); }
    // The stored block with this hash; NotFound or Unavailable (undecodable) in *error. A block
    // whose body a mobile node pruned comes back with bodyPruned set.
    std::optional<BlockInfo> block(const Hash256& hash, QueryError* error);
    // Active blocks at heights from .. from+count-1 (fewer past the tip); empty with *error.
    QList<BlockInfo> blocksFrom(uint64_t from, int count, QueryError* error);
    // The node catalogue, most recently seen first, at most `max`.
    QList<KnownNodeInfo> knownNodes(int max);

private:
    std::optional<BlockInfo> prunedBlock(const BlockIndexEntry& entry, QueryError* error);

    ChainStore& chain_;
    storage::RedisPruneStore& pruning_;
    storage::RedisPeerStore& catalogue_;
};

} // namespace pb
