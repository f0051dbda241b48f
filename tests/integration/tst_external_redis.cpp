// --redis points the node at a Redis it does not own: it stores the chain there, under its
// network's key prefix and chosen database, and leaves the server running on exit.
#include "DaemonProcess.h"
#include "core/storage/RedisClient.h"

#include <QTemporaryDir>

using namespace pb::test;
using pb::storage::RedisClient;
using pb::storage::RedisEndpoint;

class ExternalRedisTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    QProcess redis_;
    quint16 redisPort_ = 0;

    std::unique_ptr<RedisClient> client(const QString& url)
    {
        QString error;
        auto endpoint = RedisEndpoint::parse(url, &error);
        return endpoint ? RedisClient::connect(*endpoint, 2000, &error) : nullptr;
    }

private slots:
    void initTestCase()
    {
        redisPort_ = freeLoopbackPort();
        redis_.start("redis-server", {"--port", QString::number(redisPort_), "--bind", "127.0.0.1", "--unixsocket",
                                      dir_.filePath("r.sock"), "--save", "", "--appendonly", "no", "--dir", dir_.path()});
        QVERIFY(redis_.waitForStarted(5000));
        QVERIFY(waitUntil([&] { return client(dir_.filePath("r.sock")) != nullptr; }, 10000));
    }

    void cleanupTestCase()
    {
        redis_.terminate();
        redis_.waitForFinished(5000);
    }

    void chainGoesIntoTheGivenUnixSocketServer()
    {
        QTemporaryDir data("/tmp/pbXXXXXX");
        DaemonProcess daemon(data.path());
        QVERIFY2(daemon.start({"--mine", "--redis", dir_.filePath("r.sock")}), qPrintable(daemon.stderrText()));
        QVERIFY(waitUntil([&] { return daemon.height() >= 5; }, 30000));
        QCOMPARE(daemon.terminate(), 0);
        QVERIFY(!QFile::exists(data.filePath("redis/redis.sock")));  // no embedded server

        auto c = client(dir_.filePath("r.sock"));
        QVERIFY(c);
        const std::string tip = c->command({"GET", "pb:test:v1:tip"}).str();
        QCOMPARE(tip.size(), size_t(64));
        QCOMPARE(c->command({"GET", "pb:test:schema"}).str(), std::string("1"));
        QVERIFY(c->command({"HLEN", "pb:test:v1:active"}).integer() >= 6);
        QCOMPARE(redis_.state(), QProcess::Running);  // the node left a server it does not own alone
    }

    void tcpUrlSelectsTheDatabase()
    {
        QTemporaryDir data("/tmp/pbXXXXXX");
        DaemonProcess daemon(data.path());
        const QString url = QString("redis://127.0.0.1:%1/3").arg(redisPort_);
        QVERIFY2(daemon.start({"--mine", "--redis", url}), qPrintable(daemon.stderrText()));
        QVERIFY(waitUntil([&] { return daemon.height() >= 3; }, 30000));
        QCOMPARE(daemon.terminate(), 0);
        auto db3 = client(url);
        QVERIFY(db3);
        QVERIFY(!db3->command({"GET", "pb:test:v1:tip"}).isNil());
        // The block pack for block 1 sits beside the block.
        const std::string hash1 = db3->command({"HGET", "pb:test:v1:active", "1"}).str();
        QCOMPARE(db3->command({"HGET", "pb:test:v1:pack:" + hash1, "height"}).str(), std::string("1"));
        QCOMPARE(db3->command({"HGET", "pb:test:v1:pack:" + hash1, "type"}).str(), std::string("block"));
        QCOMPARE(db3->command({"ZCARD", "pb:test:v1:nodes"}).integer(), 1LL);
    }

    void nodeRidesOutAnExternalRedisRestart()
    {
        QTemporaryDir redisDir("/tmp/pbXXXXXX");
        const QString socket = redisDir.filePath("aof.sock");
        const QStringList args = {"--port", "0", "--unixsocket", socket, "--save", "", "--appendonly", "yes",
                                  "--dir", redisDir.path()};
        QProcess durable;
        durable.start("redis-server", args);
        QVERIFY(waitUntil([&] { return client(socket) != nullptr; }, 10000));

        QTemporaryDir data("/tmp/pbXXXXXX");
        DaemonProcess daemon(data.path());
        QVERIFY2(daemon.start({"--mine", "--redis", socket}), qPrintable(daemon.stderrText()));
        QVERIFY(waitUntil([&] { return daemon.height() >= 5; }, 30000));

        durable.terminate();
        QVERIFY(durable.waitForFinished(10000));
        QTest::qWait(1500);
        QCOMPARE(daemon.process().state(), QProcess::Running);
        QCOMPARE(httpGet(daemon.restPort(), "/api/v1/blocks/1").status, 503);

        durable.start("redis-server", args);
        QVERIFY(waitUntil([&] { return client(socket) != nullptr; }, 10000));
        const qint64 resumed = daemon.height();
        QVERIFY2(waitUntil([&] { return daemon.height() > resumed + 5; }, 30000), qPrintable(daemon.stderrText()));
        QCOMPARE(httpGet(daemon.restPort(), "/api/v1/blocks/1").status, 200);
        QVERIFY(daemon.stderrText().contains("reconnected to Redis"));
        QCOMPARE(daemon.terminate(), 0);
        durable.terminate();
        durable.waitForFinished(10000);
    }
};

QTEST_GUILESS_MAIN(ExternalRedisTest)
#include "tst_external_redis.moc"
