// TrafficHistory against a real redis-server, with an injected clock and fake peers: every
// 5 s the rates since the last sample land in the bucket they were counted in (every range),
// a late tick stretches the interval without inflating the rates, a new sampler and store
// (the next run) read and extend what the last one wrote, and a lost connection costs the
// samples of the outage only (logged once), not the sampler.
#include "core/node/TrafficHistory.h"
#include "core/storage/RedisSeriesStore.h"
#include "tests/support/ScratchRedis.h"

#include <QtTest>

#include <memory>

using namespace pb;

namespace {
// A multiple of every bucket width (5040 s, the 7-day range's), so buckets start here.
constexpr qint64 kStart = 5040LL * 337'301;

PeerInfo peer(quint64 connection, quint64 in, quint64 out)
{
    PeerInfo p;
    p.connectionId = connection;
    p.bytesIn = in;
    p.bytesOut = out;
    return p;
}
} // namespace

class TrafficHistoryTest : public QObject {
    Q_OBJECT
    test::ScratchRedis redis_;
    Logger log_{false};
    QStringList warnings_, notes_;
    qint64 now_ = kStart;
    QList<PeerInfo> peers_;
    QList<int> hashrateWindows_;  // the `seconds` each hashrate reading was asked for
    std::unique_ptr<storage::RedisSeriesStore> store_;
    std::unique_ptr<node::TrafficHistory> history_;

    void startSampler()
    {
        store_ = std::make_unique<storage::RedisSeriesStore>(redis_.client(), "test");
        node::TrafficHistory::Sources sources;
        sources.peers = [this] { return peers_; };
        sources.hashrate = [this](int seconds) {
            hashrateWindows_.append(seconds);
            return 250.0;
        };
        history_ = std::make_unique<node::TrafficHistory>(*store_, log_, sources, [this] { return now_; });
    }
    // One tick a second for `seconds` seconds, peer 1 sending 1000 B/s in and 400 B/s out.
    void run(int seconds)
    {
        for (int i = 0; i < seconds; ++i) {
            peers_ = {peer(1, quint64(now_ - kStart) * 1000, quint64(now_ - kStart) * 400)};
            history_->tick();
            ++now_;
        }
    }
    QList<HistoryPoint> read(HistorySeries series, HistoryRange range)
    {
        return node::TrafficHistory::read(*store_, series, range, now_);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(redis_.start(&error), qPrintable(error));
    }
    void init()
    {
        QVERIFY(redis_.client().command({"FLUSHALL"}).isOk());
        log_.setListener([this](const LogLine& line) { (line.level == LogLine::Warning ? warnings_ : notes_) << line.text; });
        warnings_.clear();
        notes_.clear();
        now_ = kStart;
        hashrateWindows_.clear();
        startSampler();
    }

    void samplesLandInTheBucketTheyWereCountedIn()
    {
        run(11);  // ticks at kStart … kStart+10: samples at +5 (for kStart) and +10 (for kStart+5)
        const auto fine = read(HistorySeries::Received, HistoryRange::TenMinutes);
        QCOMPARE(int(fine.size()), 2);
        QCOMPARE(fine[0].time, kStart);
        QCOMPARE(fine[0].value, 1000.0);
        QCOMPARE(fine[1].time, kStart + 5);
        QCOMPARE(fine[1].value, 1000.0);
        QCOMPARE(read(HistorySeries::Sent, HistoryRange::TenMinutes).at(1).value, 400.0);
        QCOMPARE(read(HistorySeries::Hashrate, HistoryRange::TenMinutes).at(0).value, 250.0);
        QCOMPARE(hashrateWindows_, QList<int>({5, 5}));
        // Every longer range has one bucket, starting at kStart, averaging both samples.
        for (HistoryRange range : {HistoryRange::OneHour, HistoryRange::OneDay, HistoryRange::SevenDays}) {
            const auto coarse = read(HistorySeries::Sent, range);
            QCOMPARE(int(coarse.size()), 1);
            QCOMPARE(coarse[0].time, kStart);
            QCOMPARE(coarse[0].value, 400.0);
        }
        // The range's bucket widths are the store's.
        for (int r = 0; r < kHistoryRanges; ++r)
            QCOMPARE(storage::RedisSeriesStore::ranges()[size_t(r)].bucketSeconds, historyBucketSeconds(HistoryRange(r)));
    }

    void peersComingAndGoingNeverCountBackwards()
    {
        run(5);  // baseline at kStart, peer 1 at 4000 B in
        peers_ = {peer(2, 500, 0)};  // peer 1 closed, peer 2 is new with 500 B
        history_->tick();            // +5: the sample of kStart
        const auto points = read(HistorySeries::Received, HistoryRange::TenMinutes);
        QCOMPARE(int(points.size()), 1);
        QCOMPARE(points[0].value, (4000.0 + 500.0) / 5);
    }

    void aLateTickStretchesTheIntervalNotTheRate()
    {
        run(6);        // baseline at kStart; the sample of kStart at +5
        now_ += 11;    // the engine was busy: the next tick comes at +17
        run(1);
        const auto points = read(HistorySeries::Received, HistoryRange::TenMinutes);
        QCOMPARE(int(points.size()), 2);
        QCOMPARE(points[1].time, kStart + 5);  // the interval +5 … +17 goes into the bucket it began in
        QCOMPARE(points[1].value, 1000.0);
        QCOMPARE(hashrateWindows_.last(), 12);
    }

    void theNextRunReadsAndExtendsWhatThisOneWrote()
    {
        run(11);
        history_.reset();
        store_.reset();
        QString error;
        auto client = storage::RedisClient::connect(redis_.client().endpoint(), 2000, &error);
        QVERIFY2(client, qPrintable(error));
        storage::RedisSeriesStore next(*client, "test");
        const auto stored = node::TrafficHistory::read(next, HistorySeries::Received, HistoryRange::TenMinutes, now_);
        QCOMPARE(int(stored.size()), 2);
        QCOMPARE(stored[1].value, 1000.0);

        // A new sampler starts with a baseline (no sample for the time the node was down) and
        // goes on adding buckets after the stored ones.
        now_ += 60;
        startSampler();
        run(6);
        const auto extended = read(HistorySeries::Received, HistoryRange::TenMinutes);
        QCOMPARE(int(extended.size()), 3);
        QCOMPARE(extended[2].time, kStart + 70);
        QCOMPARE(extended[2].value, 1000.0);
    }

    void aLostConnectionCostsTheOutagesSamplesOnly()
    {
        run(6);  // the sample of kStart
        // The server drops every client: our connection is gone until someone reconnects.
        redis_.client().command({"CLIENT", "KILL", "TYPE", "normal", "SKIPME", "no"});
        QVERIFY(!redis_.client().command({"PING"}).isOk());
        QVERIFY(!redis_.client().isConnected());
        run(15);  // three samples are due and cannot be stored
        QCOMPARE(int(warnings_.size()), 1);
        QVERIFY2(warnings_[0].contains("not stored"), qPrintable(warnings_[0]));
        QString error;
        QVERIFY2(redis_.client().reconnect(&error), qPrintable(error));  // StorageSession::keepAlive's job
        run(5);
        QCOMPARE(int(warnings_.size()), 1);
        QVERIFY(notes_.contains("traffic history: storing samples again"));
        QList<qint64> times;
        for (const HistoryPoint& p : read(HistorySeries::Received, HistoryRange::TenMinutes)) times << p.time;
        QCOMPARE(times, QList<qint64>({kStart, kStart + 20}));
    }
};

QTEST_GUILESS_MAIN(TrafficHistoryTest)
#include "tst_traffic_history.moc"
