#include "core/storage/RedisPruneStore.h"

#include "core/chain/ChainStore.h"

#include <cstdlib>

namespace pb::storage {

RedisPruneStore::RedisPruneStore(RedisClient& redis, const std::string& network)
    : redis_(redis), prefix_("pb:" + network + ":v1:")
{
}

RedisReply RedisPruneStore::run(const RedisClient::Command& args, const char* what)
{
    RedisReply r = redis_.command(args);
    if (r.isError()) throw StoreError(std::string(what) + " failed: " + r.str());
    return r;
}

std::vector<Hash256> RedisPruneStore::hashes(const RedisReply& list, const char* what)
{
    std::vector<Hash256> out;
    for (const RedisReply& e : list.elements()) {
        const auto h = hashFromHex(e.str());
        if (!h) throw StoreError(std::string(what) + " holds a damaged hash");
        out.push_back(*h);
    }
    return out;
}

uint64_t RedisPruneStore::prunedBelow()
{
    const RedisReply r = run({"GET", key("pruned")}, "reading the pruning mark");
    if (r.isNil()) return 0;
    try {
        return std::stoull(r.str());
    } catch (const std::exception&) {
        throw StoreError("the pruning mark '" + r.str() + "' is damaged");
    }
}

void RedisPruneStore::dropBodies(const std::vector<PrunedBody>& bodies, std::optional<uint64_t> prunedBelow,
                                 const std::vector<Hash256>& photos)
{
    std::vector<RedisClient::Command> commands;
    for (const PrunedBody& b : bodies) {
        const std::string block = key("block:" + toHex(b.block));
        commands.push_back({"HDEL", block, "bytes"});
        commands.push_back({"HSET", block, "pruned_photo", b.photo ? toHex(*b.photo) : std::string(), "pruned_label", b.label,
                            "pruned_vote", b.vote, "pruned_size", std::to_string(b.size)});
        commands.push_back({"ZREM", key("refetched"), toHex(b.block)});
    }
    if (prunedBelow) commands.push_back({"SET", key("pruned"), std::to_string(*prunedBelow)});
    if (!photos.empty()) {
        RedisClient::Command queue = {"SADD", key("prunephotos")};
        for (const Hash256& p : photos) queue.push_back(toHex(p));
        commands.push_back(std::move(queue));
    }
    if (commands.empty()) return;
    const RedisReply r = redis_.transaction(commands);
    if (!r.isArray()) throw StoreError("pruning block bodies failed: " + r.str());
}

std::optional<PrunedBody> RedisPruneStore::summary(const Hash256& block)
{
    const RedisReply r = run({"HMGET", key("block:" + toHex(block)), "pruned_photo", "pruned_label", "pruned_vote", "pruned_size"},
                             "reading a pruned block's summary");
    const auto& f = r.elements();
    if (f.size() != 4 || f[2].isNil()) return std::nullopt;
    PrunedBody body;
    body.block = block;
    if (!f[0].str().empty()) body.photo = hashFromHex(f[0].str());
    body.label = f[1].str();
    body.vote = f[2].str();
    body.size = std::strtoull(f[3].str().c_str(), nullptr, 10);
    return body;
}

std::vector<Hash256> RedisPruneStore::queuedPhotoDeletions()
{
    return hashes(run({"SMEMBERS", key("prunephotos")}, "reading the photo deletion queue"), "the photo deletion queue");
}

void RedisPruneStore::dequeuePhotos(const std::vector<Hash256>& photos)
{
    if (photos.empty()) return;
    RedisClient::Command c = {"SREM", key("prunephotos")};
    for (const Hash256& p : photos) c.push_back(toHex(p));
    run(c, "updating the photo deletion queue");
}

void RedisPruneStore::restoreBody(const Hash256& block, const Bytes& body, qint64 keepUntil)
{
    const RedisReply r = redis_.transaction({{"HSET", key("block:" + toHex(block)), "bytes", std::string(body.begin(), body.end())},
                                             {"ZADD", key("refetched"), std::to_string(keepUntil), toHex(block)}});
    if (!r.isArray()) throw StoreError("storing the fetched body of " + toHex(block) + " failed: " + r.str());
}

std::vector<Hash256> RedisPruneStore::expiredRestoredBodies(qint64 now)
{
    return hashes(run({"ZRANGEBYSCORE", key("refetched"), "-inf", std::to_string(now)}, "reading fetched bodies"),
                  "the fetched bodies' list");
}

} // namespace pb::storage
