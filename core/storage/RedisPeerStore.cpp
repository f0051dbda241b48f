#include "core/storage/RedisPeerStore.h"

#include "core/chain/ChainStore.h"
#include "core/storage/RedisClient.h"

#include <algorithm>
#include <charconv>

namespace pb::storage {

namespace {

// Catalogue reads fetch ids in slices so a huge `max` never asks Redis for one giant reply.
constexpr size_t kCatalogueSlice = 500;

// Conditional updates run as scripts: a read followed by a write from here could interleave
// with another client (a second process on a shared --redis server).

// KEYS: node:<id>, nodes. ARGV: id, seen.
constexpr const char* kTouchScript = R"(
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local old = tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]))
if old == nil or tonumber(ARGV[2]) > old then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
  redis.call('HSET', KEYS[1], 'seen', ARGV[2])
end
return 1)";

// KEYS: bans. ARGV: address, value, address, value, ... Deletes each entry still holding the
// expired value it was read with, so a ban renewed in between survives.
constexpr const char* kPruneScript = R"(
local n = 0
for i = 1, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
    n = n + redis.call('HDEL', KEYS[1], ARGV[i])
  end
end
return n)";

// KEYS: nodes. ARGV: the node:<id> key prefix, how many to keep. Deletes the rest, oldest first.
constexpr const char* kKeepNewestScript = R"(
local old = redis.call('ZRANGE', KEYS[1], 0, -tonumber(ARGV[2]) - 1)
for _, id in ipairs(old) do redis.call('DEL', ARGV[1] .. id) end
if #old > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, #old - 1) end
return #old)";

// KEYS: nodes. ARGV: the node:<id> key prefix. Turns a plain set into the sorted set.
constexpr const char* kUpgradeScript = R"(
if redis.call('TYPE', KEYS[1]).ok ~= 'set' then return -1 end
local ids = redis.call('SMEMBERS', KEYS[1])
redis.call('DEL', KEYS[1])
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], tonumber(redis.call('HGET', ARGV[1] .. id, 'seen')) or 0, id)
end
return #ids)";

