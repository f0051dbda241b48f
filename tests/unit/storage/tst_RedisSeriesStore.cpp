// RedisSeriesStore against a real redis-server: samples average into each range's buckets,
// every tier stays within its bound however many samples arrive, reads keep to the range,
// a new store (the next run) reads what the last one wrote, and bad names are refused.
#include "StorageTestSupport.h"
#include "core/chain/ChainStore.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisSeriesStore.h"
#include "core/storage/RedisSupervisor.h"

#include <QtTest>

#include <memory>
#include <stdexcept>

using namespace pb;
using namespace pb::storage;

namespace {
constexpr int kTimeoutMs = 2000;
// A multiple of every bucket width (5040 s, the 7-day range's), so buckets start here.
constexpr qint64 kNow = 5040LL * 337'301;
} // namespace

class TestRedisSeriesStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        supervisor_ = std::make_unique<RedisSupervisor>(dir_.path());
        QString error;
        QVERIFY2(supervisor_->start(&error), qPrintable(error));
        client_ = RedisClient::connect(supervisor_->endpoint(), kTimeoutMs, &error);
        QVERIFY2(client_, qPrintable(error));
    }
    void init()
    {
        QVERIFY(client_->command({"FLUSHALL"}).isOk());
        store_ = std::make_unique<RedisSeriesStore>(*client_, "test");
    }
    void cleanupTestCase()
    {
        store_.reset();
        client_.reset();
        supervisor_.reset();
    }

    void rangesSpanTheirNamesInTheSameNumberOfPoints()
    {
        const auto& r = RedisSeriesStore::ranges();
        const qint64 spans[] = {600, 3600, 86400, 7 * 86400};
        for (size_t i = 0; i < r.size(); ++i) QCOMPARE(r[i].bucketSeconds * RedisSeriesStore::kPointsPerRange, spans[i]);
    }

    void samplesAverageIntoEachRangesBuckets()
    {
        store_->add("bytes_in", kNow, 10);
        store_->add("bytes_in", kNow + 1, 20);
        store_->add("bytes_in", kNow + 5, 30);
        store_->add("bytes_out", kNow, 99);  // another series stays apart
        const auto fine = store_->read("bytes_in", 0, kNow + 5);
        QCOMPARE(fine.size(), size_t(2));
        QCOMPARE(fine[0].time, kNow);
        QCOMPARE(fine[0].average, 15.0);
        QCOMPARE(fine[1].time, kNow + 5);
        QCOMPARE(fine[1].average, 30.0);
        for (int range = 1; range < 4; ++range) {
            const auto coarse = store_->read("bytes_in", range, kNow + 5);
            QCOMPARE(coarse.size(), size_t(1));
            QCOMPARE(coarse[0].time, kNow);
            QCOMPARE(coarse[0].average, 20.0);
        }
        QCOMPARE(store_->read("bytes_out", 3, kNow + 5).at(0).average, 99.0);
    }

    void everyTierStaysWithinItsBound()
    {
        // 300 samples 5 s apart: 300 buckets of the 10-minute range went by.
        for (int i = 0; i < 300; ++i) store_->add("hashrate", kNow + 5 * i, i);
        const qint64 last = kNow + 5 * 299;
        const auto cardinality = [&](qint64 width) {
            return client_->command({"ZCARD", "pb:test:v1:series:hashrate:" + std::to_string(width)}).integer();
        };
        QCOMPARE(cardinality(5), 120LL);
        QCOMPARE(cardinality(30), 50LL);   // 1500 s of samples
        QCOMPARE(cardinality(720), 3LL);
        QCOMPARE(cardinality(5040), 1LL);
        const auto points = store_->read("hashrate", 0, last);
        QCOMPARE(points.size(), size_t(120));
        QCOMPARE(points.front().time, last - 5 * 119);
        QCOMPARE(points.back().time, last);
        QCOMPARE(points.back().average, 299.0);
        // Ten minutes later the 10-minute range is empty; the longer ones still show it.
        QVERIFY(store_->read("hashrate", 0, last + 600).empty());
        QCOMPARE(store_->read("hashrate", 1, last + 600).size(), size_t(50));
    }

    void theNextRunReadsWhatThisOneWrote()
    {
        store_->add("bytes_out", kNow, 7);
        store_.reset();
        RedisSeriesStore next(*client_, "test");
        QCOMPARE(next.read("bytes_out", 2, kNow + 60).size(), size_t(1));
        QCOMPARE(next.read("bytes_out", 2, kNow + 60)[0].average, 7.0);
        QVERIFY(RedisSeriesStore(*client_, "other").read("bytes_out", 2, kNow + 60).empty());
    }

    void badNamesAndRangesAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store_->add("bytes in", kNow, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store_->add("", kNow, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store_->read("bytes_in", 4, kNow));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store_->read("bytes_in", -1, kNow));
        QCOMPARE(client_->command({"DBSIZE"}).integer(), 0LL);
    }

private:
    QTemporaryDir dir_{kShortTempDirTemplate};
    std::unique_ptr<RedisSupervisor> supervisor_;
    std::unique_ptr<RedisClient> client_;
    std::unique_ptr<RedisSeriesStore> store_;
};

QTEST_MAIN(TestRedisSeriesStore)
#include "tst_RedisSeriesStore.moc"
