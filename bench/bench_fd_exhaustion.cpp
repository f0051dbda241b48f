// Descriptor exhaustion against a real photoblocksd started under `prlimit --nofile=N`
// (default 1,024, a systemd service's soft limit; the daemon may raise it to the hard limit,
// so the bench sets both). Two phases of equal length, measured the same way:
//   baseline: no attack;
//   attack:   ~1,000 idle TCP connections to the peer port and ~1,000 slow REST clients
//             (a request header never finished), all from one loopback address each, topped
//             up every second as the node closes them.
// Reported per phase: REST answers (ok / tried within 2 s each, median latency), blocks mined,
// the node's CPU use (cores, from /proc/<pid>/stat), whether and how fast an honest peer
// (another /24) completes a WebSocket handshake halfway through, and the most flood connections
// established at once (held by the node or waiting in its accept backlog). Loopback only; every
// socket is closed at the end.
// With --compare PATH, the same phases run first against another photoblocksd (e.g. one built
// before these limits), as the baseline of the same run.
// Usage: bench_fd_exhaustion [--nofile 1024] [--seconds 10] [--flood 1000] [--compare PATH]
#include "tests/integration/DaemonProcess.h"
#include "tests/integration/RawPeer.h"
#include "tests/support/SocketFlood.h"
#include "core/util/DescriptorBudget.h"

#include <QCoreApplication>
#include <QDir>
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
    int nodeDescriptors = 0;  // most open in the node at once
};

int openDescriptors(qint64 pid)
{
    return int(QDir(QString("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::System).size());
}

Phase measure(DaemonProcess& node, quint16 peerPort, int seconds, int flood, const QString& label)
{
    Phase p;
    SocketFlood peers, rest;
    const qint64 h0 = node.height();
    const double cpu0 = cpuSeconds(node.pid());
    QElapsedTimer clock;
    clock.start();
    std::vector<double> latencies;
    while (clock.elapsed() < seconds * 1000) {
        if (flood > 0) {
            // Sustained: replace what the node closed, keep the rest.
            peers.topUp("127.0.31.1", peerPort, flood);
            rest.topUp("127.0.32.1", node.restPort(), flood, "GET /api/v1/status HTTP/1.1\r\nHost: x\r\n");
            p.peerFloodHeld = std::max(p.peerFloodHeld, peers.stillOpen());
            p.restFloodHeld = std::max(p.restFloodHeld, rest.stillOpen());
        }
        p.nodeDescriptors = std::max(p.nodeDescriptors, openDescriptors(node.pid()));
        QElapsedTimer one;
        one.start();
        const HttpResult r = httpGet(node.restPort(), "/api/v1/status", 2000);
        ++p.restTried;
        if (r.status == 200) {
            ++p.restOk;
            latencies.push_back(double(one.nsecsElapsed()) / 1e6);
        }
        // Once the flood has had time to take what it can.
        if (!p.honestJoined && clock.elapsed() > seconds * 500) {
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
                " | node fds %d | flood established (client side): peer %d, REST %d\n",
                qPrintable(label), p.restOk, p.restTried, p.restMedianMs, static_cast<long long>(p.blocks), p.cores,
                p.honestJoined ? "joined" : "REFUSED", static_cast<long long>(p.honestMs), p.nodeDescriptors, p.peerFloodHeld, p.restFloodHeld);
    std::fflush(stdout);
    return p;
}

// Starts a daemon (`binary`, or the one built with this bench when empty) under prlimit and
// runs the three phases against it.
int runAgainst(const QString& binary, int nofile, int seconds, int flood)
{
    QTemporaryDir dir("/tmp/pbbXXXXXX");
    DaemonProcess node(dir.path());
    const QString prlimit = QString("--nofile=%1:%1").arg(nofile);
    QStringList extra;
    if (binary.isEmpty()) {
        node.setLauncher({"prlimit", prlimit, "--"});
        // As a public node would run: a per-subnet cap (the honest peer comes from another /24).
        extra = {"--max-inbound-per-subnet", "8"};
    } else {
        // The launcher drops the built daemon's path that DaemonProcess appends and runs `binary`.
        node.setLauncher({"sh", "-c", "shift; exec prlimit " + prlimit + " -- \"$0\" \"$@\"", binary});
    }
    const quint16 peerPort = freeLoopbackPort();
    if (!node.start(QStringList{"--mode", "head", "--port", QString::number(peerPort), "--mine", "--threads", "1"} + extra)) {
        std::fprintf(stderr, "daemon did not start: %s\n", qPrintable(node.stderrText()));
        return 1;
    }
    waitUntil([&] { return node.height() >= 1; }, 20000);
    QFile load("/proc/loadavg");
    load.open(QIODevice::ReadOnly);
    std::printf("%s under prlimit --nofile=%d, %d s per phase, flood %d + %d connections; load %s",
                binary.isEmpty() ? "photoblocksd (this build)" : qPrintable(binary), nofile, seconds, flood, flood,
                load.readAll().constData());
    measure(node, peerPort, seconds, 0, "baseline");
    measure(node, peerPort, seconds, flood, "attack");
    measure(node, peerPort, seconds, 0, "after");
    node.terminate();
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int nofile = 1024, seconds = 10, flood = 1000;
    QString compare;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--nofile") nofile = args[i + 1].toInt();
        else if (args[i] == "--seconds") seconds = args[i + 1].toInt();
        else if (args[i] == "--flood") flood = std::min(args[i + 1].toInt(), 5000);
        else if (args[i] == "--compare") compare = args[i + 1];
    }
    pb::raiseDescriptorLimit();  // the flood needs 2 x flood descriptors here
    if (!compare.isEmpty() && runAgainst(compare, nofile, seconds, flood) != 0) return 1;
    return runAgainst({}, nofile, seconds, flood);
}
