#include "core/node/TrafficHistory.h"

#include "core/chain/ChainStore.h"
#include "core/storage/RedisSeriesStore.h"

namespace pb::node {

namespace {

static_assert(kHistoryPoints == storage::RedisSeriesStore::kPointsPerRange);

// The stored series' names (RedisSeriesStore keys), in HistorySeries order.
const char* const kSeriesNames[] = {"bytes_in", "bytes_out", "hashrate"};

} // namespace

TrafficHistory::TrafficHistory(storage::RedisSeriesStore& store, Logger& log, Sources sources, Clock clock)
    : store_(store), log_(log), sources_(std::move(sources)), clock_(std::move(clock))
{
}

void TrafficHistory::tick()
{
    const qint64 now = clock_();
    traffic_.sample(sources_.peers ? sources_.peers() : QList<PeerInfo>{});
    // Samples are stored at bucket boundaries of the finest range, so each fills one bucket.
    const qint64 boundary = now - now % kSampleSeconds;
    if (sampleStart_ >= 0 && boundary <= sampleStart_) return;
    if (sampleStart_ >= 0 && now > countedSince_) store(sampleStart_, now - countedSince_);
    sampleStart_ = boundary;
    countedSince_ = now;
    receivedBefore_ = traffic_.received();
    sentBefore_ = traffic_.sent();
}

void TrafficHistory::store(qint64 start, qint64 seconds)
{
    // A late tick (a busy engine) stretches the interval; the rates stay per second.
    const double received = double(traffic_.received() - receivedBefore_) / double(seconds);
    const double sent = double(traffic_.sent() - sentBefore_) / double(seconds);
    const double hashrate = sources_.hashrate ? sources_.hashrate(int(seconds)) : 0.0;
    try {
        store_.add(kSeriesNames[int(HistorySeries::Received)], start, received);
        store_.add(kSeriesNames[int(HistorySeries::Sent)], start, sent);
        store_.add(kSeriesNames[int(HistorySeries::Hashrate)], start, hashrate);
        if (failing_) log_.info("traffic history: storing samples again");
        failing_ = false;
    } catch (const StoreError& e) {
        if (!failing_) log_.warning(QString("traffic history: a sample was not stored (%1); retrying every %2 s")
                                        .arg(QString::fromUtf8(e.what())).arg(kSampleSeconds));
        failing_ = true;
    }
}

QList<HistoryPoint> TrafficHistory::read(storage::RedisSeriesStore& store, HistorySeries series, HistoryRange range, qint64 now)
{
    QList<HistoryPoint> points;
    for (const storage::SeriesPoint& p : store.read(kSeriesNames[int(series)], int(range), now)) points.append({p.time, p.average});
    return points;
}

} // namespace pb::node
