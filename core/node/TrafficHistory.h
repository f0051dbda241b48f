#pragma once
// The charts' history kept across restarts: every kSampleSeconds (the finest range's bucket)
// the engine's once-a-second tick stores bytes/s received and sent over all peer connections
// and the local hashrate since the last sample into RedisSeriesStore, which downsamples them
// into the four ranges (bounded: at most 480 members per series). Lives on the engine thread;
// the clock is injected so tests can walk time.
//
// Redis may go away (a crash, a restart of the embedded server): a sample that cannot be stored
// is dropped (a gap in the chart), the loss is logged once, and sampling goes on; once the
// session has reconnected (StorageSession::keepAlive on the same tick) the next sample is stored.
#include "core/net/TrafficTotals.h"
#include "core/node/HistoryInfo.h"
#include "core/util/Logger.h"

#include <functional>

namespace pb {

namespace storage {
class RedisSeriesStore;
} // namespace storage

namespace node {

class TrafficHistory {
public:
    using Clock = std::function<qint64()>;  // seconds since the epoch
    struct Sources {
        std::function<QList<PeerInfo>()> peers;
        std::function<double(int seconds)> hashrate;  // hashes/s over the last `seconds`
    };
    static constexpr qint64 kSampleSeconds = historyBucketSeconds(HistoryRange::TenMinutes);

    TrafficHistory(storage::RedisSeriesStore& store, Logger& log, Sources sources, Clock clock);

    // Call about once a second: counts the peers' traffic, and stores a sample when one is due.
    void tick();

    // The stored buckets of one series over one range before `now`, oldest first. Throws
    // StoreError.
    static QList<HistoryPoint> read(storage::RedisSeriesStore& store, HistorySeries series, HistoryRange range, qint64 now);

private:
    // Stores the rates counted over the last `seconds` as the sample of the bucket at `start`.
    void store(qint64 start, qint64 seconds);

    storage::RedisSeriesStore& store_;
    Logger& log_;
    Sources sources_;
    Clock clock_;
    net::TrafficTotals traffic_;
    qint64 sampleStart_ = -1;   // the bucket the next sample goes into; -1 before the first tick
    qint64 countedSince_ = 0;   // when the totals below were taken
    quint64 receivedBefore_ = 0, sentBefore_ = 0;
    bool failing_ = false;     // the last sample could not be stored (logged once)
};

} // namespace node
} // namespace pb
