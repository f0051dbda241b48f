// A raw peer floods a real node (test network, mining, embedded Redis) with getheaders, each
// cheap to send and costly to answer. The node answers within the peer's serving budget
// (--peer-serve-rate), holds a few more, then scores and bans the peer for the rest, and keeps
// mining and serving everyone else while it does.
#include "DaemonProcess.h"
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/chain/NetworkParams.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"
#include "core/net/NodePack.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

class RequestFloodTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir nodeDir_{"/tmp/pbXXXXXX"}, friendDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> node_, friend_;
    quint16 nodePort_ = freeLoopbackPort();
    const Hash256 genesis_ = networkByName("test")->genesisHash();

    QString banReason(const QString& address)
    {
        for (const QJsonValue& b : node_->operatorGet("/api/v1/bans").json.value("bans").toArray())
            if (b.toObject().value("address").toString() == address) return b.toObject().value("reason").toString();
        return {};
    }
    int height(DaemonProcess& node) { return node.status().value("height").toInt(); }

private slots:
    void initTestCase()
    {
        node_ = std::make_unique<DaemonProcess>(nodeDir_.path());
        // 1 KiB/s, bursts of 2 KiB: one answer of a few headers (512 budget bytes per header
        // read, plus its bytes) overdraws it.
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(nodePort_), "--mine", "--peer-serve-rate", "1"}),
                 qPrintable(node_->stderrText()));
        friend_ = std::make_unique<DaemonProcess>(friendDir_.path());
        QVERIFY(friend_->start({"--port", QString::number(freeLoopbackPort()), "--seed", QString("127.0.0.1:%1").arg(nodePort_)}));
        QVERIFY(waitUntil([&] { return friend_->status().value("peers").toInt() >= 1; }, 10000));
        QVERIFY2(waitUntil([&] { return height(*node_) >= 4; }, 60000), "the node did not mine 4 blocks");
    }

    void cleanupTestCase()
    {
        QCOMPARE(friend_->terminate(), 0);
        QCOMPARE(node_->terminate(), 0);
    }

    void getheadersFloodIsAnsweredWithinBudgetThenBanned()
    {
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.80", nodePort_, net::kWebSocketPath));
        const auto key = crypto::Ed25519Key::generate();
        NodePack pack;
        pack.type = "full";
        pack.userAgent = "flood-test";
        pack.signWith(key);
        net::Hello hello;
        hello.genesis = genesis_;
        hello.nonce = 7;
        hello.pack = toWire(pack);
        QVERIFY(handshake(peer, key, hello));
        QTest::qWait(300);
        const int before = height(*node_);
        // 30 requests in one burst: well within the transport's 200 messages a second, so
        // only the serving budget stands between them and 30 answers.
        for (int i = 0; i < 30; ++i) peer.sendFrame(net::encode(net::GetHeaders{{genesis_}, {}}));

        QVERIFY2(peer.waitForClose(10000), "the node kept serving a peer far beyond its budget");
        QVERIFY(waitUntil([&] { return !banReason("127.0.0.80").isEmpty(); }, 5000));
        QVERIFY2(banReason("127.0.0.80").contains("beyond its serving budget"), qPrintable(banReason("127.0.0.80")));
        QVERIFY2(node_->stderrText().contains("getheaders beyond its serving budget"), qPrintable(node_->stderrText().right(2000)));
        // The node kept mining and serving its honest peer, which follows its chain.
        QVERIFY2(waitUntil([&] { return height(*node_) > before; }, 60000), "mining stopped after the flood");
        QCOMPARE(httpGet(node_->restPort(), "/api/v1/status").status, 200);
        QVERIFY(waitUntil([&] { return height(*friend_) >= before; }, 30000));
    }
};

QTEST_GUILESS_MAIN(RequestFloodTest)
#include "tst_request_flood.moc"
