#pragma once
// The charts' history through the Node interface: which stored series, over which range, as
// points of one bucket each. The node keeps kHistoryPoints buckets per range in Redis
// (core/storage/RedisSeriesStore), so a range's bucket is its span / kHistoryPoints.
#include <QList>
#include <QtGlobal>

namespace pb {

enum class HistorySeries { Received, Sent, Hashrate };  // bytes/s from peers, to peers; hashes/s
enum class HistoryRange { TenMinutes, OneHour, OneDay, SevenDays };

constexpr int kHistoryRanges = 4;
constexpr int kHistoryPoints = 120;

constexpr qint64 historySpanSeconds(HistoryRange range)
{
    constexpr qint64 spans[kHistoryRanges] = {600, 3600, 86400, 7 * 86400};
    return spans[int(range)];
}
constexpr qint64 historyBucketSeconds(HistoryRange range) { return historySpanSeconds(range) / kHistoryPoints; }

struct HistoryPoint {
    qint64 time = 0;   // the bucket's start, seconds since the epoch
    double value = 0;  // the mean of the samples in the bucket
};

} // namespace pb
