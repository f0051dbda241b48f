// RedisPeerStore against a real redis-server: the node catalogue, bans and their expiry,
// damaged records, the upgrade of the old plain-set catalogue, and persistence.
#include "StorageTestSupport.h"
#include "core/chain/ChainStore.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisPeerStore.h"
#include "core/storage/RedisSupervisor.h"

#include <QtTest>

#include <memory>

using namespace pb;
using namespace pb::storage;

namespace {

constexpr int kTimeoutMs = 2000;
constexpr qint64 kNow = 1'700'000'000;

Hash256 idOf(uint8_t n)
{
    Hash256 id{};
    id.fill(n);
    return id;
}

NodeRecord nodeRecord(uint8_t n, qint64 seen)
{
    NodeRecord r;
    r.id = idOf(n);
    r.pack = {n, 0, '\r', '\n', 0xff};  // binary, as a signed encoding is
    r.signature = Bytes(64, uint8_t(n + 1));
    r.host = QString("10.0.0.%1").arg(n);
    r.port = quint16(7000 + n);
    r.type = "full";
    r.seen = seen;
    return r;
}

std::vector<uint8_t> firstBytes(const std::vector<NodeRecord>& nodes)
{
    std::vector<uint8_t> out;
    for (const NodeRecord& n : nodes) out.push_back(n.id[0]);
    return out;
}

} // namespace

class TestRedisPeerStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void savedNodeReadsBackExactly();
    void savingAgainReplacesTheRecord();
    void nodesAreMostRecentFirstAndLimitedToMax();
    void touchOnlyMovesLastSeenForward();
    void nodesAreRemovedAndTrimmedToTheNewest();
    void malformedSignatureIsRefused();
    void bansAreListedSortedAndRemovable();
    void expiredBansAreNotListedAndDeleted();
    void banTimeIsKeptAndOldRecordsWithoutItLoad();
    void damagedNodesAreSkippedWithAReasonOrThrowWhenAskedFor();
    void damagedBansAreSkippedAndRemovable();
    void plainSetCatalogueIsUpgraded();
    void networksDoNotSeeEachOther();
    void dataSurvivesRedisRestartAndFailuresThrow();

private:
    RedisClient& redis() { return *client_; }
    std::string key(const std::string& suffix) const { return "pb:test:v1:" + suffix; }

    QTemporaryDir dir_{kShortTempDirTemplate};
    std::unique_ptr<RedisSupervisor> supervisor_;
    std::unique_ptr<RedisClient> client_;
    std::unique_ptr<RedisPeerStore> store_;
};

void TestRedisPeerStore::initTestCase()
{
    QVERIFY(dir_.isValid());
    supervisor_ = std::make_unique<RedisSupervisor>(dir_.path());
    QString error;
    QVERIFY2(supervisor_->start(&error), qPrintable(error));
}

void TestRedisPeerStore::init()
{
    QString error;
    if (!client_ || !client_->isConnected()) client_ = RedisClient::connect(supervisor_->endpoint(), kTimeoutMs, &error);
    QVERIFY2(client_, qPrintable(error));
    QVERIFY(client_->command({"FLUSHALL"}).isOk());
    // A fresh store per test: the catalogue upgrade check runs once per store.
    store_ = std::make_unique<RedisPeerStore>(*client_, "test");
}

void TestRedisPeerStore::cleanupTestCase()
{
    store_.reset();
    client_.reset();
    supervisor_.reset();
}

void TestRedisPeerStore::savedNodeReadsBackExactly()
{
    const NodeRecord saved = nodeRecord(7, kNow);
    store_->saveNode(saved);
    const auto got = store_->node(saved.id);
    QVERIFY(got);
    QVERIFY(got->id == saved.id);
    QVERIFY(got->pack == saved.pack);
    QVERIFY(got->signature == saved.signature);
    QCOMPARE(got->host, saved.host);
    QCOMPARE(got->port, saved.port);
    QCOMPARE(got->type, saved.type);
    QCOMPARE(got->seen, saved.seen);

    QVERIFY(!store_->node(idOf(8)));
    QCOMPARE(redis().command({"ZSCORE", key("nodes"), toHex(saved.id)}).str(), std::to_string(kNow));
}

