// A raw peer shows a node that mines nothing yet the headers of a longer chain and never sends a
// body. The miner, started then, waits for initial sync and says why in its status
// (pausedFor "initial_sync") instead of mining on a tip the download would replace; it mines no
// block while the bodies are outstanding. (That the wait ends after 60 s without progress, and
// for good, is InitialSyncGate's unit test, with its clock.)
#include "DaemonProcess.h"
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/chain/NetworkParams.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"
#include "tests/support/SolveBlock.h"

#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

class MinerSyncWaitTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir nodeDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> node_;
    quint16 nodePort_ = freeLoopbackPort();

    QJsonObject mining() { return node_->status().value("mining").toObject(); }

private slots:
    void initTestCase()
    {
        node_ = std::make_unique<DaemonProcess>(nodeDir_.path());
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(nodePort_)}), qPrintable(node_->stderrText()));
    }

    void cleanupTestCase() { QCOMPARE(node_->terminate(), 0); }

    void aMinerShownLongerHeadersWaitsAndSaysWhy()
    {
        // 80 blocks from genesis: 64 or more above the node's tip (genesis), so far behind.
        const NetworkParams& net = *networkByName("test");
        net::Headers headers;
        Hash256 prev = net.genesisHash();
        crypto::AddressHash payTo;
        payTo.fill(0x7E);
        for (uint64_t height = 1; height <= 80; ++height) {
            const Block block = coinbaseBlockOn(net, prev, height, net.genesisTime + 60 * height, payTo);
            const auto h = block.header.serialize();
            headers.headers.emplace_back(h.begin(), h.end());
            prev = block.hash();
        }
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.91", nodePort_, net::kWebSocketPath));
        const auto key = crypto::Ed25519Key::generate();
        QVERIFY(handshake(peer, key, helloFrom(key)));
        peer.sendFrame(net::encode(headers));
        // Stored (more work than the tip): the node asks this peer for the bodies, in vain.
        QVERIFY2(awaitMessage<net::GetBlocks>(peer, 10000), qPrintable(node_->stderrText().right(2000)));

        QCOMPARE(node_->operatorSend("POST", "/api/v1/mining", R"({"active": true})").status, 200);
        QVERIFY2(waitUntil([&] { return mining().value("pausedFor").toString() == "initial_sync"; }, 10000),
                 qPrintable(QJsonDocument(mining()).toJson()));
        QVERIFY(mining().value("active").toBool());
        QVERIFY2(node_->stderrText().contains("mining waits for initial sync: tip 0, best header 80"), qPrintable(node_->stderrText().right(2000)));
        // The test network solves a block in ~20 ms of one core: two seconds without one is the wait.
        QTest::qWait(2000);
        QCOMPARE(node_->height(), 0);
        QCOMPARE(mining().value("pausedFor").toString(), QString("initial_sync"));
    }
};

QTEST_GUILESS_MAIN(MinerSyncWaitTest)
#include "tst_miner_sync_wait.moc"
