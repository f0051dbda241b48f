// Real photoblocksd processes on loopback ports finding each other through seeds, syncing
// headers-first, relaying blocks and converging on the chain with the most work.
#include "DaemonProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>

using namespace pb::test;

namespace {

struct Node {
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>("/tmp/pbXXXXXX");
    std::unique_ptr<DaemonProcess> daemon = std::make_unique<DaemonProcess>(dir->path());
    quint16 port = freeLoopbackPort();
    QString address() const { return QString("127.0.0.1:%1").arg(port); }
};

QJsonArray peersOf(DaemonProcess& d) { return d.operatorGet("/api/v1/peers").json.value("peers").toArray(); }

int handshakenPeers(DaemonProcess& d)
{
    int n = 0;
    for (const QJsonValue& p : peersOf(d)) n += p.toObject().value("id").toString().isEmpty() ? 0 : 1;
    return n;
}

QString tipOf(DaemonProcess& d) { return d.status().value("tipHash").toString(); }

bool allAgree(std::vector<Node*> nodes)
{
    const QString tip = tipOf(*nodes.front()->daemon);
    for (Node* n : nodes)
        if (tipOf(*n->daemon) != tip) return false;
    return !tip.isEmpty();
}

} // namespace

class NetworkTest : public QObject {
    Q_OBJECT
private slots:
    void headSeedAndFullNodesDiscoverSyncAndRelay()
    {
        Node head, seed, a, b, c;
        QVERIFY2(head.daemon->start({"--mode", "head", "--port", QString::number(head.port), "--mine"}),
                 qPrintable(head.daemon->stderrText()));
        QVERIFY2(seed.daemon->start({"--mode", "seed", "--port", QString::number(seed.port), "--seed", head.address()}),
                 qPrintable(seed.daemon->stderrText()));
        for (Node* n : {&a, &b, &c})
            QVERIFY2(n->daemon->start({"--port", QString::number(n->port), "--seed", seed.address()}),
                     qPrintable(n->daemon->stderrText()));

        // Everyone hears of everyone through the seed: each full node ends up with 4 peers.
        for (Node* n : {&a, &b, &c})
            QVERIFY2(waitUntil([&] { return handshakenPeers(*n->daemon) >= 4; }, 30000),
                     qPrintable(QString::number(handshakenPeers(*n->daemon)) + " peers\n" + n->daemon->stderrText()));

        // Blocks mined by the head reach every node.
        QVERIFY(waitUntil([&] { return a.daemon->height() >= 20; }, 30000));
        QCOMPARE(head.daemon->terminate(), 0);
        QVERIFY2(waitUntil([&] { return allAgree({&seed, &a, &b, &c}); }, 30000), qPrintable(c.daemon->stderrText()));
        // Peer tables show the heights peers reached since the handshake (all were near 0 then).
        QVERIFY2(waitUntil([&] {
                     const QJsonArray peers = peersOf(*a.daemon);
                     return !peers.isEmpty() && std::all_of(peers.begin(), peers.end(), [](const QJsonValue& p) {
                         return p.toObject().value("height").toInteger() >= 20;
                     });
                 }, 10000),
                 qPrintable(QJsonDocument(peersOf(*a.daemon)).toJson()));

        // A node started late syncs the whole chain headers-first.
        Node late;
        QVERIFY(late.daemon->start({"--port", QString::number(late.port), "--seed", seed.address()}));
        QVERIFY2(waitUntil([&] { return allAgree({&seed, &late}); }, 30000), qPrintable(late.daemon->stderrText()));
        QVERIFY(late.daemon->height() >= 20);
        QVERIFY(late.daemon->stderrText().contains("connected block 1 "));

        // The peer table describes the connections.
        const QJsonObject peer = peersOf(*late.daemon).first().toObject();
        QCOMPARE(peer.value("id").toString().size(), 64);
        QVERIFY(peer.value("address").toString().startsWith("127.0.0.1:"));
        QVERIFY(!peer.value("type").toString().isEmpty());
        for (Node* n : {&seed, &a, &b, &c, &late}) QCOMPARE(n->daemon->terminate(), 0);
    }

