#pragma once
// A mobile node's pruning records, beside the chain's keys (see RedisChainStore):
//   pruned        every active height below this number has had its body dealt with
//   prunephotos   set of photo hashes whose files are to be deleted (queued in the same
//                 transaction that drops the bodies, so a crash leaves a queue to finish)
//   refetched     zset block hash -> time (s) until which a body fetched on demand is kept
// Dropping a body removes the `bytes` field of block:<hash> and writes a summary of it there
// (`pruned_photo`, `pruned_label`, `pruned_vote`, `pruned_size`) so explorers still show what
// the block carried; its index entry, header, pack, undo data and the account / transaction /
// photo indexes stay.
#include "core/storage/RedisClient.h"
#include "core/util/Bytes.h"

#include <optional>
#include <string>
#include <vector>

namespace pb::storage {

// What a pruned block carried: kept beside its header.
struct PrunedBody {
    Hash256 block{};
    std::optional<Hash256> photo;
    std::string label;
    std::string vote;  // abstain / agree / disagree
    uint64_t size = 0;  // bytes of the dropped body
};

class RedisPruneStore {
public:
    RedisPruneStore(RedisClient& redis, const std::string& network);

    uint64_t prunedBelow();
    // One MULTI/EXEC: the bodies go (their summaries stay), refetched entries for them are
    // forgotten, the mark moves (when `prunedBelow` is set) and the photos join the deletion queue.
    void dropBodies(const std::vector<PrunedBody>& bodies, std::optional<uint64_t> prunedBelow,
                    const std::vector<Hash256>& photos);
    // The summary kept for a pruned block; nullopt when none was written.
    std::optional<PrunedBody> summary(const Hash256& block);
    std::vector<Hash256> queuedPhotoDeletions();
    void dequeuePhotos(const std::vector<Hash256>& photos);

    // A pruned body fetched again from a peer, kept until `keepUntil` (seconds since the epoch).
    void restoreBody(const Hash256& block, const Bytes& body, qint64 keepUntil);
    // Fetched-again bodies whose time is up.
    std::vector<Hash256> expiredRestoredBodies(qint64 now);

private:
    std::string key(const std::string& suffix) const { return prefix_ + suffix; }
    RedisReply run(const RedisClient::Command& args, const char* what);
    std::vector<Hash256> hashes(const RedisReply& list, const char* what);

    RedisClient& redis_;
    std::string prefix_;
};

} // namespace pb::storage
