#include "core/storage/RedisMempoolStore.h"

#include "core/chain/ChainStore.h"

#include <QDateTime>
#include <charconv>

namespace pb::storage {

namespace {

RedisReply checked(RedisReply r, const char* what)
{
    if (r.isError()) throw StoreError(std::string(what) + " failed: " + r.str());
    return r;
}

// KEYS: mempool, mempool:arrived. ARGV: id, bytes, arrival time.
constexpr const char* kPutScript = R"(
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3])
return 1)";

} // namespace

RedisMempoolStore::RedisMempoolStore(RedisClient& redis, const std::string& network)
    : redis_(redis), key_("pb:" + network + ":v1:mempool"), arrivedKey_(key_ + ":arrived")
{
}

void RedisMempoolStore::put(const Hash256& id, const Bytes& raw, qint64 arrivedAt)
{
    checked(redis_.command({"EVAL", kPutScript, "2", key_, arrivedKey_, toHex(id), std::string(raw.begin(), raw.end()),
                            std::to_string(arrivedAt)}),
            "saving a pending transfer");
}

void RedisMempoolStore::put(const Hash256& id, const Bytes& raw) { put(id, raw, QDateTime::currentSecsSinceEpoch()); }

void RedisMempoolStore::remove(const Hash256& id)
{
    checked(redis_.command({"HDEL", key_, toHex(id)}), "removing a pending transfer");
    checked(redis_.command({"HDEL", arrivedKey_, toHex(id)}), "removing a pending transfer's arrival time");
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

std::map<Hash256, qint64> RedisMempoolStore::arrivals()
{
    const RedisReply r = checked(redis_.command({"HGETALL", arrivedKey_}), "reading the mempool's arrival times");
    std::map<Hash256, qint64> out;
    const auto& f = r.elements();
    for (size_t i = 0; i + 1 < f.size(); i += 2) {
        const std::string& text = f[i + 1].str();
        qint64 seconds = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        const auto id = hashFromHex(f[i].str());
        if (id && ec == std::errc() && end == text.data() + text.size()) out[*id] = seconds;
    }
    return out;
}

std::optional<Bytes> RedisMempoolStore::get(const Hash256& id)
{
    const RedisReply r = checked(redis_.command({"HGET", key_, toHex(id)}), "reading a pending transfer");
    if (r.isNil()) return std::nullopt;
    return Bytes(r.str().begin(), r.str().end());
}

} // namespace pb::storage