    void isolatedGroupsConvergeOnTheChainWithMoreWork()
    {
        Node left, right, rightMiner;
        // Two groups on the same network that cannot see each other mine separately; the right
        // group mines on two nodes, so it builds the longer chain.
        QVERIFY(left.daemon->start({"--mode", "head", "--port", QString::number(left.port), "--mine"}));
        QVERIFY(right.daemon->start({"--port", QString::number(right.port), "--mine", "--seed", rightMiner.address()}));
        QVERIFY(rightMiner.daemon->start({"--port", QString::number(rightMiner.port), "--mine", "--seed", right.address()}));
        QVERIFY(waitUntil([&] { return left.daemon->height() >= 30; }, 30000));
        QCOMPARE(left.daemon->terminate(), 0);
        QVERIFY(left.daemon->start({"--mode", "head", "--port", QString::number(left.port)}));
        const qint64 leftHeight = left.daemon->height();
        QCOMPARE(left.daemon->terminate(), 0);
        QVERIFY(waitUntil([&] { return right.daemon->height() >= leftHeight + 20; }, 30000));
        QCOMPARE(right.daemon->terminate(), 0);
        QCOMPARE(rightMiner.daemon->terminate(), 0);

        // Restart without mining and connect the groups.
        QVERIFY(right.daemon->start({"--port", QString::number(right.port)}));
        const QString winner = tipOf(*right.daemon);
        const qint64 winnerHeight = right.daemon->height();
        QVERIFY(left.daemon->start({"--mode", "head", "--port", QString::number(left.port), "--seed", right.address()}));
        QVERIFY(leftHeight < winnerHeight);  // read while left was isolated: it syncs at once now
        QVERIFY2(waitUntil([&] { return tipOf(*left.daemon) == winner; }, 30000), qPrintable(left.daemon->stderrText()));
        QVERIFY(left.daemon->stderrText().contains("(reorganisation)"));

        // Every block of the converged chain matches a node that never saw the fork.
        Node fresh;
        QVERIFY(fresh.daemon->start({"--port", QString::number(fresh.port), "--seed", right.address()}));
        QVERIFY(waitUntil([&] { return tipOf(*fresh.daemon) == winner; }, 30000));
        for (qint64 h = 0; h <= winnerHeight; h += 7) {
            const QString path = QString("/api/v1/blocks/%1").arg(h);
            QCOMPARE(httpGet(left.daemon->restPort(), path).json, httpGet(fresh.daemon->restPort(), path).json);
        }
        for (Node* n : {&left, &right, &fresh}) QCOMPARE(n->daemon->terminate(), 0);
    }

    void secondHeadIsFlagged()
    {
        Node first, second;
        QVERIFY(first.daemon->start({"--mode", "head", "--port", QString::number(first.port)}));
        QVERIFY(second.daemon->start({"--mode", "head", "--port", QString::number(second.port), "--seed", first.address()}));
        QVERIFY(waitUntil([&] { return handshakenPeers(*second.daemon) >= 1; }, 15000));
        QCOMPARE(peersOf(*second.daemon).first().toObject().value("type").toString(), QString("head (disputed)"));
        QVERIFY(waitUntil([&] { return second.daemon->stderrText().contains("claims to be the head"); }, 5000));
        for (Node* n : {&first, &second}) QCOMPARE(n->daemon->terminate(), 0);
    }

    // A head with 100 blocks that no longer mines.
    static void startSourceOf100Blocks(Node& source)
    {
        QVERIFY(source.daemon->start({"--mode", "head", "--port", QString::number(source.port), "--mine", "--threads", "2"}));
        // Under the sanitizers a block costs far more than the ~20 ms of hashing: keep the chain short.
        QVERIFY(waitUntil([&] { return source.daemon->height() >= 100; }, 120000));
        QCOMPARE(source.daemon->terminate(), 0);
        QVERIFY2(source.daemon->start({"--mode", "head", "--port", QString::number(source.port)}), qPrintable(source.daemon->stderrText().right(3000)));
    }

    void killNineDuringSyncResumesAndConverges()
    {
        Node source, syncing;
        startSourceOf100Blocks(source);
        if (QTest::currentTestFailed()) return;
        const QString target = tipOf(*source.daemon);

        QVERIFY(syncing.daemon->start({"--port", QString::number(syncing.port), "--seed", source.address()}));
        QVERIFY(waitUntil([&] { return syncing.daemon->height() > 0; }, 30000));
        syncing.daemon->killHard();
        QVERIFY(syncing.daemon->start({"--port", QString::number(syncing.port), "--seed", source.address()}));
        QVERIFY2(waitUntil([&] { return tipOf(*syncing.daemon) == target; }, 30000), qPrintable(syncing.daemon->stderrText()));
        for (Node* n : {&source, &syncing}) QCOMPARE(n->daemon->terminate(), 0);
    }

    // A miner that joins far behind waits until it has the chain, then mines on its tip (before
    // the peer's headers arrive it mines on its own, as a node without peers must: those few
    // blocks are replaced).
    void aMinerFarBehindWaitsForSyncThenMinesOnTheSyncedTip()
    {
        Node source, joiner;
        startSourceOf100Blocks(source);
        if (QTest::currentTestFailed()) return;
        const qint64 sourceHeight = source.daemon->height();
        const QString sourceTip = tipOf(*source.daemon);
        QVERIFY(joiner.daemon->start({"--port", QString::number(joiner.port), "--mine", "--seed", source.address()}));
        QVERIFY2(waitUntil([&] { return joiner.daemon->height() >= sourceHeight + 3; }, 60000), qPrintable(joiner.daemon->stderrText()));
        const QString log = joiner.daemon->stderrText();
        QVERIFY2(log.contains("mining waits for initial sync"), qPrintable(log));
        QVERIFY2(log.contains(QString("initial sync caught up at height %1:").arg(sourceHeight)), qPrintable(log));
        const QString path = QString("/api/v1/blocks/%1").arg(sourceHeight);
        QCOMPARE(httpGet(joiner.daemon->restPort(), path).json.value("hash").toString(), sourceTip);
        const QJsonObject mining = joiner.daemon->status().value("mining").toObject();
        QVERIFY(mining.value("active").toBool());
        QVERIFY2(mining.contains("pausedFor") && mining.value("pausedFor").isNull(), qPrintable(QJsonDocument(mining).toJson()));
        for (Node* n : {&source, &joiner}) QCOMPARE(n->daemon->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(NetworkTest)
#include "tst_network.moc"