void TestRedisPeerStore::savingAgainReplacesTheRecord()
{
    NodeRecord n = nodeRecord(1, kNow);
    store_->saveNode(n);
    QVERIFY(redis().command({"HSET", key("node:" + toHex(n.id)), "stale", "field"}).isInteger());
    n.host = "";
    n.port = 0;
    n.seen = kNow - 50;  // a re-announcement may carry an older time: the record says what was saved
    store_->saveNode(n);

    const auto got = store_->node(n.id);
    QVERIFY(got);
    QCOMPARE(got->host, QString());
    QCOMPARE(got->port, quint16(0));
    QCOMPARE(got->seen, kNow - 50);
    QCOMPARE(redis().command({"HEXISTS", key("node:" + toHex(n.id)), "stale"}).integer(), 0LL);
    QCOMPARE(store_->nodes(10).size(), size_t(1));
}

void TestRedisPeerStore::nodesAreMostRecentFirstAndLimitedToMax()
{
    for (uint8_t n : {3, 1, 5, 2, 4}) store_->saveNode(nodeRecord(n, kNow + n * 10));
    QCOMPARE(firstBytes(store_->nodes(100)), (std::vector<uint8_t>{5, 4, 3, 2, 1}));
    QCOMPARE(firstBytes(store_->nodes(2)), (std::vector<uint8_t>{5, 4}));
    QVERIFY(store_->nodes(0).empty());
    // More than one slice of the catalogue is read when max asks for it.
    for (int n = 10; n < 250; ++n) store_->saveNode(nodeRecord(uint8_t(n), kNow - n));
    QStringList skipped;
    const auto all = store_->nodes(size_t(-1), &skipped);
    QCOMPARE(all.size(), size_t(245));
    QVERIFY(skipped.isEmpty());
    QVERIFY(std::is_sorted(all.begin(), all.end(), [](const NodeRecord& a, const NodeRecord& b) { return a.seen > b.seen; }));
}

void TestRedisPeerStore::nodesAreRemovedAndTrimmedToTheNewest()
{
    for (uint8_t n = 1; n <= 10; ++n) store_->saveNode(nodeRecord(n, kNow + n));
    store_->removeNodes({idOf(10), idOf(3), idOf(99)});  // an unknown id is ignored
    QCOMPARE(firstBytes(store_->nodes(100)), (std::vector<uint8_t>{9, 8, 7, 6, 5, 4, 2, 1}));
    QCOMPARE(redis().command({"EXISTS", key("node:" + toHex(idOf(10)))}).integer(), 0LL);

    store_->keepNewest(3);
    QCOMPARE(firstBytes(store_->nodes(100)), (std::vector<uint8_t>{9, 8, 7}));
    QCOMPARE(redis().command({"EXISTS", key("node:" + toHex(idOf(1)))}).integer(), 0LL);  // the records go too
    store_->keepNewest(5);  // fewer than that: nothing changes
    QCOMPARE(store_->nodes(100).size(), size_t(3));
    store_->removeNodes({});
}

void TestRedisPeerStore::touchOnlyMovesLastSeenForward()
{
    store_->saveNode(nodeRecord(1, kNow));
    store_->saveNode(nodeRecord(2, kNow + 10));
    QVERIFY(store_->touchNode(idOf(1), kNow + 20));
    QCOMPARE(firstBytes(store_->nodes(10)), (std::vector<uint8_t>{1, 2}));
    QCOMPARE(store_->node(idOf(1))->seen, kNow + 20);

    QVERIFY(store_->touchNode(idOf(1), kNow + 5));
    QCOMPARE(store_->node(idOf(1))->seen, kNow + 20);
    QCOMPARE(firstBytes(store_->nodes(10)), (std::vector<uint8_t>{1, 2}));

    QVERIFY(!store_->touchNode(idOf(9), kNow + 30));
    QVERIFY(!store_->node(idOf(9)));
    QCOMPARE(store_->nodes(10).size(), size_t(2));
}

void TestRedisPeerStore::malformedSignatureIsRefused()
{
    NodeRecord n = nodeRecord(1, kNow);
    n.signature.resize(63);
    QVERIFY_THROWS_EXCEPTION(StoreError, store_->saveNode(n));
    QVERIFY(!store_->node(n.id));
}

void TestRedisPeerStore::bansAreListedSortedAndRemovable()
{
    store_->saveBan({"192.0.2.9", kNow + 100, "flooded us with headers"});
    store_->saveBan({"2001:db8::1", kNow + 200, ""});
    store_->saveBan({"10.1.2.3", kNow + 300, "spam"});
    store_->saveBan({"10.1.2.3", kNow + 400, "spam, again"});  // replaces

    const auto bans = store_->bans(kNow);
    QCOMPARE(bans.size(), size_t(3));
    QCOMPARE(bans[0].address, QString("10.1.2.3"));
    QCOMPARE(bans[0].until, kNow + 400);
    QCOMPARE(bans[0].reason, QString("spam, again"));
    QCOMPARE(bans[1].address, QString("192.0.2.9"));
    QCOMPARE(bans[1].reason, QString("flooded us with headers"));
    QCOMPARE(bans[2].address, QString("2001:db8::1"));
    QCOMPARE(bans[2].reason, QString());

    QVERIFY(store_->removeBan("192.0.2.9"));
    QVERIFY(!store_->removeBan("192.0.2.9"));
    QVERIFY(!store_->removeBan("203.0.113.1"));
    QCOMPARE(store_->bans(kNow).size(), size_t(2));
}

