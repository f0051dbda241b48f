// Measures, with real photoblocksd processes on loopback:
//  1. block propagation: one node mines on the test network, 15 others relay; for every block,
//     the delay from the miner connecting it to the last node connecting it (from each node's
//     millisecond log timestamps) — median and p95;
//  2. initial sync: a fresh node downloads an N-block chain headers-first; blocks per second.
// Usage: bench_network [--nodes 16] [--mine-seconds 8] [--sync-blocks 2000]
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QJsonObject getJson(quint16 port, const QString& path)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QString("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setTransferTimeout(2000);
    QNetworkReply* reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return json;
}

struct Daemon {
    QTemporaryDir dir{"/tmp/pbbXXXXXX"};
    QProcess process;
    quint16 peerPort = freePort();
    quint16 restPort = freePort();

    void start(const QStringList& extra)
    {
        process.setStandardErrorFile(QProcess::nullDevice());
        process.start(PB_DAEMON_PATH, QStringList{"--network", "test", "--datadir", dir.path(), "--port",
                                                  QString::number(peerPort), "--rest-port", QString::number(restPort)} + extra);
        process.waitForStarted();
    }
    qint64 height() { return getJson(restPort, "/api/v1/status").value("height").toInteger(-1); }
    int peers() { return getJson(restPort, "/api/v1/status").value("peers").toInt(); }
    QString logText()
    {
        QFile log(dir.filePath("node.log"));
        return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
    }
    void stop()
    {
        process.terminate();
        process.waitForFinished(15000);
    }
    // hash -> msecs since the epoch at which this node connected the block
    std::map<QString, qint64> connectTimes(bool minedOnly)
    {
        std::map<QString, qint64> times;
        QFile log(dir.filePath("node.log"));
        if (!log.open(QIODevice::ReadOnly)) return times;
        static const QRegularExpression line("^(\\S+) info connected block \\d+ ([0-9a-f]{64})( \\(mined here\\))?");
        while (!log.atEnd()) {
            const auto m = line.match(QString::fromUtf8(log.readLine()));
            if (!m.hasMatch() || (minedOnly && m.captured(3).isEmpty())) continue;
            times.emplace(m.captured(2), QDateTime::fromString(m.captured(1), Qt::ISODateWithMs).toMSecsSinceEpoch());
        }
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

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int nodes = 16, mineSeconds = 8, syncBlocks = 2000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--nodes") nodes = std::max(2, args[i + 1].toInt());
        else if (args[i] == "--mine-seconds") mineSeconds = std::max(1, args[i + 1].toInt());
        else if (args[i] == "--sync-blocks") syncBlocks = std::max(10, args[i + 1].toInt());
    }

    std::printf("block propagation across %d local nodes\n", nodes);
    std::vector<std::unique_ptr<Daemon>> net;
    for (int i = 0; i < nodes; ++i) net.push_back(std::make_unique<Daemon>());
    net[0]->start({"--mode", "head"});
    // Each node seeds from a random earlier one: a connected, multi-hop mesh.
    for (int i = 1; i < nodes; ++i) net[size_t(i)]->start({"--seed", QString("127.0.0.1:%1").arg(net[size_t(std::rand() % i)]->peerPort)});
    waitFor([&] { return std::all_of(net.begin(), net.end(), [](auto& d) { return d->height() >= 0; }); }, 30000);
    waitFor([&] { return std::all_of(net.begin(), net.end(), [](auto& d) { return d->peers() >= 2; }); }, 30000);

    Daemon miner;
    miner.start({"--mine", "--seed", QString("127.0.0.1:%1").arg(net[0]->peerPort)});
    QThread::sleep(unsigned(mineSeconds));
    const qint64 finalHeight = miner.height();
    miner.stop();
    QThread::sleep(3);
    const auto mined = miner.connectTimes(true);
    std::vector<std::map<QString, qint64>> seen;
    for (auto& d : net) seen.push_back(d->connectTimes(false));
    std::vector<qint64> delays;
    size_t incomplete = 0;
    for (const auto& [hash, t0] : mined) {
        qint64 last = t0;
        bool everywhere = true;
        for (const auto& s : seen) {
            const auto it = s.find(hash);
            if (it == s.end()) everywhere = false;
            else last = std::max(last, it->second);
        }
        if (everywhere) delays.push_back(last - t0);
        else ++incomplete;
    }
    std::printf("  blocks mined: %zu (height %lld); reached all %d nodes: %zu (others were reorganised away or still in flight: %zu)\n",
                mined.size(), (long long)finalHeight, nodes, delays.size(), incomplete);
    std::printf("  propagation to the last node: median %.0f ms, p95 %.0f ms (target p95 < 200 ms)\n",
                percentile(delays, 0.5), percentile(delays, 0.95));

    std::printf("\ninitial sync of a %d-block chain\n", syncBlocks);
    Daemon source;
    source.start({"--mine", "--threads", QString::number(std::max(1, QThread::idealThreadCount()))});
    waitFor([&] { return source.height() >= syncBlocks; }, 3600 * 1000);
    source.stop();
    source.start({});
    waitFor([&] { return source.height() >= 0; }, 30000);
    const qint64 height = source.height();
    Daemon fresh;
    QElapsedTimer clock;
    clock.start();
    fresh.start({"--seed", QString("127.0.0.1:%1").arg(source.peerPort)});
    waitFor([&] { return fresh.height() >= height; }, 3600 * 1000);
    const double seconds = std::max(0.001, double(clock.elapsed()) / 1000.0);
    std::printf("  %lld blocks in %.1f s (including process start-up): %.0f blocks/s\n", (long long)height, seconds,
                double(height) / seconds);
    fresh.stop();
    source.stop();
    for (auto& d : net) d->stop();
    return 0;
}
