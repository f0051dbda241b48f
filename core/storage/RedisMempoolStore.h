#pragma once
// The mempool's transfers in Redis, so pending transfers survive a restart: the hash
// `mempool` (tx id hex -> transfer bytes) under the network's key prefix. The engine writes
// it as the pool changes; LocalNode reads it to answer queries without the engine.
#include "core/storage/RedisClient.h"
#include "core/util/Bytes.h"

#include <map>

namespace pb::storage {

class RedisMempoolStore {
public:
    RedisMempoolStore(RedisClient& redis, const std::string& network);

    // Throw StoreError when Redis fails.
    void put(const Hash256& id, const Bytes& raw);
    void remove(const Hash256& id);
    std::map<Hash256, Bytes> all();
    std::optional<Bytes> get(const Hash256& id);

private:
    RedisClient& redis_;
    std::string key_;
};

} // namespace pb::storage
