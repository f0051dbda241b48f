#pragma once
// Mining jobs in Redis: `job:<id>` hashes and the `jobs` sorted set (by creation time), under
// the network's key prefix, so a node's queue survives restarts.
#include "core/mining/PhotoJob.h"
#include "core/storage/RedisClient.h"

#include <QStringList>
#include <vector>

namespace pb::storage {

class RedisJobStore {
public:
    RedisJobStore(RedisClient& redis, const std::string& network);

    // Insert or replace; throws StoreError when Redis fails.
    void save(const PhotoJob& job);
    // Oldest first. Damaged records are skipped and named in *skipped.
    std::vector<PhotoJob> all(QStringList* skipped = nullptr);
    // Forgets these jobs, in one transaction.
    void remove(const QStringList& ids);

private:
    std::string key(const std::string& suffix) const { return prefix_ + suffix; }
    RedisReply run(const std::vector<std::string>& args, const char* what);

    RedisClient& redis_;
    std::string prefix_;
};

} // namespace pb::storage