std::optional<long long> parseInteger(const std::string& text)
{
    long long v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

QString fromUtf8(const std::string& s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
std::string utf8(const QString& s) { return s.toUtf8().toStdString(); }
std::string bytes(const Bytes& b) { return std::string(b.begin(), b.end()); }

const std::vector<std::string> kNodeFields = {"pack", "signature", "host", "port", "type", "seen"};

// The HMGET reply for kNodeFields as a record. nullopt with an empty *problem when there is no
// record; nullopt with *problem saying what is wrong when the record is damaged.
std::optional<NodeRecord> parseNode(const Hash256& id, const RedisReply& reply, std::string* problem)
{
    const auto damaged = [&](const std::string& what) -> std::optional<NodeRecord> {
        *problem = "node " + toHex(id) + ": " + what;
        return std::nullopt;
    };
    if (reply.isError()) return damaged(reply.str());
    const auto& f = reply.elements();
    if (f.size() != kNodeFields.size()) return damaged("unexpected reply " + reply.describe());
    if (std::all_of(f.begin(), f.end(), [](const RedisReply& e) { return e.isNil(); })) return std::nullopt;

    NodeRecord n;
    n.id = id;
    if (f[0].isNil()) return damaged("the record has no pack");
    n.pack = Bytes(f[0].str().begin(), f[0].str().end());
    if (f[1].str().size() != 64)
        return damaged("the signature is " + std::to_string(f[1].str().size()) + " bytes, not 64");
    n.signature = Bytes(f[1].str().begin(), f[1].str().end());
    n.host = fromUtf8(f[2].str());
    // Records written before host, port and type were stored have none: unknown, not damaged.
    if (!f[3].isNil()) {
        const auto port = parseInteger(f[3].str());
        if (!port || *port < 0 || *port > 65535) return damaged("port " + redisQuoted(f[3].str()) + " is not a port number");
        n.port = quint16(*port);
    }
    n.type = fromUtf8(f[4].str());
    const auto seen = parseInteger(f[5].str());
    if (!seen) return damaged("last seen " + redisQuoted(f[5].str()) + " is not a time");
    n.seen = *seen;
    return n;
}

} // namespace

RedisPeerStore::RedisPeerStore(RedisClient& redis, const std::string& network)
    : redis_(redis), prefix_("pb:" + network + ":v1:")
{
}

RedisReply RedisPeerStore::run(const std::vector<std::string>& args, const char* what)
{
    RedisReply r = redis_.command(args);
    if (r.isError()) throw StoreError(std::string(what) + " failed: " + r.str());
    return r;
}

void RedisPeerStore::upgradeCatalogue()
{
    if (catalogueChecked_) return;
    run({"EVAL", kUpgradeScript, "1", key("nodes"), key("node:")}, "converting the node catalogue to a sorted set");
    catalogueChecked_ = true;
}

void RedisPeerStore::saveNode(const NodeRecord& node)
{
    const std::string id = toHex(node.id);
    if (node.signature.size() != 64)
        throw StoreError("refusing to save node " + id + ": its signature is "
                         + std::to_string(node.signature.size()) + " bytes, not 64");
    upgradeCatalogue();
    const std::string seen = std::to_string(node.seen);
    const RedisReply r = redis_.transaction({
        {"DEL", key("node:" + id)},
        {"HSET", key("node:" + id), "pack", bytes(node.pack), "signature", bytes(node.signature), "host",
         utf8(node.host), "port", std::to_string(node.port), "type", utf8(node.type), "seen", seen},
        {"ZADD", key("nodes"), seen, id},
    });
    if (!r.isArray()) throw StoreError("saving node " + id + " failed: " + r.str());
}

bool RedisPeerStore::touchNode(const Hash256& id, qint64 seen)
{
    upgradeCatalogue();
    const std::string hex = toHex(id);
    const RedisReply r = run({"EVAL", kTouchScript, "2", key("node:" + hex), key("nodes"), hex, std::to_string(seen)},
                             "updating the last-seen time of a node");
    return r.integer() == 1;
}

std::vector<NodeRecord> RedisPeerStore::nodes(size_t max, QStringList* skipped)
{
    upgradeCatalogue();
    std::vector<NodeRecord> found;
    size_t start = 0;
    while (found.size() < max) {
        const size_t count = std::min(max - found.size(), kCatalogueSlice);
        const RedisReply range = run({"ZREVRANGE", key("nodes"), std::to_string(start), std::to_string(start + count - 1)},
                                     "reading the node catalogue");
        if (range.elements().empty()) break;
        start += range.elements().size();

        std::vector<Hash256> ids;
        std::vector<RedisClient::Command> reads;
        for (const RedisReply& member : range.elements()) {
            const auto id = hashFromHex(member.str());
            if (!id) {
                if (skipped) skipped->append(QString("catalogue entry %1 is not a node id").arg(QString::fromStdString(redisQuoted(member.str()))));
                continue;
            }
            ids.push_back(*id);
            RedisClient::Command read = {"HMGET", key("node:" + member.str())};
            read.insert(read.end(), kNodeFields.begin(), kNodeFields.end());
            reads.push_back(std::move(read));
        }
        const std::vector<RedisReply> records = redis_.pipeline(reads);
        if (!redis_.isConnected()) throw StoreError("reading node records failed: " + redis_.lastError().toStdString());
        for (size_t i = 0; i < ids.size(); ++i) {
            std::string problem;
            if (auto n = parseNode(ids[i], records[i], &problem)) {
                found.push_back(std::move(*n));
            } else if (skipped) {
                skipped->append(QString::fromStdString(
                    problem.empty() ? "node " + toHex(ids[i]) + " is in the catalogue but has no record" : problem));
            }
        }
    }
    return found;
}

std::optional<NodeRecord> RedisPeerStore::node(const Hash256& id)
{
    RedisClient::Command read = {"HMGET", key("node:" + toHex(id))};
    read.insert(read.end(), kNodeFields.begin(), kNodeFields.end());
    const RedisReply r = redis_.command(read);
    if (!redis_.isConnected()) throw StoreError("reading node " + toHex(id) + " failed: " + r.str());
    std::string problem;
    auto n = parseNode(id, r, &problem);
    if (!problem.empty()) throw StoreError("stored " + problem);
    return n;
}

void RedisPeerStore::removeNodes(const std::vector<Hash256>& ids)
{
    if (ids.empty()) return;
    upgradeCatalogue();
    std::vector<RedisClient::Command> commands;
    RedisClient::Command fromSet = {"ZREM", key("nodes")};
    for (const Hash256& id : ids) {
        commands.push_back({"DEL", key("node:" + toHex(id))});
        fromSet.push_back(toHex(id));
    }
    commands.push_back(fromSet);
    const RedisReply r = redis_.transaction(commands);
    if (!r.isArray()) throw StoreError("removing nodes from the catalogue failed: " + r.str());
}

void RedisPeerStore::keepNewest(size_t max)
{
    upgradeCatalogue();
    run({"EVAL", kKeepNewestScript, "1", key("nodes"), key("node:"), std::to_string(max)}, "trimming the node catalogue");
}

void RedisPeerStore::saveBan(const BanRecord& ban)
{
    run({"HSET", key("bans"), utf8(ban.address), std::to_string(ban.until) + ":" + std::to_string(ban.bannedAt) + " " + utf8(ban.reason)},
        "saving a ban");
}

bool RedisPeerStore::removeBan(const QString& address)
{
    return run({"HDEL", key("bans"), utf8(address)}, "lifting a ban").integer() > 0;
}

std::vector<BanRecord> RedisPeerStore::bans(qint64 now, QStringList* skipped)
{
    const RedisReply all = run({"HGETALL", key("bans")}, "reading the bans");
    const auto& e = all.elements();
    std::vector<BanRecord> inForce;
    std::vector<std::string> prune = {"EVAL", kPruneScript, "1", key("bans")};
    for (size_t i = 0; i + 1 < e.size(); i += 2) {
        const std::string& address = e[i].str();
        const std::string& value = e[i + 1].str();
        const size_t space = value.find(' ');
        const std::string times = value.substr(0, space);
        const size_t colon = times.find(':');
        const auto until = parseInteger(times.substr(0, colon));
        const auto bannedAt = colon == std::string::npos ? std::optional<long long>(0) : parseInteger(times.substr(colon + 1));
        if (!until || !bannedAt) {
            if (skipped)
                skipped->append(QString("ban of %1: %2 does not start with an expiry time (and a ban time)")
                                    .arg(QString::fromStdString(redisQuoted(address)), QString::fromStdString(redisQuoted(value))));
            continue;
        }
        if (*until <= now) {
            prune.push_back(address);
            prune.push_back(value);
            continue;
        }
        inForce.push_back({fromUtf8(address), *until, space == std::string::npos ? QString() : fromUtf8(value.substr(space + 1)),
                           *bannedAt});
    }
    if (prune.size() > 4) run(prune, "deleting expired bans");
    std::sort(inForce.begin(), inForce.end(), [](const BanRecord& a, const BanRecord& b) { return a.address < b.address; });
    return inForce;
}

} // namespace pb::storage
