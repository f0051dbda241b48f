// photoblocksd as a user runs it: mines into its embedded Redis, shuts down cleanly on
// SIGTERM without leaving redis-server behind, survives kill -9, restarts where it left off.
#include "DaemonProcess.h"

#include <QTemporaryDir>

using namespace pb::test;

class DaemonLifecycleTest : public QObject {
    Q_OBJECT
private slots:
    void minesStopsCleanlyAndRestartsWithChainIntact()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        qint64 stoppedHeight = 0;
        QString stoppedTip;
        {
            DaemonProcess daemon(dir.path());
            QVERIFY2(daemon.start({"--mine"}), qPrintable(daemon.stderrText()));
            QVERIFY(waitUntil([&] { return daemon.height() >= 20; }, 30000));
            const qint64 redisPid = daemon.redisPid();
            QVERIFY(processAlive(redisPid));
            QCOMPARE(daemon.terminate(), 0);
            QVERIFY2(waitUntil([&] { return !processAlive(redisPid); }, 5000), "redis-server outlived the node");
            const QString log = daemon.stderrText();
            QVERIFY(log.contains("connected block 1 "));
            QVERIFY(log.contains("embedded redis-server stopped"));
        }
        {
            DaemonProcess daemon(dir.path());
            QVERIFY2(daemon.start({}), qPrintable(daemon.stderrText()));
            const QJsonObject s = daemon.status();
            stoppedHeight = s.value("height").toInteger();
            stoppedTip = s.value("tipHash").toString();
            QVERIFY(stoppedHeight >= 20);
            QCOMPARE(s.value("mining").toObject().value("active").toBool(), false);
            // Every block of the restored chain is readable and links to its parent.
            QString parent = httpGet(daemon.restPort(), "/api/v1/blocks/0").json.value("hash").toString();
            for (qint64 h = 1; h <= stoppedHeight; h += std::max<qint64>(1, stoppedHeight / 10)) {
                const QJsonObject block = httpGet(daemon.restPort(), QString("/api/v1/blocks/%1").arg(h)).json;
                QCOMPARE(block.value("height").toInteger(), h);
                if (h == 1) QCOMPARE(block.value("prevHash").toString(), parent);
            }
            QCOMPARE(daemon.terminate(), 0);
        }
        {
            DaemonProcess daemon(dir.path());
            QVERIFY2(daemon.start({"--mine"}), qPrintable(daemon.stderrText()));
            QVERIFY(waitUntil([&] { return daemon.height() > stoppedHeight + 5; }, 30000));
            const qint64 h = stoppedHeight + 1;
            const QJsonObject next = httpGet(daemon.restPort(), QString("/api/v1/blocks/%1").arg(h)).json;
            QCOMPARE(next.value("prevHash").toString(), stoppedTip);
            QCOMPARE(daemon.terminate(), 0);
        }
    }

    void killNineWhileMiningLeavesALoadableChain()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        qint64 heightBeforeKill = 0;
        {
            DaemonProcess daemon(dir.path());
            QVERIFY2(daemon.start({"--mine", "--threads", "2"}), qPrintable(daemon.stderrText()));
            // Killed while blocks are being mined and stored; a few suffice (bench/kill_loop.sh
            // repeats this a hundred times). Caps are generous: a loaded CI box may be slow.
            QVERIFY2(waitUntil([&] { return daemon.height() >= 5; }, 120000), qPrintable(daemon.stderrText()));
            const qint64 redisPid = daemon.redisPid();
            heightBeforeKill = daemon.height();
            daemon.killHard();
            // The node's death signal stops its redis-server: no orphan, and the AOF is flushed.
            QVERIFY2(waitUntil([&] { return !processAlive(redisPid); }, 10000), "redis-server orphaned by kill -9");
        }
        DaemonProcess daemon(dir.path());
        QVERIFY2(daemon.start({"--mine"}), qPrintable(daemon.stderrText()));
        const qint64 restored = daemon.height();
        QVERIFY2(restored >= heightBeforeKill, qPrintable(QString("restored %1 < %2 seen before the kill").arg(restored).arg(heightBeforeKill)));
        QVERIFY2(waitUntil([&] { return daemon.height() > restored + 2; }, 120000), qPrintable(daemon.stderrText()));
        const QJsonObject tip = httpGet(daemon.restPort(), "/api/v1/blocks/" + daemon.status().value("tipHash").toString()).json;
        QVERIFY(tip.value("height").toInteger() > restored);
        QCOMPARE(daemon.terminate(), 0);
    }

    void embeddedRedisCrashIsSurvived()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        DaemonProcess daemon(dir.path());
        QVERIFY2(daemon.start({"--mine"}), qPrintable(daemon.stderrText()));
        QVERIFY2(waitUntil([&] { return daemon.height() >= 3; }, 120000), qPrintable(daemon.stderrText()));
        const qint64 firstRedis = daemon.redisPid();
        ::kill(pid_t(firstRedis), SIGKILL);
        const bool restarted = waitUntil([&] { return daemon.redisPid() != firstRedis && processAlive(daemon.redisPid()); }, 60000);
        if (!restarted) qInfo().noquote() << daemon.stderrText();
        QVERIFY(restarted);
        const qint64 afterRestart = daemon.height();
        QVERIFY(afterRestart > 0);
        QVERIFY2(waitUntil([&] { return daemon.height() > afterRestart + 2; }, 120000), qPrintable(daemon.stderrText()));
        QCOMPARE(daemon.process().state(), QProcess::Running);
        QVERIFY(daemon.stderrText().contains("chain reloaded"));
        QCOMPARE(daemon.terminate(), 0);
    }

    void secondNodeOnTheSameDataDirectoryIsRefused()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        DaemonProcess first(dir.path());
        QVERIFY2(first.start({}), qPrintable(first.stderrText()));
        DaemonProcess second(dir.path());
        QVERIFY(!second.start({}));
        second.process().waitForFinished(10000);
        QCOMPARE(second.process().state(), QProcess::NotRunning);
        QCOMPARE(second.process().exitCode(), 1);
        QVERIFY2(second.stderrText().contains("in use by another node"), qPrintable(second.stderrText()));
        QCOMPARE(first.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(DaemonLifecycleTest)
#include "tst_daemon_lifecycle.moc"