void TestRedisPeerStore::banTimeIsKeptAndOldRecordsWithoutItLoad()
{
    store_->saveBan({"192.0.2.1", kNow + 100, "new record", kNow - 5});
    // What versions before the ban time wrote: "<until> <reason>".
    QVERIFY(redis().command({"HSET", key("bans"), "192.0.2.2", std::to_string(kNow + 200) + " old record"}).integer() == 1);
    QVERIFY(redis().command({"HSET", key("bans"), "192.0.2.3", std::to_string(kNow + 300) + ":later x"}).integer() == 1);
    QStringList skipped;
    const auto bans = store_->bans(kNow, &skipped);
    QCOMPARE(bans.size(), size_t(2));
    QCOMPARE(bans[0].bannedAt, kNow - 5);
    QCOMPARE(bans[0].until, kNow + 100);
    QCOMPARE(bans[0].reason, QString("new record"));
    QCOMPARE(bans[1].bannedAt, 0LL);
    QCOMPARE(bans[1].until, kNow + 200);
    QCOMPARE(bans[1].reason, QString("old record"));
    QCOMPARE(skipped.size(), 1);  // a ban time that is not a number is damage, not "unknown"
    QVERIFY2(skipped.first().contains("192.0.2.3"), qPrintable(skipped.first()));
}

void TestRedisPeerStore::expiredBansAreNotListedAndDeleted()
{
    store_->saveBan({"192.0.2.1", kNow - 1, "old"});
    store_->saveBan({"192.0.2.2", kNow, "ends now"});
    store_->saveBan({"192.0.2.3", kNow + 1, "still on"});
    const auto bans = store_->bans(kNow);
    QCOMPARE(bans.size(), size_t(1));
    QCOMPARE(bans[0].address, QString("192.0.2.3"));
    QCOMPARE(redis().command({"HLEN", key("bans")}).integer(), 1LL);
    QVERIFY(store_->bans(kNow + 1).empty());
    QCOMPARE(redis().command({"HLEN", key("bans")}).integer(), 0LL);
}

void TestRedisPeerStore::damagedNodesAreSkippedWithAReasonOrThrowWhenAskedFor()
{
    for (uint8_t n = 1; n <= 5; ++n) store_->saveNode(nodeRecord(n, kNow + n));
    const auto field = [&](uint8_t n, const char* name, const std::string& value) {
        QVERIFY(redis().command({"HSET", key("node:" + toHex(idOf(n))), name, value}).isInteger());
    };
    field(1, "port", "70000");
    field(2, "signature", "short");
    field(3, "seen", "yesterday");
    QVERIFY(redis().command({"DEL", key("node:" + toHex(idOf(4)))}).integer() == 1);
    QVERIFY(redis().command({"ZADD", key("nodes"), "1", "not-an-id"}).integer() == 1);

    QStringList skipped;
    const auto nodes = store_->nodes(10, &skipped);
    QCOMPARE(firstBytes(nodes), (std::vector<uint8_t>{5}));
    QCOMPARE(skipped.size(), 5);
    const QString all = skipped.join('\n');
    QVERIFY2(all.contains("port \"70000\" is not a port number"), qPrintable(all));
    QVERIFY2(all.contains("signature is 5 bytes, not 64"), qPrintable(all));
    QVERIFY2(all.contains("last seen \"yesterday\" is not a time"), qPrintable(all));
    QVERIFY2(all.contains(QString::fromStdString(toHex(idOf(4))) + " is in the catalogue but has no record"), qPrintable(all));
    QVERIFY2(all.contains("catalogue entry \"not-an-id\" is not a node id"), qPrintable(all));
    // Without a list for the reasons the damaged entries are still skipped.
    QCOMPARE(store_->nodes(10).size(), size_t(1));

    try {
        store_->node(idOf(1));
        QFAIL("a damaged record must not read as a node");
    } catch (const StoreError& e) {
        QVERIFY2(QString(e.what()).contains("is not a port number"), e.what());
    }
    QVERIFY(redis().command({"SET", key("node:" + toHex(idOf(6))), "a string"}).isOk());
    QVERIFY_THROWS_EXCEPTION(StoreError, store_->node(idOf(6)));
}

