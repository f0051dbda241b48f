#pragma once
// A mobile node's storage policy: after the chain moves, the bodies (and their photos) of
// active blocks older than the prune window are dropped, in batches, each batch one Redis
// transaction that also queues the photo files for deletion; the files go after the commit,
// so a crash at any moment leaves a chain that loads and, at worst, a queue finished at the
// next pass. Bodies fetched again from peers on demand are kept for a while, then dropped
// the same way. Lives on the engine thread.
#include "core/chain/ChainStore.h"
#include "core/chain/NetworkParams.h"
#include "core/util/Logger.h"

#include <QString>
#include <set>

namespace pb::storage {
class PhotoStore;
class RedisPruneStore;
} // namespace pb::storage

namespace pb {

class BlockPruner {
public:
    static constexpr uint64_t kBatch = 500;               // bodies per transaction
    static constexpr qint64 kKeepRefetchedSeconds = 300;  // a body fetched on demand stays this long

    BlockPruner(uint64_t window, const NetworkParams& params, ChainStore& chain, storage::RedisPruneStore& store,
                storage::PhotoStore& photos, Logger& log);

    uint64_t window() const { return window_; }
    // One batch: the bodies that fell out of the window ending at `tip` and expired refetched
    // ones, then the queued photo files (mining jobs keep their photos in a store of their own).
    void prune(uint64_t tip, qint64 now);
    // A pruned body a peer sent on request: checked against its stored header and its photo,
    // then kept for kKeepRefetchedSeconds. False with *why when it does not fit.
    bool restore(const Hash256& hash, const Bytes& body, const Bytes& photo, qint64 now, QString* why);

private:
    void deleteQueuedPhotos();

    const uint64_t window_;
    const NetworkParams& params_;
    ChainStore& chain_;
    storage::RedisPruneStore& store_;
    storage::PhotoStore& photos_;
    Logger& log_;
};

} // namespace pb
