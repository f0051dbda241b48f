// Inbound limits against a real photoblocksd: connections beyond the per-subnet cap are closed
// at accept(); --ban-subnets bans a misbehaving peer's whole /24; a full node evicts an idle
// inbound peer for a newcomer but keeps the peer that relayed it a block; and under a low
// descriptor limit (prlimit) a flood of idle P2P and slow REST connections leaves REST
// answering, mining going and an honest peer able to connect.
#include "DaemonProcess.h"
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/chain/NetworkParams.h"
#include "core/chain/Transaction.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"
#include "core/net/NodePack.h"
#include "core/util/DescriptorBudget.h"
#include "tests/support/SocketFlood.h"
#include "tests/support/SolveBlock.h"

#include <QDir>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

namespace {

// Opens a link from `source` and says hello, as a peer the protocol keeps.
bool joinAs(RawPeer& peer, const QString& source, quint16 port)
{
    if (!peer.open(source, port, net::kWebSocketPath)) return false;
    const auto key = crypto::Ed25519Key::generate();
    return handshake(peer, key, helloFrom(key));
}

// Descriptors the process `pid` has open.
int openDescriptors(qint64 pid)
{
    return int(QDir(QString("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::System).size());
}

// True when the link stays up for `ms` (the node did not close it).
bool staysOpen(RawPeer& peer, int ms) { return !peer.waitForClose(ms); }

} // namespace

class ConnectionLimitsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The flood below needs a few hundred descriptors in this process too.
        raiseDescriptorLimit();
    }

    void connectionsBeyondTheSubnetCapAreClosedAtAccept()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        DaemonProcess node(dir.path());
        const quint16 port = freeLoopbackPort();
        QVERIFY2(node.start({"--mode", "head", "--port", QString::number(port), "--max-inbound-per-subnet", "3"}),
                 qPrintable(node.stderrText()));
        RawPeer a, b, c, d, elsewhere;
        QVERIFY(joinAs(a, "127.0.7.1", port));
        QVERIFY(joinAs(b, "127.0.7.2", port));
        QVERIFY(joinAs(c, "127.0.7.3", port));
        // A fourth address of the same /24 gets no handshake at all: closed at accept().
        QVERIFY(!d.open("127.0.7.4", port, net::kWebSocketPath));
        // Another /24 is welcome.
        QVERIFY(joinAs(elsewhere, "127.0.8.1", port));
        QVERIFY(staysOpen(a, 500));
        QCOMPARE(httpGet(node.restPort(), "/api/v1/status").status, 200);
        QCOMPARE(node.terminate(), 0);
    }

