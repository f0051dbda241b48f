// A mobile node among three full nodes on the test network: it validates every block (its
// accounts match a full node's) but keeps only the newest --prune-window bodies and photos in
// its Redis and photo store, fetches a pruned body back from a full peer when the REST API
// asks for it, cross-checks its tip with the full nodes (and reports a node on another branch
// as disagreement), and loads its chain again after kill -9.
#include "DaemonProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <memory>

using namespace pb::test;

namespace {

constexpr int kWindow = 16;
const char* const kDogPhoto = "/usr/share/darknet/data/dog.jpg";  // NanoDet sees a dog

struct Node {
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>("/tmp/pbXXXXXX");
    std::unique_ptr<DaemonProcess> daemon = std::make_unique<DaemonProcess>(dir->path());
    quint16 port = freeLoopbackPort();
    QString address() const { return QString("127.0.0.1:%1").arg(port); }
    QString path() const { return dir->path(); }
    void restart() { daemon = std::make_unique<DaemonProcess>(dir->path()); }
};

QByteArray readFile(const char* path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One command against a node's embedded Redis, through redis-cli on its unix socket.
QString redis(const Node& node, const QStringList& command)
{
    QProcess cli;
    cli.start("redis-cli", QStringList{"-s", node.path() + "/redis/redis.sock", "--raw"} + command);
    cli.waitForFinished(10000);
    return QString::fromUtf8(cli.readAllStandardOutput()).trimmed();
}

// Per active height 0..tip of a node: 1 when its body (field `bytes`) is stored, else 0.
QStringList bodiesByHeight(const Node& node, qint64 tip)
{
    const QString script = "local out = {} for h = 0, tonumber(ARGV[1]) do "
                           "local hash = redis.call('HGET', 'pb:test:v1:active', tostring(h)) "
                           "out[#out + 1] = hash and redis.call('HEXISTS', 'pb:test:v1:block:' .. hash, 'bytes') or -1 end "
                           "return out";
    return redis(node, {"EVAL", script, "0", QString::number(tip)}).split('\n');
}

// Bodies for genesis and the window ending at `tip`, none below it (but maybe at `fetchedAgain`,
// a body the REST API had fetched back from a peer).
bool onlyWindowBodies(const Node& node, qint64 tip, qint64 fetchedAgain = -1)
{
    const QStringList bodies = bodiesByHeight(node, tip);
    if (bodies.size() != tip + 1) return false;
    for (qint64 h = 0; h <= tip; ++h)
        if (h != fetchedAgain && bodies[h] != ((h == 0 || h > tip - kWindow) ? "1" : "0")) return false;
    return true;
}

QJsonObject tipCheckOf(DaemonProcess& d) { return d.status().value("tipCheck").toObject(); }
qint64 localHeight(DaemonProcess& d) { return d.status().value("localHeight").toInteger(-1); }

} // namespace

class MobileNodeTest : public QObject {
    Q_OBJECT
private:
    Node head_, full2_, full3_, mobile_, rogue_;
    qint64 photoHeight_ = -1;
    QString photoBlock_;
    QString photoHash_;

    QStringList mobileArgs() const
    {
        return {"--mode", "mobile", "--prune-window", QString::number(kWindow), "--port", QString::number(mobile_.port),
                "--seed", head_.address()};
    }

private slots:
    void initTestCase()
    {
        // The rogue mines a short branch of its own first, isolated (its seed is a closed port),
        // and will not reorganise more than 2 blocks to follow anyone else.
        QVERIFY2(rogue_.daemon->start({"--port", QString::number(rogue_.port), "--seed", QString("127.0.0.1:%1").arg(freeLoopbackPort()),
                                      "--max-reorg-depth", "2", "--mine"}),
                 qPrintable(rogue_.daemon->stderrText()));
        QVERIFY2(head_.daemon->start({"--mode", "head", "--port", QString::number(head_.port), "--mine"}),
                 qPrintable(head_.daemon->stderrText()));
        QVERIFY(waitUntil([&] { return rogue_.daemon->height() >= 5; }, 30000));
        QCOMPARE(rogue_.daemon->terminate(), 0);
        for (Node* n : {&full2_, &full3_})
            QVERIFY2(n->daemon->start({"--port", QString::number(n->port), "--seed", head_.address()}),
                     qPrintable(n->daemon->stderrText()));
        QVERIFY2(mobile_.daemon->start(mobileArgs()), qPrintable(mobile_.daemon->stderrText()));
        QCOMPARE(mobile_.daemon->status().value("mode").toString(), QString("mobile"));
    }

