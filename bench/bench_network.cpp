// Measures, with real photoblocksd processes on loopback:
//  1. block propagation: one node mines on the test network, 15 others relay; for every block,
//     the delay from the miner connecting it to the last node connecting it (from each node's
//     millisecond log timestamps) — median, p95 and max; first a round without transfers (the
//     baseline), then, the same miner going on, a round with transfers in flight: the bench
//     holds the reward key and signs transfers at --transfers-per-second to random nodes;
//  2. initial sync: a fresh node downloads an N-block chain headers-first; blocks per second.
// Usage: bench_network [--nodes 16] [--mine-seconds 8] [--transfers-per-second 40]
//                      [--sync-blocks 2000] [--sync-only] [--propagation-only]
//                      [--source-datadir DIR]  (keeps the mined chain there for the next run)
//        PB_DAEMON=/path/to/photoblocksd runs another build of the node;
//        PB_BENCH_KEEP_LOGS=DIR keeps a copy of the syncing node's log there.
#include "bench/BenchHttp.h"
#include "bench/TransferLoad.h"
#include "core/chain/Transaction.h"
#include "tests/support/FreeLoopbackPort.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <vector>

using pb::bench::getJson;

namespace {

// PB_DAEMON names another photoblocksd build to run (a before/after comparison); else ours.
QString daemonPath()
{
    const QString other = qEnvironmentVariable("PB_DAEMON");
    return other.isEmpty() ? QString(PB_DAEMON_PATH) : other;
}

struct Daemon {
    Daemon() = default;
    // A datadir kept between runs (a chain mined once, synced from again and again).
    explicit Daemon(const QString& keptDir) : kept(keptDir) { QDir().mkpath(keptDir); }
    QString path() const { return kept.isEmpty() ? dir.path() : kept; }
    QString filePath(const QString& name) const { return QDir(path()).filePath(name); }

    QTemporaryDir dir{"/tmp/pbbXXXXXX"};
    QString kept;
    QProcess process;
    quint16 peerPort = pb::test::freeLoopbackPort();
    quint16 restPort = pb::test::freeLoopbackPort();

    void start(const QStringList& extra)
    {
        process.setStandardErrorFile(QProcess::nullDevice());
        process.start(daemonPath(), QStringList{"--network", "test", "--datadir", path(), "--port",
                                                  QString::number(peerPort), "--rest-port", QString::number(restPort)} + extra);
        process.waitForStarted();
    }
    qint64 height() { return getJson(restPort, "/api/v1/status").value("height").toInteger(-1); }
    // Redis round trips this process has made so far (/metrics, with the operator's cookie); -1 when unknown.
    qint64 redisRoundTrips()
    {
        QFile cookie(filePath("api.cookie"));
        if (!cookie.open(QIODevice::ReadOnly)) return -1;
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(QString("http://127.0.0.1:%1/metrics").arg(restPort)));
        request.setRawHeader("Authorization", "Bearer " + cookie.readLine().trimmed());
        request.setTransferTimeout(2000);
        QNetworkReply* reply = manager.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        static const QRegularExpression sample("^photoblocks_redis_round_trips_total (\\d+)", QRegularExpression::MultilineOption);
        const auto m = sample.match(QString::fromUtf8(reply->readAll()));
        reply->deleteLater();
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    }
    int peers() { return getJson(restPort, "/api/v1/status").value("peers").toInt(); }
    QString logText()
    {
        QFile log(filePath("node.log"));
        return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
    }
    void stop()
    {
        process.terminate();
        process.waitForFinished(15000);
    }
    // Each logged "connected block" line: msecs since the epoch, height, hash, mined here.
    void forEachConnected(const std::function<void(qint64, qint64, const QString&, bool)>& use)
    {
        QFile log(filePath("node.log"));
        if (!log.open(QIODevice::ReadOnly)) return;
        static const QRegularExpression line("^(\\S+) info connected block (\\d+) ([0-9a-f]{64})( \\(mined here\\))?");
        while (!log.atEnd()) {
            const auto m = line.match(QString::fromUtf8(log.readLine()));
            if (m.hasMatch())
                use(QDateTime::fromString(m.captured(1), Qt::ISODateWithMs).toMSecsSinceEpoch(), m.captured(2).toLongLong(),
                    m.captured(3), !m.captured(4).isEmpty());
        }
    }
    // hash -> msecs since the epoch at which this node connected the block
    std::map<QString, qint64> connectTimes(bool minedOnly)
    {
        std::map<QString, qint64> times;
        forEachConnected([&](qint64 at, qint64, const QString& hash, bool minedHere) {
            if (minedHere || !minedOnly) times.emplace(hash, at);
        });
        return times;
    }
    std::map<qint64, qint64> connectTimesByHeight()
    {
        std::map<qint64, qint64> times;
        forEachConnected([&](qint64 at, qint64 height, const QString&, bool) { times.emplace(height, at); });
        return times;
    }
};

bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (condition()) return true;
        QThread::msleep(100);
    }
    return condition();
}

double percentile(std::vector<qint64> v, double p)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return double(v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))]);
}

// Keeps the event loop turning (the transfer timer, the HTTP answers) for `ms`.
void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The blocks the miner connected in [from, to) (msecs since the epoch), and how long each took
// to reach the last of the relaying nodes.
struct Round {
    qint64 from = 0, to = 0;
    std::vector<QString> mined;
    std::vector<qint64> delays;  // of the blocks that reached every node
    size_t incomplete = 0;       // reorganised away or still in flight
};

void measureRound(Round& round, const std::map<QString, qint64>& mined, const std::vector<std::map<QString, qint64>>& seen)
{
    for (const auto& [hash, t0] : mined) {
        if (t0 < round.from || t0 >= round.to) continue;
        round.mined.push_back(hash);
        qint64 last = t0;
        bool everywhere = true;
        for (const auto& s : seen) {
            const auto it = s.find(hash);
            if (it == s.end()) everywhere = false;
            else last = std::max(last, it->second);
        }
        if (everywhere) round.delays.push_back(last - t0);
        else ++round.incomplete;
    }
}

void printRound(const char* name, const Round& r, int nodes)
{
    std::printf("  %s: blocks mined %zu, reached all %d nodes %zu (reorganised away or in flight %zu)\n", name, r.mined.size(),
                nodes, r.delays.size(), r.incomplete);
    std::printf("    propagation to the last node: median %.0f ms, p95 %.0f ms, max %.0f ms (target p95 < 200 ms)\n",
                percentile(r.delays, 0.5), percentile(r.delays, 0.95), percentile(r.delays, 1.0));
}

// Transfers the blocks of the round carry (coinbases not counted), as node `port` has them.
struct Carried {
    qint64 blocks = 0, transfers = 0;
};
Carried transfersCarried(const Round& r, quint16 port)
{
    Carried c;
    for (const QString& hash : r.mined) {
        const QJsonObject block = getJson(port, "/api/v1/blocks/" + hash);
        if (block.isEmpty()) continue;
        c.transfers += block.value("transactions").toArray().size() - 1;
        ++c.blocks;
    }
    return c;
}

void measurePropagation(int nodes, int mineSeconds, double transfersPerSecond)
{
    std::printf("block propagation across %d local nodes, %d s without transfers, then %d s with %.0f transfers/s\n", nodes,
                mineSeconds, mineSeconds, transfersPerSecond);
    std::vector<std::unique_ptr<Daemon>> net;
    for (int i = 0; i < nodes; ++i) net.push_back(std::make_unique<Daemon>());
    net[0]->start({"--mode", "head"});
    // Each node seeds from a random earlier one: a connected, multi-hop mesh.
    for (int i = 1; i < nodes; ++i) net[size_t(i)]->start({"--seed", QString("127.0.0.1:%1").arg(net[size_t(std::rand() % i)]->peerPort)});
    waitFor([&] { return std::all_of(net.begin(), net.end(), [](auto& d) { return d->height() >= 0; }); }, 30000);
    waitFor([&] { return std::all_of(net.begin(), net.end(), [](auto& d) { return d->peers() >= 2; }); }, 30000);

    std::vector<quint16> restPorts;
    for (auto& d : net) restPorts.push_back(d->restPort);
    // Many senders, each sending rarely (every 6 s at 40/s): a sender's next nonce reaches a node
    // long after the previous one, so relay never presents them out of order (a node refuses a
    // nonce gap and does not ask again).
    pb::bench::TransferLoad load(restPorts, 256);
    Daemon miner;
    miner.start({"--mine", "--reward-address", load.rewardAddress(), "--seed", QString("127.0.0.1:%1").arg(net[0]->peerPort)});
    waitFor([&] { return miner.height() >= 0; }, 30000);

    Round baseline, loaded;
    baseline.from = QDateTime::currentMSecsSinceEpoch();
    runFor(mineSeconds * 1000);
    baseline.to = QDateTime::currentMSecsSinceEpoch();
    const bool funded = load.fundSenders(miner.restPort, pb::kCoin / 20, 60000);
    if (!funded) std::printf("  the senders were not funded within 60 s: the second round runs without transfers\n");
    loaded.from = QDateTime::currentMSecsSinceEpoch();
    if (funded) load.start(transfersPerSecond);
    runFor(mineSeconds * 1000);
    load.stop();
    loaded.to = QDateTime::currentMSecsSinceEpoch();
    const qint64 finalHeight = miner.height();
    miner.stop();
    QThread::sleep(3);

    const auto mined = miner.connectTimes(true);
    std::vector<std::map<QString, qint64>> seen;
    for (auto& d : net) seen.push_back(d->connectTimes(false));
    measureRound(baseline, mined, seen);
    measureRound(loaded, mined, seen);
    std::printf("  height %lld at the end\n", (long long)finalHeight);
    printRound("without transfers (baseline)", baseline, nodes);
    printRound("with transfers in flight", loaded, nodes);
    const Carried carried = transfersCarried(loaded, net[0]->restPort);
    std::printf("    transfers submitted %d (accepted %d, refused %d); the round's blocks carry %lld: %.1f per block on average\n",
                load.submitted(), load.accepted(), load.refused(), (long long)carried.transfers,
                carried.blocks ? double(carried.transfers) / double(carried.blocks) : 0.0);
    for (const QString& r : load.refusals()) std::printf("    refused: %s\n", qPrintable(r));
    // How blocks with transfers arrived (the relaying nodes' logs; none from a build without
    // compact blocks).
    static const QRegularExpression rebuilt("rebuilt from a compact block: (\\d+) of (\\d+) transfers");
    int fromMempool = 0, afterRequest = 0, fullBlocks = 0;
    for (auto& d : net) {
        const QString log = d->logText();
        for (auto it = rebuilt.globalMatch(log); it.hasNext();) {
            const auto m = it.next();
            ++(m.captured(1) == m.captured(2) ? fromMempool : afterRequest);
        }
        fullBlocks += int(log.count("asking for the full block instead"));
    }
    std::printf("    compact blocks rebuilt from the mempool alone %d, after asking for transfers %d; full blocks asked instead %d\n",
                fromMempool, afterRequest, fullBlocks);
    // Blocks that did not reach everyone: the miner's warnings and lost peers say why.
    if (baseline.incomplete + loaded.incomplete > 0) {
        int shown = 0;
        for (const QString& line : miner.logText().split('\n'))
            if ((line.contains(" warning ") || line.contains("disconnected")) && ++shown <= 8)
                std::printf("    miner: %s\n", qPrintable(line.left(300)));
    }
    for (auto& d : net) d->stop();
}