    void subnetBanCoversTheWholeSlash24()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        DaemonProcess node(dir.path());
        const quint16 port = freeLoopbackPort();
        QVERIFY2(node.start({"--mode", "head", "--port", QString::number(port), "--ban-subnets"}),
                 qPrintable(node.stderrText()));
        RawPeer offender;
        QVERIFY(offender.open("127.0.14.1", port, net::kWebSocketPath));
        offender.sendFrame("this is not CBOR at all");
        offender.sendFrame(QByteArray(64, '\xff'));
        QVERIFY2(offender.waitForClose(5000), "the node kept a misbehaving peer");
        // A neighbour in the same /24 is refused; another /24 is not.
        RawPeer neighbour, stranger;
        QVERIFY(waitUntil([&] { return !neighbour.open("127.0.14.2", port, net::kWebSocketPath) || neighbour.waitForClose(3000); }, 10000));
        QVERIFY(joinAs(stranger, "127.0.15.1", port));
        QVERIFY(staysOpen(stranger, 500));
        QCOMPARE(node.terminate(), 0);
    }

    void fullNodeEvictsAnIdlePeerButKeepsItsBlockRelayer()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        DaemonProcess node(dir.path());
        const quint16 port = freeLoopbackPort();
        QVERIFY2(node.start({"--mode", "head", "--port", QString::number(port), "--max-inbound", "3"}),
                 qPrintable(node.stderrText()));
        // The relayer sends block 1, which the node connects.
        RawPeer relayer;
        QVERIFY(joinAs(relayer, "127.0.9.1", port));
        const NetworkParams& test = *networkByName("test");
        CoinbaseTx coinbase;
        coinbase.height = 1;
        coinbase.amount = test.blockReward;
        Block block;
        block.transactions.push_back(coinbase.serialize());
        block.header.version = BlockHeader::kVersion;
        block.header.prevHash = test.genesisHash();
        block.header.time = test.genesisTime + 1;
        block.header.bits = test.genesisBits;
        block.header.contentRoot = block.computeContentRoot();
        solve(block);
        QTest::qWait(200);  // the node has read the hello
        relayer.sendFrame(net::encode(net::BlockMessage{block.serialize(), {}}));
        QVERIFY2(waitUntil([&] { return node.height() == 1; }, 10000), qPrintable(node.stderrText().right(2000)));

        RawPeer idle1, idle2;
        QVERIFY(joinAs(idle1, "127.0.9.2", port));
        QTest::qWait(50);
        QVERIFY(joinAs(idle2, "127.0.9.3", port));
        // Every slot is taken; a newcomer still gets in, and an idle peer makes room.
        RawPeer newcomer;
        QVERIFY(joinAs(newcomer, "127.0.10.1", port));
        QVERIFY2(waitUntil([&] { return idle1.waitForClose(50) || idle2.waitForClose(50); }, 5000),
                 "no inbound peer was evicted for the newcomer");
        QVERIFY(staysOpen(relayer, 500));
        QVERIFY(staysOpen(newcomer, 100));
        QCOMPARE(node.terminate(), 0);
    }

    void descriptorFloodLeavesRestMiningAndHonestPeersServed()
    {
        if (QStandardPaths::findExecutable("prlimit").isEmpty()) QFAIL("prlimit (util-linux) is required");
        QTemporaryDir dir("/tmp/pbXXXXXX");
        DaemonProcess node(dir.path());
        node.setLauncher({"prlimit", "--nofile=256:256", "--"});
        const quint16 port = freeLoopbackPort();
        QVERIFY2(node.start({"--mode", "head", "--port", QString::number(port), "--mine"}), qPrintable(node.stderrText()));
        QVERIFY(waitUntil([&] { return node.height() >= 1; }, 20000));

        const int baseline = openDescriptors(node.pid());
        // Far more connections than the node has descriptors: idle ones on the peer port,
        // half-sent requests on the REST port, each from its own loopback address.
        SocketFlood peerFlood, restFlood;
        QVERIFY(peerFlood.open("127.0.11.1", port, 300) > 200);
        QVERIFY(restFlood.open("127.0.12.1", node.restPort(), 150, "GET /api/v1/status HTTP/1.1\r\nHost: x\r\n") > 100);
        // The node never holds more than its caps: 64 for peers and handshakes (half of what 256
        // descriptors leave after the reserve of 128), 32 for REST; the rest are closed at accept.
        int most = 0;
        for (int i = 0; i < 20; ++i) {
            most = std::max(most, openDescriptors(node.pid()));
            QTest::qWait(100);
        }
        QVERIFY2(most <= baseline + 64 + 32 + 8, qPrintable(QString("%1 descriptors, %2 before").arg(most).arg(baseline)));

        const qint64 heightBefore = node.height();
        QVERIFY2(heightBefore > 0, "REST stopped answering under the flood");
        QCOMPARE(httpGet(node.restPort(), "/api/v1/status").status, 200);
        // An honest peer gets in (at worst once the idle handshakes time out).
        RawPeer honest;
        QVERIFY2(waitUntil([&] { return joinAs(honest, "127.0.13.1", port); }, 15000), "an honest peer could not connect");
        QVERIFY(staysOpen(honest, 300));
        // Idle handshakes time out after 5 s, unfinished REST headers after 10 s: the node is
        // back to what it held before (and the honest peer).
        QVERIFY2(waitUntil([&] { return openDescriptors(node.pid()) <= baseline + 4; }, 45000),
                 qPrintable(QString("%1 descriptors, %2 before").arg(openDescriptors(node.pid())).arg(baseline)));
        // Mining goes on.
        QVERIFY2(waitUntil([&] { return node.height() >= heightBefore + 3; }, 30000),
                 qPrintable(node.stderrText().right(2000)));
        QCOMPARE(node.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(ConnectionLimitsTest)
#include "tst_connection_limits.moc"
