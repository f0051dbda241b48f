// bench_mining --peer reads cpuminer-opt's per-thread rate lines; these tests pin that parsing
// and the process handling with a stand-in script, so neither the tests nor CI need the peer.
#include "PeerMiner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pb::bench;

namespace {

// A stand-in for cpuminer-opt: checks its arguments, prints what the real one prints with
// --hash-meter (colour escapes included), then idles until it is stopped.
QString writePeerScript(const QTemporaryDir& dir, const QByteArray& body)
{
    const QString path = dir.filePath("fake-cpuminer");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n"
            "[ \"$*\" = \"--benchmark -a sha256d -t 2 --hash-meter\" ] || { echo \"unexpected arguments: $*\"; exit 3; }\n");
    f.write(body);
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

} // namespace

class PeerMinerOutputIsRead : public QObject {
    Q_OBJECT

private slots:
    void threadLinesParseWithTheirUnits()
    {
        int thread = -1;
        double rate = 0;
        QVERIFY(parsePeerThreadLine("[2026-12-07 01:41:42] Thread 1, CPU 1: 9018.72 kh/s\x1b[0m", &thread, &rate));
        QCOMPARE(thread, 1);
        QCOMPARE(rate, 9018.72e3);
        QVERIFY(parsePeerThreadLine("[2026-12-07 01:43:30] Thread 0, CPU 0: 11.65 Mh/s", &thread, &rate));
        QCOMPARE(thread, 0);
        QCOMPARE(rate, 11.65e6);
        QVERIFY(parsePeerThreadLine("Thread 12, CPU 3: 950.00 h/s", &thread, &rate));
        QCOMPARE(thread, 12);
        QCOMPARE(rate, 950.0);
    }

    void otherLinesAreNotRates()
    {
        int thread = -1;
        double rate = 0;
        QVERIFY(!parsePeerThreadLine("[2026-12-07 01:43:30]\x1b[01;37m Total: 12.00 MH/s, Temp: 0C", &thread, &rate));
        QVERIFY(!parsePeerThreadLine("[2026-12-07 01:43:29] 1 of 2 miner threads started using 'sha256d'", &thread, &rate));
        QVERIFY(!parsePeerThreadLine("Thread 0, CPU 0: 11.65 Xh/s", &thread, &rate));
        QVERIFY(!parsePeerThreadLine("Thread 0, CPU 0: fast", &thread, &rate));
        QCOMPARE(thread, -1);
    }

    // Each thread's first two reports are its warm-up; the later ones are averaged per thread
    // and the threads summed: thread 0 (10 and 20 MH/s) gives 15, thread 1 gives 5.
    void steadyReportsAreAveragedPerThreadAndSummed()
    {
        QTemporaryDir dir;
        const QString peer = writePeerScript(dir,
            "printf '[t] Thread 0, CPU 0: 2400.00 kh/s\\033[0m\\n[t] Thread 1, CPU 1: 1.00 Mh/s\\n'\n"
            "printf '[t] Thread 0, CPU 0: 9.00 Mh/s\\n[t] Thread 1, CPU 1: 3.00 Mh/s\\n'\n"
            "printf '[t]\\033[01;37m Total: 7.00 MH/s, Temp: 0C\\n'\n"
            "printf '[t] Thread 0, CPU 0: 10.00 Mh/s\\n[t] Thread 1, CPU 1: 5000.00 kh/s\\n'\n"
            "printf '[t] Thread 0, CPU 0: 20.00 Mh/s\\n'\n"
            "exec sleep 30\n");
        QVERIFY(!peer.isEmpty());
        const PeerRate r = runPeerMiner(peer.toStdString(), 2, 1.0);
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.hashesPerSecond, 20e6);
        QCOMPARE(r.reports, 3);
        QCOMPARE(r.lastTotalLine, std::string("Total: 7.00 MH/s"));
    }

    void aPeerWithoutSteadyReportsIsAnError()
    {
        QTemporaryDir dir;
        const QString peer = writePeerScript(dir,
            "printf 'Thread 0, CPU 0: 1.00 Mh/s\\nThread 0, CPU 0: 2.00 Mh/s\\nThread 0, CPU 0: 3.00 Mh/s\\n'\n"
            "printf 'Thread 1, CPU 1: 1.00 Mh/s\\nstill warming up\\n'\n"
            "exec sleep 30\n");
        const PeerRate r = runPeerMiner(peer.toStdString(), 2, 1.0);
        QVERIFY(QString::fromStdString(r.error).contains("1 of 2 threads"));
        QVERIFY(QString::fromStdString(r.error).contains("still warming up"));
    }

    void aMissingPeerIsAnError()
    {
        QTemporaryDir dir;
        const PeerRate r = runPeerMiner(dir.filePath("no-such-miner").toStdString(), 2, 1.0);
        QVERIFY(QString::fromStdString(r.error).contains("cannot run"));
        QCOMPARE(r.hashesPerSecond, 0.0);
    }
};

QTEST_APPLESS_MAIN(PeerMinerOutputIsRead)
#include "tst_peer_miner.moc"