// SET/s of `redis-benchmark -P 16 -t set` against a redis-server of its own on a unix socket:
// what the storage alone does on this machine right now. 0 when either program is missing.
double redisSetsPerSecond(const QStringList& persistence)
{
    QTemporaryDir dir("/tmp/pbrbXXXXXX");
    const QString socket = dir.filePath("redis.sock");
    QProcess server;
    server.setWorkingDirectory(dir.path());
    server.start("redis-server", QStringList{"--port", "0", "--unixsocket", socket, "--save", ""} + persistence);
    if (!server.waitForStarted(5000)) return 0;
    waitFor([&] { return QFile::exists(socket); }, 5000);
    QProcess bench;
    bench.start("redis-benchmark", {"-s", socket, "-P", "16", "-t", "set", "-n", "2000000", "-q"});
    double perSecond = 0;
    if (bench.waitForStarted(5000) && bench.waitForFinished(120000)) {
        // -q prints "SET: 1234567.00 requests per second, p50=..." (carriage returns before it)
        static const QRegularExpression rate("SET: ([0-9.]+) requests per second");
        const auto m = rate.match(QString::fromUtf8(bench.readAllStandardOutput()));
        if (m.hasMatch()) perSecond = m.captured(1).toDouble();
    }
    server.terminate();
    server.waitForFinished(5000);
    return perSecond;
}

