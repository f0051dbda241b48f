#include "core/storage/RedisMempoolStore.h"

#include "core/chain/ChainStore.h"

namespace pb::storage {

namespace {

RedisReply checked(RedisReply r, const char* what)
{
    if (r.isError()) throw StoreError(std::string(what) + " failed: " + r.str());
    return r;
}

} // namespace

RedisMempoolStore::RedisMempoolStore(RedisClient& redis, const std::string& network)
    : redis_(redis), key_("pb:" + network + ":v1:mempool")
{
}

void RedisMempoolStore::put(const Hash256& id, const Bytes& raw)
{
    checked(redis_.command({"HSET", key_, toHex(id), std::string(raw.begin(), raw.end())}), "saving a pending transfer");
}

void RedisMempoolStore::remove(const Hash256& id)
{
    checked(redis_.command({"HDEL", key_, toHex(id)}), "removing a pending transfer");
}

std::map<Hash256, Bytes> RedisMempoolStore::all()
{
    const RedisReply r = checked(redis_.command({"HGETALL", key_}), "reading the mempool");
    std::map<Hash256, Bytes> out;
    const auto& f = r.elements();
    for (size_t i = 0; i + 1 < f.size(); i += 2)
        if (const auto id = hashFromHex(f[i].str())) out[*id] = Bytes(f[i + 1].str().begin(), f[i + 1].str().end());
    return out;
}

std::optional<Bytes> RedisMempoolStore::get(const Hash256& id)
{
    const RedisReply r = checked(redis_.command({"HGET", key_, toHex(id)}), "reading a pending transfer");
    if (r.isNil()) return std::nullopt;
    return Bytes(r.str().begin(), r.str().end());
}

} // namespace pb::storage
