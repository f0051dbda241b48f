// Run-time mining control of a running photoblocksd: POST /api/v1/mining starts, re-threads
// and stops the miner and answers its status once applied; bad bodies get clear 4xx answers;
// `photoblocksd mining start|stop|status` does the same from a shell.
#include "DaemonProcess.h"

#include <QTemporaryDir>
#include <QThread>

using namespace pb::test;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out, err;
};

// The CLI as an operator runs it: the node's data directory names its api.cookie.
CliRun runMiningCli(DaemonProcess& node, const QStringList& args)
{
    QProcess p;
    p.start(PB_DAEMON_PATH, QStringList{"mining", "--datadir", node.dataDir(), "--rest-port", QString::number(node.restPort())} + args);
    CliRun r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.err = "the command did not exit within 30 s";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

HttpResult postMining(DaemonProcess& node, const QByteArray& body) { return node.operatorSend("POST", "/api/v1/mining", body); }

} // namespace

class MiningControlTest : public QObject {
    Q_OBJECT
private slots:
    void restStartsRethreadsAndStopsTheMiner()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        DaemonProcess daemon(dir.path());
        QVERIFY2(daemon.start({}), qPrintable(daemon.stderrText()));
        // The route is the operator's: no token, no answer.
        QCOMPARE(httpGet(daemon.restPort(), "/api/v1/mining").status, 401);
        HttpResult r = daemon.operatorGet("/api/v1/mining");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value("active").toBool(), false);

        // Threads alone while stopped: nothing to re-thread.
        r = postMining(daemon, R"({"threads": 1})");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json["error"].toObject()["code"].toString(), QString("mining_stopped"));

        r = postMining(daemon, R"({"active": true, "threads": 1})");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value("active").toBool(), true);
        QCOMPARE(r.json.value("threads").toInt(), 1);
        const qint64 startHeight = daemon.height();
        QVERIFY2(waitUntil([&] { return daemon.height() >= startHeight + 3; }, 60000), "the started miner found no blocks");

        if (QThread::idealThreadCount() >= 2) {
            r = postMining(daemon, R"({"threads": 2})");
            QVERIFY2(r.status == 200, r.body.constData());
            QCOMPARE(r.json.value("active").toBool(), true);
            QCOMPARE(r.json.value("threads").toInt(), 2);
        }

        r = postMining(daemon, R"({"active": false})");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value("active").toBool(), false);
        QCOMPARE(daemon.status()["mining"].toObject()["active"].toBool(), false);
        // Stopped means stopped: the height stays put while we look again.
        const qint64 stoppedHeight = daemon.height();
        QTest::qWait(1500);
        QCOMPARE(daemon.height(), stoppedHeight);

        // Started without a count: the last count used.
        r = postMining(daemon, R"({"active": true})");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value("threads").toInt(), QThread::idealThreadCount() >= 2 ? 2 : 1);
        QCOMPARE(postMining(daemon, R"({"active": false})").status, 200);
        QCOMPARE(daemon.terminate(), 0);
    }

    void restRefusesBadBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty object") << QByteArray("{}") << 400 << "missing_field";
        QTest::newRow("not json") << QByteArray("start") << 400 << "malformed_json";
        QTest::newRow("array") << QByteArray("[true]") << 400 << "not_an_object";
        QTest::newRow("unknown field") << QByteArray(R"({"active": true, "speed": 9})") << 400 << "unknown_field";
        QTest::newRow("active as string") << QByteArray(R"({"active": "yes"})") << 400 << "wrong_type";
        QTest::newRow("zero threads") << QByteArray(R"({"active": true, "threads": 0})") << 400 << "bad_threads";
        QTest::newRow("fractional threads") << QByteArray(R"({"active": true, "threads": 1.5})") << 400 << "bad_threads";
        QTest::newRow("too many threads") << QByteArray(R"({"active": true, "threads": 100000})") << 400 << "bad_threads";
        QTest::newRow("threads while stopping") << QByteArray(R"({"active": false, "threads": 1})") << 400 << "threads_without_mining";
    }

    void restRefusesBadBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        if (!daemon_) {
            daemon_ = std::make_unique<DaemonProcess>(dir_.path());
            QVERIFY2(daemon_->start({}), qPrintable(daemon_->stderrText()));
        }
        const HttpResult r = postMining(*daemon_, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.json["error"].toObject()["code"].toString(), code);
        QCOMPARE(daemon_->status()["mining"].toObject()["active"].toBool(), false);
    }

    void cliStartsShowsAndStops()
    {
        QVERIFY(daemon_);
        DaemonProcess& daemon = *daemon_;
        CliRun r = runMiningCli(daemon, {"start", "--threads", "1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("mining on 1 thread(s)"), qPrintable(r.out));
        r = runMiningCli(daemon, {"status"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("mining on 1 thread(s)"), qPrintable(r.out));
        QVERIFY(daemon.status()["mining"].toObject()["active"].toBool());
        r = runMiningCli(daemon, {"stop"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith("not mining"), qPrintable(r.out));
        QCOMPARE(daemon.status()["mining"].toObject()["active"].toBool(), false);

        // Usage errors exit 2, the node's refusals 1, with the reason.
        QCOMPARE(runMiningCli(daemon, {"stop", "--threads", "2"}).exitCode, 2);
        QCOMPARE(runMiningCli(daemon, {"dance"}).exitCode, 2);
        r = runMiningCli(daemon, {"start", "--threads", "100000"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("bad_threads"), qPrintable(r.err));
        QCOMPARE(daemon.terminate(), 0);
        r = runMiningCli(daemon, {"status"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot reach the node's REST API"), qPrintable(r.err));
    }

private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> daemon_;
};

QTEST_GUILESS_MAIN(MiningControlTest)
#include "tst_mining_control.moc"
