// Raw peers flood a real node (test network, mining, embedded Redis) with what is cheap to send
// and was costly to take: getheaders, each answered with many headers, and valid blocks of a
// side branch forking at genesis that nobody asked for. The node answers within the peer's
// serving budget (--peer-serve-rate) and then bans it; it keeps the side branch's headers but
// stores none of its bodies, and bans that peer too; it keeps mining and serving everyone else.
#include "DaemonProcess.h"
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/chain/NetworkParams.h"
#include "core/net/BlockSync.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"
#include "core/net/NodePack.h"
#include "tests/support/SolveBlock.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

class HostileFloodsTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir nodeDir_{"/tmp/pbXXXXXX"}, friendDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> node_, friend_;
    quint16 nodePort_ = freeLoopbackPort();
    const Hash256 genesis_ = networkByName("test")->genesisHash();
    static constexpr int kSideBranchLength = 8;

    QString banReason(const QString& address)
    {
        for (const QJsonValue& b : node_->operatorGet("/api/v1/bans").json.value("bans").toArray())
            if (b.toObject().value("address").toString() == address) return b.toObject().value("reason").toString();
        return {};
    }
    int height(DaemonProcess& node) { return node.status().value("height").toInt(); }
    QString tipHash(DaemonProcess& node) { return node.status().value("tipHash").toString(); }

    // Whether the node's embedded Redis holds anything (header, body) of this block.
    bool stored(const QString& hash)
    {
        QProcess cli;
        cli.start("redis-cli", {"-s", nodeDir_.path() + "/redis/redis.sock", "--raw", "KEYS", "*block:" + hash});
        cli.waitForFinished(10000);
        return !cli.readAllStandardOutput().trimmed().isEmpty();
    }

    bool handshakeFrom(RawPeer& peer, const QString& source)
    {
        if (!peer.open(source, nodePort_, net::kWebSocketPath)) return false;
        const auto key = crypto::Ed25519Key::generate();
        if (!handshake(peer, key, helloFrom(key))) return false;
        QTest::qWait(300);
        return true;
    }

    // `count` valid blocks, each on the last, from genesis: a branch far behind the node's tip.
    static std::vector<Block> sideBranch(int count, uint8_t tag)
    {
        const NetworkParams& net = *networkByName("test");
        std::vector<Block> blocks;
        Hash256 prev = net.genesisHash();
        crypto::AddressHash payTo;
        payTo.fill(tag);
        for (int i = 1; i <= count; ++i) {
            blocks.push_back(coinbaseBlockOn(net, prev, uint64_t(i), net.genesisTime + 60 * uint64_t(i), payTo));
            prev = blocks.back().hash();
        }
        return blocks;
    }

private slots:
    void initTestCase()
    {
        node_ = std::make_unique<DaemonProcess>(nodeDir_.path());
        // 1 KiB/s, bursts of 2 KiB: one answer of a few headers (512 budget bytes per header
        // read, plus its bytes) overdraws it. The honest friend has the same budget, so it
        // joins before any block is mined and then follows the pushed blocks, which cost it
        // nothing (a peer syncing hundreds of blocks at 1 KiB/s would take minutes).
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(nodePort_), "--peer-serve-rate", "1",
                               "--max-reorg-depth", "100000"}),
                 qPrintable(node_->stderrText()));
        friend_ = std::make_unique<DaemonProcess>(friendDir_.path());
        QVERIFY(friend_->start({"--port", QString::number(freeLoopbackPort()), "--seed", QString("127.0.0.1:%1").arg(nodePort_)}));
        QVERIFY(waitUntil([&] { return node_->status().value("peers").toInt() >= 1; }, 10000));
        QCOMPARE(node_->operatorSend("POST", "/api/v1/mining", R"({"active": true})").status, 200);
        // Every side-branch block below must be kStaleForkDepth or more under the tip.
        QVERIFY2(waitUntil([&] { return height(*node_) >= kSideBranchLength + int(net::BlockSync::kStaleForkDepth); }, 60000),
                 "the node did not mine its first blocks");
    }

    void cleanupTestCase()
    {
        QCOMPARE(friend_->terminate(), 0);
        QCOMPARE(node_->terminate(), 0);
    }

    // A failure is explained by what the two daemons logged.
    void cleanup()
    {
        if (!QTest::currentTestFailed()) return;
        for (const QString& dir : {nodeDir_.path(), friendDir_.path()}) {
            QFile log(dir + "/node.log");
            log.open(QIODevice::ReadOnly);
            QStringList lines;  // blocks mined and connected are most of it, and explain nothing
            for (const QString& line : QString::fromUtf8(log.readAll()).split('\n'))
                if (!line.contains("connected block")) lines << line;
            qWarning().noquote() << dir << "node.log:\n" << lines.mid(std::max(0, int(lines.size()) - 40)).join('\n');
        }
    }

    void getheadersFloodIsAnsweredWithinBudgetThenBanned()
    {
        RawPeer peer;
        QVERIFY(handshakeFrom(peer, "127.0.0.80"));
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
        QVERIFY2(waitUntil([&] { return height(*friend_) >= before; }, 30000), "the honest peer stopped following");
    }

    void aLowWorkHeaderBranchIsNotStored()
    {
        const int branchLength = 30;
        QVERIFY(waitUntil([&] { return height(*node_) > branchLength + 10; }, 60000));
        QVERIFY2(stored(tipHash(*node_)), "the Redis query finds no block at all");
        const std::vector<Block> blocks = sideBranch(branchLength, 0x6C);
        RawPeer peer;
        QVERIFY(handshakeFrom(peer, "127.0.0.82"));
        net::Headers headers;
        for (const Block& b : blocks) {
            const auto h = b.header.serialize();
            headers.headers.emplace_back(h.begin(), h.end());
        }
        peer.sendFrame(net::encode(headers));
        // Less work than the node's chain: followed in memory only, and no offence.
        QVERIFY(!peer.waitForClose(2000));
        for (const Block& b : blocks) QVERIFY2(!stored(QString::fromStdString(toHex(b.hash()))), "a low-work header was stored");
        QVERIFY(banReason("127.0.0.82").isEmpty());
    }

    void sideBranchFloodStoresNoBodiesAndIsBanned()
    {
        const std::vector<Block> blocks = sideBranch(kSideBranchLength, 0x5B);
        RawPeer peer;
        QVERIFY(handshakeFrom(peer, "127.0.0.81"));
        for (const Block& b : blocks) peer.sendFrame(net::encode(net::BlockMessage{b.serialize(), {}}));

        QVERIFY2(peer.waitForClose(10000), "the node kept a peer pushing a stale side branch");
        QVERIFY(waitUntil([&] { return !banReason("127.0.0.81").isEmpty(); }, 5000));
        QVERIFY2(banReason("127.0.0.81").contains("stale fork it pushed before"), qPrintable(banReason("127.0.0.81")));
        // Headers at most; no body was stored, so no block of the branch can be read back.
        for (const Block& b : blocks)
            QCOMPARE(httpGet(node_->restPort(), "/api/v1/blocks/" + QString::fromStdString(toHex(b.hash()))).status, 404);
        const int before = height(*node_);
        QVERIFY2(waitUntil([&] { return height(*node_) > before; }, 60000), "mining stopped after the flood");
    }
};

QTEST_GUILESS_MAIN(HostileFloodsTest)
#include "tst_hostile_floods.moc"