    void mobileNodePrunesBodiesAndPhotosOutsideTheWindow()
    {
        // A photo block early in the chain, then enough blocks on top to push it out of the window.
        const QJsonObject job{{"photo", QString::fromLatin1(readFile(kDogPhoto).toBase64())}, {"label", "dog"}};
        const HttpResult submitted = httpSend(head_.daemon->restPort(), "POST", "/api/v1/mining/jobs", QJsonDocument(job).toJson());
        QCOMPARE(submitted.status, 202);
        const QString jobId = submitted.json.value("id").toString();
        QVERIFY2(waitUntil([&] {
                     const QJsonObject j = httpGet(head_.daemon->restPort(), "/api/v1/mining/jobs/" + jobId).json;
                     photoBlock_ = j.value("blockHash").toString();
                     return j.value("state").toString() == "mined";
                 }, 60000),
                 qPrintable(head_.daemon->stderrText().right(3000)));
        const QJsonObject block = httpGet(head_.daemon->restPort(), "/api/v1/blocks/" + photoBlock_).json;
        photoHeight_ = block.value("height").toInteger();
        photoHash_ = block.value("photoHash").toString();
        QVERIFY(!photoHash_.isEmpty());
        QVERIFY2(waitUntil([&] { return localHeight(*mobile_.daemon) >= photoHeight_ + 2 * kWindow; }, 60000),
                 qPrintable(mobile_.daemon->stderrText().right(3000)));

        // The miner stops (restarted without --mine) so that every node settles on one tip.
        QCOMPARE(head_.daemon->terminate(), 0);
        head_.restart();
        QVERIFY2(head_.daemon->start({"--mode", "head", "--port", QString::number(head_.port)}),
                 qPrintable(head_.daemon->stderrText()));
        const auto settled = [&] {
            const QString tip = full2_.daemon->status().value("tipHash").toString();
            return !tip.isEmpty() && head_.daemon->status().value("tipHash").toString() == tip
                && mobile_.daemon->status().value("localTipHash").toString() == tip;
        };
        QVERIFY2(waitUntil(settled, 30000), qPrintable(mobile_.daemon->stderrText().right(3000)));
        const qint64 tip = localHeight(*mobile_.daemon);
        const qint64 windowStart = tip + 1 - kWindow;

        // Redis: bodies only for the window (and genesis); index entries and headers stay.
        QVERIFY2(waitUntil([&] { return onlyWindowBodies(mobile_, tip); }, 20000),
                 qPrintable(bodiesByHeight(mobile_, tip).join(' ') + mobile_.daemon->stderrText().right(3000)));
        QCOMPARE(redis(mobile_, {"HEXISTS", "pb:test:v1:block:" + photoBlock_, "header"}), QString("1"));
        QCOMPARE(redis(mobile_, {"HGET", "pb:test:v1:photos", photoHash_}), photoBlock_);
        QCOMPARE(redis(mobile_, {"GET", "pb:test:v1:pruned"}), QString::number(windowStart));
        QCOMPARE(redis(mobile_, {"SCARD", "pb:test:v1:prunephotos"}), QString("0"));
        // The photo file went from the mobile node's store; the full node keeps it.
        const QString photoPath = "/photos/" + photoHash_.left(2) + "/" + photoHash_;
        QVERIFY(!QFile::exists(mobile_.path() + photoPath));
        QVERIFY(QFile::exists(full2_.path() + photoPath));

        // Accounts stay exact: the miner's balance is the same as on a full node.
        const QString miner = head_.daemon->status().value("mining").toObject().value("rewardAddress").toString();
        const qint64 fullBalance = httpGet(full2_.daemon->restPort(), "/api/v1/addresses/" + miner).json.value("balance").toInteger(-1);
        QVERIFY(fullBalance > 0);
        QCOMPARE(httpGet(mobile_.daemon->restPort(), "/api/v1/addresses/" + miner).json.value("balance").toInteger(-2), fullBalance);
    }

    void prunedBlockIsFetchedOnDemand()
    {
        const quint16 port = mobile_.daemon->restPort();
        const QString path = "/api/v1/blocks/" + photoBlock_;
        // First the header-level answer (and a precise 503 for the photo), while a full peer is asked.
        const HttpResult first = httpGet(port, path);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value("bodyPruned").toBool(), true);
        QCOMPARE(first.json.value("height").toInteger(), photoHeight_);
        QVERIFY(first.json.value("header").toString().size() == 176);
        // What the body carried is kept beside the header.
        QCOMPARE(first.json.value("photoHash").toString(), photoHash_);
        QCOMPARE(first.json.value("label").toString(), QString("dog"));
        QVERIFY(first.json.value("size").toInteger() > 0);
        QVERIFY(first.json.value("transactions").toArray().isEmpty());
        const HttpResult photo = httpGet(port, path + "/photo");
        if (photo.status != 200) {
            QCOMPARE(photo.status, 503);
            QCOMPARE(photo.json.value("error").toObject().value("code").toString(), QString("block_pruned"));
            QCOMPARE(photo.header("Retry-After"), QByteArray("2"));
        }
        QVERIFY2(waitUntil([&] { return !httpGet(port, path).json.value("bodyPruned").toBool(true); }, 20000),
                 qPrintable(mobile_.daemon->stderrText().right(3000)));
        const QJsonObject full = httpGet(port, path).json;
        QCOMPARE(full.value("photoHash").toString(), photoHash_);
        QCOMPARE(full.value("label").toString(), QString("dog"));
        QVERIFY(!full.value("transactions").toArray().isEmpty());
        const HttpResult fetchedPhoto = httpGet(port, path + "/photo");
        QCOMPARE(fetchedPhoto.status, 200);
        QCOMPARE(fetchedPhoto.body, readFile(kDogPhoto));
    }

