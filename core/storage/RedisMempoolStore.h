#pragma once
// The mempool's transfers in Redis, so pending transfers survive a restart: the hash
// `mempool` (tx id hex -> transfer bytes) under the network's key prefix. The engine writes
// it as the pool changes; LocalNode reads it to answer queries without the engine. Beside it
// `mempool:arrived` (tx id hex -> seconds since the epoch) keeps when each transfer first came,
// for its age; put() and remove() change both hashes at once, so it never outgrows `mempool`.
#include "core/storage/RedisClient.h"
#include "core/util/Bytes.h"

#include <QtGlobal>
#include <map>

namespace pb::storage {

class RedisMempoolStore {
public:
    RedisMempoolStore(RedisClient& redis, const std::string& network);

    // Throw StoreError when Redis fails.
    // Putting a transfer again keeps its first arrival time.
    void put(const Hash256& id, const Bytes& raw, qint64 arrivedAt);
    void put(const Hash256& id, const Bytes& raw);  // arrived now
    void remove(const Hash256& id);
    std::map<Hash256, Bytes> all();
    std::optional<Bytes> get(const Hash256& id);
    // Arrival times by id; transfers put by versions that did not keep them are absent.
    std::map<Hash256, qint64> arrivals();

private:
    RedisClient& redis_;
    std::string key_;
    std::string arrivedKey_;
};

} // namespace pb::storage
