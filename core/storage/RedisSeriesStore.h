#pragma once
// Downsampled time series in Redis (traffic in/out, hashrate), kept across restarts for the
// charts' ranges. Each sample goes into one tier per range, a sorted set
//   series:<name>:<bucket seconds>   score bucket start, member "<bucket start> <sum> <count>"
// under the network's "pb:<network>:v1:" prefix. A tier keeps at most kPointsPerRange buckets
// (older ones are deleted as new ones start), so each series holds at most
// 4 × kPointsPerRange = 480 members, however long the node runs: the bound.
// Methods throw StoreError (core/chain/ChainStore.h) when Redis fails.
#include <QtGlobal>

#include <array>
#include <string>
#include <vector>

namespace pb::storage {

class RedisClient;

struct SeriesRange {
    const char* name;       // "10 min", "1 h", "24 h", "7 d"
    qint64 bucketSeconds;   // kPointsPerRange buckets of this width span the range
};

struct SeriesPoint {
    qint64 time = 0;        // the bucket's start, seconds since the epoch
    double average = 0;     // mean of the samples in the bucket
};

class RedisSeriesStore {
public:
    static constexpr int kPointsPerRange = 120;
    static const std::array<SeriesRange, 4>& ranges();

    RedisSeriesStore(RedisClient& redis, const std::string& network);

    // Adds a sample at `time` to every tier. `series` names are short [a-z_] words chosen by
    // the engine (never peer input); anything else throws std::invalid_argument.
    void add(const std::string& series, qint64 time, double value);
    // The buckets of range `rangeIndex` (0 … 3) that lie within that range before `now`,
    // oldest first.
    std::vector<SeriesPoint> read(const std::string& series, int rangeIndex, qint64 now);

private:
    std::string key(const std::string& series, qint64 bucketSeconds) const;

    RedisClient& redis_;
    std::string prefix_;
};

} // namespace pb::storage
