// The read-only REST endpoints on loopback: status, blocks by height and hash, JSON errors.
#include "DaemonProcess.h"

#include <QTemporaryDir>

using namespace pb::test;

class RestApiTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    QTemporaryDir followerDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> daemon_;
    // Not mining; its only seed is daemon_, which starts after it asked for block 1.
    std::unique_ptr<DaemonProcess> follower_;
    int followerFirstAnswer_ = 0;  // its /blocks/1 status before it had any block

    void expectError(const QString& path, int status, const QString& code)
    {
        const HttpResult r = httpGet(daemon_->restPort(), path);
        QCOMPARE(r.status, status);
        const QJsonObject error = r.json.value("error").toObject();
        QCOMPARE(error.value("code").toString(), code);
        QVERIFY(!error.value("message").toString().isEmpty());
    }

private slots:
    void initTestCase()
    {
        const quint16 peerPort = freeLoopbackPort();
        follower_ = std::make_unique<DaemonProcess>(followerDir_.path());
        QVERIFY2(follower_->start({"--port", "0", "--seed", QString("127.0.0.1:%1").arg(peerPort)}), qPrintable(follower_->stderrText()));
        QCOMPARE(follower_->height(), 0);
        followerFirstAnswer_ = httpGet(follower_->restPort(), "/api/v1/blocks/1").status;
        daemon_ = std::make_unique<DaemonProcess>(dir_.path());
        QVERIFY2(daemon_->start({"--mine", "--port", QString::number(peerPort)}), qPrintable(daemon_->stderrText()));
        QVERIFY(waitUntil([&] { return daemon_->height() >= 3; }, 30000));
    }
    void cleanupTestCase()
    {
        QCOMPARE(follower_->terminate(), 0);
        QCOMPARE(daemon_->terminate(), 0);
    }

    void statusDescribesTheNode()
    {
        const QJsonObject s = daemon_->status();
        QCOMPARE(s.value("network").toString(), QString("test"));
        QCOMPARE(s.value("mode").toString(), QString("full"));
        QCOMPARE(s.value("nodeId").toString().size(), 64);
        QVERIFY(s.value("height").toInteger() >= 3);
        QCOMPARE(s.value("tipHash").toString().size(), 64);
        const QJsonObject mining = s.value("mining").toObject();
        QCOMPARE(mining.value("active").toBool(), true);
        QVERIFY(mining.value("hashrate").toObject().value("10s").toDouble() > 0);
        QVERIFY(mining.value("rewardAddress").toString().startsWith("pb1"));
    }

    void blockByHeightAndByHashAgree()
    {
        const HttpResult byHeight = httpGet(daemon_->restPort(), "/api/v1/blocks/2");
        QCOMPARE(byHeight.status, 200);
        const QString hash = byHeight.json.value("hash").toString();
        const HttpResult byHash = httpGet(daemon_->restPort(), "/api/v1/blocks/" + hash);
        QCOMPARE(byHash.status, 200);
        QCOMPARE(byHash.json, byHeight.json);
        const QJsonObject b = byHeight.json;
        QCOMPARE(b.value("type").toString(), QString("block"));
        QCOMPARE(b.value("height").toInteger(), 2);
        QCOMPARE(b.value("header").toString().size(), 176);  // 88 bytes as hex
        QVERIFY(b.value("photoHash").isNull());
        const QJsonArray txs = b.value("transactions").toArray();
        QCOMPARE(txs.size(), 1);
        QCOMPARE(txs[0].toObject().value("type").toString(), QString("coinbase"));
        QCOMPARE(txs[0].toObject().value("amount").toInteger(), 100000000);
        const QJsonObject parent = httpGet(daemon_->restPort(), "/api/v1/blocks/1").json;
        QCOMPARE(b.value("prevHash").toString(), parent.value("hash").toString());
    }

    void genesisIsHeightZero()
    {
        const HttpResult r = httpGet(daemon_->restPort(), "/api/v1/blocks/0");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value("prevHash").toString(), QString(64, '0'));
    }

    // Status and blocks are served from text prepared once per snapshot or tip: the answers
    // must still follow the chain as the daemon mines.
    void answersFollowTheGrowingChain()
    {
        const QJsonObject first = httpGet(daemon_->restPort(), "/api/v1/status").json;
        const qint64 next = first.value("height").toInteger() + 1;
        QJsonObject later;
        QVERIFY(waitUntil([&] {
            later = httpGet(daemon_->restPort(), "/api/v1/status").json;
            return later.value("height").toInteger() >= next;
        }, 60000));
        QVERIFY(later.value("tipHash").toString() != first.value("tipHash").toString());
        const HttpResult tip = httpGet(daemon_->restPort(), QString("/api/v1/blocks/%1").arg(later.value("height").toInteger()));
        QCOMPARE(tip.status, 200);
        QCOMPARE(tip.json.value("hash").toString(), later.value("tipHash").toString());
        const HttpResult grown = httpGet(daemon_->restPort(), QString("/api/v1/blocks/%1").arg(next));
        QCOMPARE(grown.status, 200);
        QCOMPARE(grown.json.value("height").toInteger(), next);
    }

    // A block asked for before it existed (a cached 404) is served once it arrives: the
    // follower asked for block 1 before its only peer was running, then synced from it.
    void aBlockMissingAtFirstIsServedOnceItArrives()
    {
        QCOMPARE(followerFirstAnswer_, 404);
        QVERIFY2(waitUntil([&] { return follower_->height() >= 1; }, 120000), qPrintable(follower_->stderrText()));
        const HttpResult arrived = httpGet(follower_->restPort(), "/api/v1/blocks/1");
        QCOMPARE(arrived.status, 200);
        QCOMPARE(arrived.json.value("height").toInteger(), 1);
        QCOMPARE(arrived.json.value("hash").toString(), httpGet(daemon_->restPort(), "/api/v1/blocks/1").json.value("hash").toString());
    }
    void errorsAreJsonWithTheRightStatus()
    {
        expectError("/api/v1/blocks/99999999", 404, "block_not_found");
        expectError("/api/v1/blocks/" + QString(64, 'a'), 404, "block_not_found");
        expectError("/api/v1/blocks/not-a-block", 400, "malformed_block_id");
        expectError("/api/v1/blocks/-1", 400, "malformed_block_id");
        expectError("/api/v1/blocks/" + QString(63, 'a'), 400, "malformed_block_id");
        expectError("/api/v1/blocks/" + QString(64, 'g'), 400, "malformed_block_id");
        expectError("/api/v1/nothing-here", 404, "no_such_route");
    }
};

QTEST_GUILESS_MAIN(RestApiTest)
#include "tst_rest_api.moc"