    void tipIsCrossCheckedWithThreeFullNodes()
    {
        DaemonProcess& m = *mobile_.daemon;
        QVERIFY2(waitUntil([&] {
                     const QJsonObject c = tipCheckOf(m);
                     return c.value("state").toString() == "checked" && c.value("agreeing").toInt() >= 3
                         && c.value("checkedHeight").toInteger() == localHeight(m);
                 }, 30000),
                 qPrintable(QJsonDocument(m.status()).toJson() + m.stderrText().right(2000)));
        const QJsonObject status = m.status();
        const QJsonObject check = status.value("tipCheck").toObject();
        QCOMPARE(check.value("disagreeing").toInt(), 0);
        QVERIFY(check.value("peersAsked").toInt() >= 3);
        QVERIFY(check.value("lastCheck").toInteger() > 0);
        // What the node reports as its tip is the checked one.
        QCOMPARE(status.value("height").toInteger(), check.value("checkedHeight").toInteger());
        QCOMPARE(status.value("tipHash").toString(), check.value("checkedHash").toString());
        QCOMPARE(httpGet(m.restPort(), "/api/v1/blocks/" + status.value("tipHash").toString()).json.value("unchecked").toBool(true), false);
    }

    void aFullNodeOnAnotherBranchIsReportedAsDisagreement()
    {
        // The rogue comes back on its own branch, now connected to the mobile node (and, through
        // it, to the others); it refuses to reorganise, so it keeps answering with another chain.
        rogue_.restart();
        QVERIFY2(rogue_.daemon->start({"--port", QString::number(rogue_.port), "--seed", mobile_.address(), "--max-reorg-depth", "2"}),
                 qPrintable(rogue_.daemon->stderrText()));
        DaemonProcess& m = *mobile_.daemon;
        QVERIFY2(waitUntil([&] {
                     const QJsonObject c = tipCheckOf(m);
                     return c.value("state").toString() == "disagreement" && c.value("disagreeing").toInt() >= 1
                         && c.value("agreeing").toInt() >= 3;
                 }, 45000),
                 qPrintable(QJsonDocument(m.status()).toJson() + m.stderrText().right(3000)));
        QVERIFY(m.stderrText().contains("disagrees with our tip"));
        QCOMPARE(rogue_.daemon->terminate(), 0);
    }

    void killedWhilePruningTheChainLoadsAgain()
    {
        // New blocks arrive and are pruned behind them; the node dies at some point of that.
        QCOMPARE(head_.daemon->terminate(), 0);
        head_.restart();
        QVERIFY2(head_.daemon->start({"--mode", "head", "--port", QString::number(head_.port), "--mine"}),
                 qPrintable(head_.daemon->stderrText()));
        const qint64 before = localHeight(*mobile_.daemon);
        QVERIFY(waitUntil([&] { return localHeight(*mobile_.daemon) >= before + 2 * kWindow; }, 60000));
        mobile_.daemon->killHard();
        QCOMPARE(head_.daemon->terminate(), 0);

        mobile_.restart();
        QVERIFY2(mobile_.daemon->start(mobileArgs()), qPrintable(mobile_.daemon->stderrText()));
        QVERIFY(localHeight(*mobile_.daemon) >= before + kWindow);
        // It catches up with the full nodes and finishes pruning: the window's bodies, no others.
        QVERIFY2(waitUntil([&] {
                     const QString tip = full2_.daemon->status().value("tipHash").toString();
                     return mobile_.daemon->status().value("localTipHash").toString() == tip;
                 }, 30000),
                 qPrintable(mobile_.daemon->stderrText().right(3000)));
        const qint64 tip = localHeight(*mobile_.daemon);
        QVERIFY2(waitUntil([&] { return onlyWindowBodies(mobile_, tip, photoHeight_); }, 20000),
                 qPrintable(bodiesByHeight(mobile_, tip).join(' ') + mobile_.daemon->stderrText().right(3000)));
        QCOMPARE(redis(mobile_, {"GET", "pb:test:v1:pruned"}), QString::number(tip + 1 - kWindow));
        QCOMPARE(redis(mobile_, {"SCARD", "pb:test:v1:prunephotos"}), QString("0"));
        QCOMPARE(mobile_.daemon->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(MobileNodeTest)
#include "tst_mobile_node.moc"