void TestRedisPeerStore::damagedBansAreSkippedAndRemovable()
{
    store_->saveBan({"192.0.2.1", kNow + 100, "fine"});
    QVERIFY(redis().command({"HSET", key("bans"), "192.0.2.2", "soon bad"}).integer() == 1);
    QVERIFY(redis().command({"HSET", key("bans"), "192.0.2.3", ""}).integer() == 1);
    QStringList skipped;
    const auto bans = store_->bans(kNow, &skipped);
    QCOMPARE(bans.size(), size_t(1));
    QCOMPARE(skipped.size(), 2);
    QVERIFY2(skipped.join('\n').contains("ban of \"192.0.2.2\": \"soon bad\" does not start with an expiry time"),
             qPrintable(skipped.join('\n')));
    // Not pruned as if expired: the entry stays until someone looks at it and lifts it.
    QCOMPARE(redis().command({"HLEN", key("bans")}).integer(), 3LL);
    QVERIFY(store_->removeBan("192.0.2.2"));
    QVERIFY(store_->removeBan("192.0.2.3"));
    skipped.clear();
    QCOMPARE(store_->bans(kNow, &skipped).size(), size_t(1));
    QVERIFY(skipped.isEmpty());
}

void TestRedisPeerStore::plainSetCatalogueIsUpgraded()
{
    // What RedisChainStore::saveNodePack wrote: a plain set and records without host/port/type.
    for (uint8_t n : {1, 2}) {
        const std::string id = toHex(idOf(n));
        QVERIFY(redis().command({"HSET", key("node:" + id), "pack", "p", "signature", std::string(64, 's'), "seen",
                                 std::to_string(kNow + n)}).isInteger());
        QVERIFY(redis().command({"SADD", key("nodes"), id}).integer() == 1);
    }
    const auto nodes = store_->nodes(10);
    QCOMPARE(firstBytes(nodes), (std::vector<uint8_t>{2, 1}));
    QCOMPARE(nodes[0].host, QString());
    QCOMPARE(nodes[0].port, quint16(0));
    QCOMPARE(nodes[0].type, QString());
    QCOMPARE(redis().command({"TYPE", key("nodes")}).str(), std::string("zset"));
    store_->saveNode(nodeRecord(3, kNow + 3));
    QCOMPARE(firstBytes(store_->nodes(10)), (std::vector<uint8_t>{3, 2, 1}));
}

void TestRedisPeerStore::networksDoNotSeeEachOther()
{
    RedisPeerStore dev(redis(), "dev");
    dev.saveNode(nodeRecord(1, kNow));
    dev.saveBan({"192.0.2.1", kNow + 10, ""});
    QVERIFY(store_->nodes(10).empty());
    QVERIFY(store_->bans(kNow).empty());
    QVERIFY(!store_->node(idOf(1)));
    QCOMPARE(dev.nodes(10).size(), size_t(1));
    QCOMPARE(redis().command({"EXISTS", "pb:dev:v1:nodes", "pb:dev:v1:bans", "pb:dev:v1:node:" + toHex(idOf(1))}).integer(), 3LL);
}

void TestRedisPeerStore::dataSurvivesRedisRestartAndFailuresThrow()
{
    store_->saveNode(nodeRecord(1, kNow));
    store_->saveBan({"192.0.2.1", kNow + 100, "persisted"});
    supervisor_->stop();  // a clean shutdown flushes the append-only file

    QVERIFY_THROWS_EXCEPTION(StoreError, store_->nodes(10));
    QVERIFY_THROWS_EXCEPTION(StoreError, store_->node(idOf(1)));
    QVERIFY_THROWS_EXCEPTION(StoreError, store_->bans(kNow));
    QVERIFY_THROWS_EXCEPTION(StoreError, store_->saveBan({"192.0.2.2", kNow + 100, ""}));
    QVERIFY_THROWS_EXCEPTION(StoreError, store_->touchNode(idOf(1), kNow + 1));

    QString error;
    QVERIFY2(supervisor_->start(&error), qPrintable(error));
    QVERIFY2(client_->reconnect(&error), qPrintable(error));
    RedisPeerStore reopened(*client_, "test");
    const auto nodes = reopened.nodes(10);
    QCOMPARE(nodes.size(), size_t(1));
    QVERIFY(nodes[0].pack == nodeRecord(1, kNow).pack);
    const auto bans = reopened.bans(kNow);
    QCOMPARE(bans.size(), size_t(1));
    QCOMPARE(bans[0].reason, QString("persisted"));
}

QTEST_GUILESS_MAIN(TestRedisPeerStore)
#include "tst_RedisPeerStore.moc"
