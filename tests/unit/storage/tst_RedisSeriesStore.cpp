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
        QVERIFY(m_dir.isValid());
        m_supervisor = std::make_unique<RedisSupervisor>(m_dir.path());
        QString error;
        QVERIFY2(m_supervisor->start(&error), qPrintable(error));
        m_client = RedisClient::connect(m_supervisor->endpoint(), kTimeoutMs, &error);
        QVERIFY2(m_client, qPrintable(error));
    }
    void init()
    {
        QVERIFY(m_client->command({"FLUSHALL"}).isOk());
        m_store = std::make_unique<RedisSeriesStore>(*m_client, "test");
    }
    void cleanupTestCase()
    {
        m_store.reset();
        m_client.reset();
        m_supervisor.reset();
    }

    void rangesSpanTheirNamesInTheSameNumberOfPoints()
    {
        const auto& r = RedisSeriesStore::ranges();
        const qint64 spans[] = {600, 3600, 86400, 7 * 86400};
        for (size_t i = 0; i < r.size(); ++i) QCOMPARE(r[i].bucketSeconds * RedisSeriesStore::kPointsPerRange, spans[i]);
    }

    void samplesAverageIntoEachRangesBuckets()
    {
        m_store->add("bytes_in", kNow, 10);
        m_store->add("bytes_in", kNow + 1, 20);
        m_store->add("bytes_in", kNow + 5, 30);
        m_store->add("bytes_out", kNow, 99);  // another series stays apart
        const auto fine = m_store->read("bytes_in", 0, kNow + 5);
        QCOMPARE(fine.size(), size_t(2));
        QCOMPARE(fine[0].time, kNow);
        QCOMPARE(fine[0].average, 15.0);
        QCOMPARE(fine[1].time, kNow + 5);
        QCOMPARE(fine[1].average, 30.0);
        for (int range = 1; range < 4; ++range) {
            const auto coarse = m_store->read("bytes_in", range, kNow + 5);
            QCOMPARE(coarse.size(), size_t(1));
            QCOMPARE(coarse[0].time, kNow);
            QCOMPARE(coarse[0].average, 20.0);
        }
        QCOMPARE(m_store->read("bytes_out", 3, kNow + 5).at(0).average, 99.0);
    }

    void everyTierStaysWithinItsBound()
    {
        // 300 samples 5 s apart: 300 buckets of the 10-minute range went by.
        for (int i = 0; i < 300; ++i) m_store->add("hashrate", kNow + 5 * i, i);
        const qint64 last = kNow + 5 * 299;
        const auto cardinality = [&](qint64 width) {
            return m_client->command({"ZCARD", "pb:test:v1:series:hashrate:" + std::to_string(width)}).integer();
        };
        QCOMPARE(cardinality(5), 120LL);
        QCOMPARE(cardinality(30), 50LL);   // 1500 s of samples
        QCOMPARE(cardinality(720), 3LL);
        QCOMPARE(cardinality(5040), 1LL);
        const auto points = m_store->read("hashrate", 0, last);
        QCOMPARE(points.size(), size_t(120));
        QCOMPARE(points.front().time, last - 5 * 119);
        QCOMPARE(points.back().time, last);
        QCOMPARE(points.back().average, 299.0);
        // Ten minutes later the 10-minute range is empty; the longer ones still show it.
        QVERIFY(m_store->read("hashrate", 0, last + 600).empty());
        QCOMPARE(m_store->read("hashrate", 1, last + 600).size(), size_t(50));
    }

    void theNextRunReadsWhatThisOneWrote()
    {
        m_store->add("bytes_out", kNow, 7);
        m_store.reset();
        RedisSeriesStore next(*m_client, "test");
        QCOMPARE(next.read("bytes_out", 2, kNow + 60).size(), size_t(1));
        QCOMPARE(next.read("bytes_out", 2, kNow + 60)[0].average, 7.0);
        QVERIFY(RedisSeriesStore(*m_client, "other").read("bytes_out", 2, kNow + 60).empty());
    }

    void badNamesAndRangesAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_store->add("bytes in", kNow, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_store->add("", kNow, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_store->read("bytes_in", 4, kNow));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_store->read("bytes_in", -1, kNow));
        QCOMPARE(m_client->command({"DBSIZE"}).integer(), 0LL);
    }

private:
    QTemporaryDir m_dir{kShortTempDirTemplate};
    std::unique_ptr<RedisSupervisor> m_supervisor;
    std::unique_ptr<RedisClient> m_client;
    std::unique_ptr<RedisSeriesStore> m_store;
};

QTEST_MAIN(TestRedisSeriesStore)
#include "tst_RedisSeriesStore.moc"