void measureSync(int syncBlocks, const QString& sourceDir)
{
    std::printf("initial sync of a %d-block chain\n", syncBlocks);
    std::unique_ptr<Daemon> sourcePtr = sourceDir.isEmpty() ? std::make_unique<Daemon>() : std::make_unique<Daemon>(sourceDir);
    Daemon& source = *sourcePtr;
    source.start({});
    waitFor([&] { return source.height() >= 0; }, 30000);
    if (source.height() < syncBlocks) {
        source.stop();
        source.start({"--mine", "--threads", QString::number(std::max(1, QThread::idealThreadCount()))});
        waitFor([&] { return source.height() >= syncBlocks; }, 3600 * 1000);
        source.stop();
        source.start({});
        waitFor([&] { return source.height() >= 0; }, 30000);
    }
    const qint64 height = source.height();
    const qsizetype sourceLogBefore = source.logText().size();  // its warnings from here on are this sync's
    Daemon fresh;
    QElapsedTimer clock;
    clock.start();
    const qint64 launchedAt = QDateTime::currentMSecsSinceEpoch();
    fresh.start({"--seed", QString("127.0.0.1:%1").arg(source.peerPort)});
    waitFor([&] { return fresh.height() >= height; }, 3600 * 1000);
    const double seconds = std::max(0.001, double(clock.elapsed()) / 1000.0);
    const double blocksPerSecond = double(height) / seconds;
    const qint64 roundTrips = fresh.redisRoundTrips();
    // A stall (a download deadline, a headers answer awaited) shows as a warning there.
    int warnings = 0;
    for (const QString& line : fresh.logText().split('\n'))
        if (line.contains(" warning ") && ++warnings <= 5) std::printf("  syncing node: %s\n", qPrintable(line));
    // A request the serving node refused or never answered shows there.
    warnings = 0;
    for (const QString& line : source.logText().mid(sourceLogBefore).split('\n'))
        if ((line.contains(" warning ") || line.contains(" error ")) && ++warnings <= 5)
            std::printf("  serving node: %s\n", qPrintable(line));
    std::printf("  %lld blocks in %.2f s (including process start-up): %.0f blocks/s\n", (long long)height, seconds, blocksPerSecond);
    // From its log: when the first and the last logged block connected (a node far behind
    // logs one block in 1,000).
    const std::map<qint64, qint64> logged = fresh.connectTimesByHeight();
    if (logged.size() >= 2 && logged.rbegin()->second > logged.begin()->second) {
        const auto& [firstHeight, first] = *logged.begin();
        const auto& [lastHeight, last] = *logged.rbegin();
        std::printf("  of which start-up to block %lld %.2f s, blocks %lld to %lld in %.2f s: %.0f blocks/s\n",
                    (long long)firstHeight, double(first - launchedAt) / 1000.0, (long long)firstHeight, (long long)lastHeight,
                    double(last - first) / 1000.0, double(lastHeight - firstHeight) * 1000.0 / double(last - first));
    }
    if (roundTrips >= 0)
        std::printf("  Redis round trips of the syncing node: %lld in all, %.2f per block (start-up and other work included)\n",
                    (long long)roundTrips, double(roundTrips) / double(std::max<qint64>(1, height)));
    else
        std::printf("  Redis round trips of the syncing node: unknown (its /metrics has no photoblocks_redis_round_trips_total)\n");
    fresh.stop();
    source.stop();
    if (const QString keep = qEnvironmentVariable("PB_BENCH_KEEP_LOGS"); !keep.isEmpty()) {
        QDir().mkpath(keep);
        const QString copy = QDir(keep).filePath(QString("sync-%1.log").arg(launchedAt));
        if (QFile::copy(fresh.filePath("node.log"), copy)) std::printf("  syncing node's log kept in %s\n", qPrintable(copy));
    }

    const double plain = redisSetsPerSecond({"--appendonly", "no"});
    const double likeNode = redisSetsPerSecond({"--appendonly", "yes", "--appendfsync", "everysec"});
    if (plain <= 0) {
        std::printf("  Redis baseline: not measured: redis-server or redis-benchmark is missing (Debian: apt install redis-server redis-tools)\n");
        return;
    }
    std::printf("  Redis baseline, redis-benchmark -P 16 -t set on a unix socket, same run: %.0f SET/s (no persistence), "
                "%.0f SET/s (AOF, fsync every second, as the node's embedded server)\n", plain, likeNode);
    std::printf("  sync = %.2f%% of the SET/s without persistence (%.0f SETs per synced block's time)\n",
                100.0 * blocksPerSecond / plain, plain / blocksPerSecond);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int nodes = 16, mineSeconds = 8, syncBlocks = 2000;
    double transfersPerSecond = 40;
    bool syncOnly = false, propagationOnly = false;
    QString sourceDir;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == "--sync-only") syncOnly = true;
        else if (args[i] == "--propagation-only") propagationOnly = true;
        else if (args[i] == "--transfers-per-second" && hasValue) transfersPerSecond = std::clamp(args[++i].toDouble(), 1.0, 1000.0);
        else if (args[i] == "--nodes" && hasValue) nodes = std::max(2, args[++i].toInt());
        else if (args[i] == "--mine-seconds" && hasValue) mineSeconds = std::max(1, args[++i].toInt());
        else if (args[i] == "--sync-blocks" && hasValue) syncBlocks = std::max(10, args[++i].toInt());
        else if (args[i] == "--source-datadir" && hasValue) sourceDir = args[++i];
        else {
            std::fprintf(stderr, "usage: bench_network [--nodes N] [--mine-seconds S] [--transfers-per-second T] [--sync-blocks B] "
                                 "[--sync-only] [--propagation-only] [--source-datadir DIR]\n");
            return 2;
        }
    }
    if (!syncOnly) {
        measurePropagation(nodes, mineSeconds, transfersPerSecond);
        std::printf("\n");
    }
    if (!propagationOnly) measureSync(syncBlocks, sourceDir);
    return 0;
}
