#include "core/storage/RedisChainStore.h"

#include "core/chain/ByteReader.h"
#include "core/storage/PhotoStore.h"
#include "core/storage/RedisClient.h"

#include <QDateTime>
#include <charconv>

namespace pb::storage {

namespace {

std::string hex(const Hash256& h) { return toHex(h); }

std::optional<uint64_t> parseUnsigned(const std::string& text)
{
    uint64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}

} // namespace

RedisChainStore::RedisChainStore(RedisClient& redis, PhotoStore& photos, const std::string& network)
    : redis_(redis), photos_(photos), network_(network), prefix_("pb:" + network + ":v1:")
{
}

RedisReply RedisChainStore::run(std::initializer_list<std::string_view> args)
{
    RedisReply r = redis_.command(args);
    if (r.isError()) throw StoreError("Redis " + std::string(*args.begin()) + " failed: " + r.str());
    return r;
}

void RedisChainStore::checkSchema()
{
    const std::string schemaKey = "pb:" + network_ + ":schema";
    const std::string expected = std::to_string(kSchemaVersion);
    run({"SETNX", schemaKey, expected});
    RedisReply r = run({"GET", schemaKey});
    if (r.str() == expected) return;
    throw StoreError("the database uses storage schema " + r.str() + " for network '" + network_
                     + "'; this node understands schema " + expected);
}

std::optional<Hash256> RedisChainStore::tipHash()
{
    RedisReply r = run({"GET", key("tip")});
    if (r.isNil()) return std::nullopt;
    auto h = hashFromHex(r.str());
    if (!h) throw StoreError("stored tip '" + r.str() + "' is not a block hash");
    return h;
}

std::optional<BlockIndexEntry> RedisChainStore::indexEntry(const Hash256& hash)
{
    RedisReply r = run({"HMGET", key("block:" + hex(hash)), "height", "prev", "time", "bits", "work"});
    const auto& f = r.elements();
    if (f.size() != 5 || f[0].isNil()) return std::nullopt;
    BlockIndexEntry e;
    e.hash = hash;
    const auto height = parseUnsigned(f[0].str());
    const auto prev = hashFromHex(f[1].str());
    const auto time = parseUnsigned(f[2].str());
    const auto bits = parseUnsigned(f[3].str());
    const auto work = Uint256::fromHex(f[4].str());
    if (!height || !prev || !time || !bits || !work)
        throw StoreError("index entry of block " + hex(hash) + " is damaged");
    e.height = *height;
    e.prevHash = *prev;
    e.time = *time;
    e.bits = uint32_t(*bits);
    e.chainWork = *work;
    return e;
}

std::optional<Hash256> RedisChainStore::hashAtHeight(uint64_t height)
{
    RedisReply r = run({"HGET", key("active"), std::to_string(height)});
    if (r.isNil()) return std::nullopt;
    auto h = hashFromHex(r.str());
    if (!h) throw StoreError("active chain entry at height " + std::to_string(height) + " is damaged");
    return h;
}

std::optional<Bytes> RedisChainStore::blockBytes(const Hash256& hash)
{
    RedisReply r = run({"HGET", key("block:" + hex(hash)), "bytes"});
    if (r.isNil()) return std::nullopt;
    return Bytes(r.str().begin(), r.str().end());
}

std::optional<Bytes> RedisChainStore::photo(const Hash256& photoHash) { return photos_.get(photoHash); }

bool RedisChainStore::photoOnChain(const Hash256& photoHash)
{
    return run({"HEXISTS", key("photos"), hex(photoHash)}).integer() == 1;
}

uint64_t RedisChainStore::balance(const crypto::AddressHash& address)
{
    RedisReply r = run({"HGET", key("balance"), toHex(address)});
    if (r.isNil()) return 0;
    const auto v = parseUnsigned(r.str());
    if (!v) throw StoreError("balance of " + toHex(address) + " is damaged");
    return *v;
}

void RedisChainStore::storePhoto(const Bytes& photo)
{
    QString error;
    if (!photos_.put(photo, &error)) throw StoreError("cannot write the photo: " + error.toStdString());
}

Bytes RedisChainStore::encodeUndo(const std::vector<BalanceChange>& changes)
{
    Bytes out;
    appendU32(out, uint32_t(changes.size()));
    for (const BalanceChange& c : changes) {
        appendArray(out, c.address);
        appendU64(out, c.before);
        appendU64(out, c.after);
    }
    return out;
}

std::optional<std::vector<BalanceChange>> RedisChainStore::decodeUndo(const Bytes& bytes)
{
    ByteReader r(bytes.data(), bytes.size());
    uint32_t count = 0;
    if (!r.readU32(count) || count > r.remaining() / 36) return std::nullopt;
    std::vector<BalanceChange> changes(count);
    for (BalanceChange& c : changes)
        if (!r.readArray(c.address) || !r.readU64(c.before) || !r.readU64(c.after)) return std::nullopt;
    if (!r.atEnd()) return std::nullopt;
    return changes;
}

void RedisChainStore::connectBlock(const BlockConnection& c)
{
    const BlockIndexEntry& e = c.entry;
    const std::string h = hex(e.hash), height = std::to_string(e.height), prev = hex(e.prevHash);
    const Bytes undo = encodeUndo(c.balances);
    std::vector<RedisClient::Command> commands = {
        {"HSET", key("block:" + h), "bytes", std::string(c.blockBytes.begin(), c.blockBytes.end()), "height", height,
         "prev", prev, "time", std::to_string(e.time), "bits", std::to_string(e.bits), "work", e.chainWork.toHex()},
        {"HSET", key("pack:" + h), "type", "block", "height", height, "hash", h, "prev", prev},
        {"SET", key("undo:" + h), std::string(undo.begin(), undo.end())},
        {"HSET", key("active"), height, h},
        {"SET", key("tip"), h},
    };
    for (const BalanceChange& b : c.balances)
        commands.push_back({"HSET", key("balance"), toHex(b.address), std::to_string(b.after)});
    if (c.photoHash) commands.push_back({"HSET", key("photos"), hex(*c.photoHash), h});

    RedisReply r = redis_.transaction(commands);
    if (!r.isArray()) throw StoreError("connecting block " + h + " at height " + height + " failed: " + r.str());
}

void RedisChainStore::saveNodePack(const Hash256& nodeId, const Bytes& packBytes, const std::array<uint8_t, 64>& signature)
{
    const std::string id = hex(nodeId);
    RedisReply r = redis_.transaction({
        {"HSET", key("node:" + id), "pack", std::string(packBytes.begin(), packBytes.end()), "signature",
         std::string(signature.begin(), signature.end()), "seen", std::to_string(QDateTime::currentSecsSinceEpoch())},
        {"SADD", key("nodes"), id},
    });
    if (!r.isArray()) throw StoreError("saving node pack " + id + " failed: " + r.str());
}

} // namespace pb::storage
