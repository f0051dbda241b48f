// Descriptor exhaustion against a real photoblocksd started under `prlimit --nofile=N`
// (default 1,024, a systemd service's soft limit; the daemon may raise it to the hard limit,
// so the bench sets both). Two phases of equal length, measured the same way:
//   baseline: no attack;
//   attack:   ~1,000 idle TCP connections to the peer port and ~1,000 slow REST clients
//             (a request header never finished), all from one loopback address each, topped
//             up every second as the node closes them.
// Reported per phase: REST answers (ok / tried, median latency), blocks mined, the node's CPU
// use (cores, from /proc/<pid>/stat), and whether and how fast an honest peer completes a
// WebSocket handshake. Loopback only; every socket is closed at the end.
// Usage: bench_fd_exhaustion [--nofile 1024] [--seconds 10] [--flood 1000]
#include "tests/integration/DaemonProcess.h"
#include "tests/integration/RawPeer.h"
#include "tests/support/SocketFlood.h"
#include "core/util/DescriptorBudget.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace pb::test;

namespace {

// The node's user + system CPU time in seconds.
double cpuSeconds(qint64 pid)
{
    QFile f(QString("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    const QByteArray stat = f.readAll();
    // Fields after the command (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13) return 0;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

struct Phase {
    int restOk = 0, restTried = 0;
    double restMedianMs = 0;
    qint64 blocks = 0;
    double cores = 0;
    bool honestJoined = false;
    qint64 honestMs = -1;
    int peerFloodHeld = 0, restFloodHeld = 0;
};

Phase measure(DaemonProcess& node, quint16 peerPort, int seconds, int flood, const QString& label)
{
    Phase p;
    SocketFlood peers, rest;
    const qint64 h0 = node.height();
    const double cpu0 = cpuSeconds(node.pid());
    QElapsedTimer clock;
    clock.start();
    std::vector<double> latencies;
    int round = 0;
    while (clock.elapsed() < seconds * 1000) {
        if (flood > 0) {
            // Top up: drop what the node closed and open fresh ones up to `flood`.
            if (round++ % 4 == 0) {
                peers.closeAll();
                rest.closeAll();
                peers.open("127.0.31.1", peerPort, flood);
                rest.open("127.0.32.1", node.restPort(), flood, "GET /api/v1/status HTTP/1.1\r\nHost: x\r\n");
            }
            p.peerFloodHeld = std::max(p.peerFloodHeld, peers.stillOpen());
            p.restFloodHeld = std::max(p.restFloodHeld, rest.stillOpen());
        }
        QElapsedTimer one;
        one.start();
        const HttpResult r = httpGet(node.restPort(), "/api/v1/status", 2000);
        ++p.restTried;
        if (r.status == 200) {
            ++p.restOk;
            latencies.push_back(double(one.nsecsElapsed()) / 1e6);
        }
        if (!p.honestJoined && clock.elapsed() > 1000) {
            QElapsedTimer join;
            join.start();
            RawPeer honest;
            if (honest.open("127.0.33.1", peerPort, "/photoblocks/v1")) {
                p.honestJoined = true;
                p.honestMs = join.elapsed();
            }
        }
        QTest::qWait(200);
    }
    const double elapsed = double(clock.elapsed()) / 1000;
    p.blocks = node.height() - h0;
    p.cores = (cpuSeconds(node.pid()) - cpu0) / elapsed;
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        p.restMedianMs = latencies[latencies.size() / 2];
    }
    std::printf("%-9s REST %3d/%-3d ok, median %7.1f ms | blocks %5lld | node CPU %.2f cores | honest peer %s (%lld ms)"
                " | flood held: peer %d, REST %d\n",
                qPrintable(label), p.restOk, p.restTried, p.restMedianMs, static_cast<long long>(p.blocks), p.cores,
                p.honestJoined ? "joined" : "REFUSED", static_cast<long long>(p.honestMs), p.peerFloodHeld, p.restFloodHeld);
    std::fflush(stdout);
    return p;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int nofile = 1024, seconds = 10, flood = 1000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--nofile") nofile = args[i + 1].toInt();
        else if (args[i] == "--seconds") seconds = args[i + 1].toInt();
        else if (args[i] == "--flood") flood = std::min(args[i + 1].toInt(), 5000);
    }
    pb::raiseDescriptorLimit();  // the flood needs 2 x flood descriptors here
    QTemporaryDir dir("/tmp/pbbXXXXXX");
    DaemonProcess node(dir.path());
    node.setLauncher({"prlimit", QString("--nofile=%1:%1").arg(nofile), "--"});
    const quint16 peerPort = freeLoopbackPort();
    // As a public node would run: a per-subnet cap (the honest peer comes from another /24).
    if (!node.start({"--mode", "head", "--port", QString::number(peerPort), "--mine", "--threads", "1",
                     "--max-inbound-per-subnet", "8"})) {
        std::fprintf(stderr, "daemon did not start: %s\n", qPrintable(node.stderrText()));
        return 1;
    }
    waitUntil([&] { return node.height() >= 1; }, 20000);
    std::printf("photoblocksd under prlimit --nofile=%d, %d s per phase, flood %d + %d connections; load %s",
                nofile, seconds, flood, flood, qPrintable(QString::fromUtf8([] {
                    QFile f("/proc/loadavg");
                    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("?\n");
                }())));
    measure(node, peerPort, seconds, 0, "baseline");
    measure(node, peerPort, seconds, flood, "attack");
    measure(node, peerPort, seconds, 0, "after");
    node.terminate();
    return 0;
}
