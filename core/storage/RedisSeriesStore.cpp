#include "core/storage/RedisSeriesStore.h"

#include "core/chain/ChainStore.h"
#include "core/storage/RedisClient.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace pb::storage {

namespace {

// KEYS: the tier. ARGV: bucket start, value, oldest bucket start to keep.
// Folds the sample into its bucket and drops buckets that fell out of the range.
constexpr const char* kAddScript = R"(
local start = tonumber(ARGV[1])
local sum, count = tonumber(ARGV[2]), 1
local old = redis.call('ZRANGEBYSCORE', KEYS[1], start, start)
for _, member in ipairs(old) do
  local _, s, c = string.match(member, '^(%S+) (%S+) (%S+)$')
  if s then sum = sum + tonumber(s); count = count + tonumber(c) end
  redis.call('ZREM', KEYS[1], member)
end
redis.call('ZADD', KEYS[1], start, ARGV[1] .. ' ' .. string.format('%.17g', sum) .. ' ' .. count)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
return count)";

RedisReply checked(RedisReply r, const char* what)
{
    if (r.isError()) throw StoreError(std::string(what) + " failed: " + r.str());
    return r;
}

bool validName(const std::string& s)
{
    return !s.empty() && s.size() <= 32 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

qint64 bucketStart(qint64 time, qint64 width)
{
    const qint64 q = time / width;
    return (time % width < 0 ? q - 1 : q) * width;
}

} // namespace

const std::array<SeriesRange, 4>& RedisSeriesStore::ranges()
{
    static const std::array<SeriesRange, 4> r = {{
        {"10 min", 600 / kPointsPerRange},
        {"1 h", 3600 / kPointsPerRange},
        {"24 h", 86400 / kPointsPerRange},
        {"7 d", 7 * 86400 / kPointsPerRange},
    }};
    return r;
}

RedisSeriesStore::RedisSeriesStore(RedisClient& redis, const std::string& network)
    : redis_(redis), prefix_("pb:" + network + ":v1:series:")
{
}

std::string RedisSeriesStore::key(const std::string& series, qint64 bucketSeconds) const
{
    if (!validName(series)) throw std::invalid_argument("series name \"" + series + "\" is not a short [a-z_] word");
    return prefix_ + series + ":" + std::to_string(bucketSeconds);
}

void RedisSeriesStore::add(const std::string& series, qint64 time, double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    // The four tiers in one round trip: the engine adds a few samples every few seconds.
    std::vector<RedisClient::Command> commands;
    for (const SeriesRange& r : ranges()) {
        const qint64 start = bucketStart(time, r.bucketSeconds);
        const qint64 oldest = start - r.bucketSeconds * (kPointsPerRange - 1);
        commands.push_back({"EVAL", kAddScript, "1", key(series, r.bucketSeconds), std::to_string(start), text, std::to_string(oldest)});
    }
    for (RedisReply& reply : redis_.pipeline(commands)) checked(std::move(reply), "saving a sample of a series");
}

std::vector<SeriesPoint> RedisSeriesStore::read(const std::string& series, int rangeIndex, qint64 now)
{
    if (rangeIndex < 0 || rangeIndex >= int(ranges().size())) throw std::invalid_argument("no such series range");
    const SeriesRange& r = ranges()[size_t(rangeIndex)];
    const qint64 oldest = bucketStart(now, r.bucketSeconds) - r.bucketSeconds * (kPointsPerRange - 1);
    const RedisReply reply = checked(redis_.command({"ZRANGEBYSCORE", key(series, r.bucketSeconds), std::to_string(oldest),
                                                     std::to_string(now)}),
                                     "reading a series");
    std::vector<SeriesPoint> points;
    for (const RedisReply& member : reply.elements()) {
        std::istringstream in(member.str());
        qint64 start = 0;
        double sum = 0;
        long long count = 0;
        if (in >> start >> sum >> count && count > 0) points.push_back({start, sum / double(count)});
    }
    return points;
}

} // namespace pb::storage
