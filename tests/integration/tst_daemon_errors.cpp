// Bad options and unusable set-ups: one clear message and a non-zero exit, never a crash or
// a hang.
#include "DaemonProcess.h"

#include <QTemporaryDir>

using namespace pb::test;

namespace {

struct Run {
    int exitCode = -1;
    bool crashed = false;
    QString stderrText;
};

Run runDaemon(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(PB_DAEMON_PATH, args);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.stderrText = "daemon did not exit within 30 s";
        return r;
    }
    r.exitCode = p.exitCode();
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.stderrText = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class DaemonErrorsTest : public QObject {
    Q_OBJECT
private slots:
    void badOptionsExitWithUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "Unknown option 'frobnicate'";
        QTest::newRow("bad mode") << QStringList{"--mode", "king"} << "--mode: `king` is not one of";
        QTest::newRow("bad network name") << QStringList{"--network", "Main Net"} << "--network: `Main Net`";
        QTest::newRow("zero threads") << QStringList{"--threads", "0"} << "--threads: `0`";
        QTest::newRow("text threads") << QStringList{"--threads", "many"} << "--threads: `many`";
        QTest::newRow("port too big") << QStringList{"--rest-port", "70000"} << "--rest-port: `70000`";
        QTest::newRow("REST on the peer port") << QStringList{"--port", "7311", "--rest-port", "7311"}
                                               << "--rest-port 7311 is also the peer port (--port)";
        QTest::newRow("missing value") << QStringList{"--datadir"} << "Missing value after '--datadir'";
        QTest::newRow("cert without key") << QStringList{"--rest-tls-cert", "/tmp/c.pem"} << "--rest-tls-cert and --rest-tls-key go together";
        QTest::newRow("bad cors origin") << QStringList{"--rest-cors-origin", "phones"} << "--rest-cors-origin: `phones` is not an origin";
        QTest::newRow("rest host with a scheme") << QStringList{"--rest-host", "http://photos.example.org/"}
                                                 << "--rest-host: `http://photos.example.org/` is not a host name";
        QTest::newRow("proxy that is no address") << QStringList{"--rest-trusted-proxy", "proxy.example"}
                                                  << "--rest-trusted-proxy: `proxy.example` is not an IP address";
        QTest::newRow("negative rate limit") << QStringList{"--rest-rate-limit", "-3"} << "--rest-rate-limit: `-3`";
        QTest::newRow("stray argument") << QStringList{"mine"} << "unexpected argument `mine`";
        QTest::newRow("minimum chain work not hex") << QStringList{"--minimum-chain-work", "lots"}
                                                    << "--minimum-chain-work: `lots` is not a number of 1 to 64 hexadecimal digits";
        QTest::newRow("minimum chain work too long") << QStringList{"--minimum-chain-work", QString(65, '1')}
                                                     << "--minimum-chain-work: `1111";
    }
    void badOptionsExitWithUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runDaemon(args);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.stderrText.contains(message), qPrintable(r.stderrText));
        QCOMPARE(r.stderrText.count('\n'), 2);  // the error and the hint to --help
    }

    void helpAndVersionExitZero()
    {
        QProcess p;
        p.start(PB_DAEMON_PATH, {"--version"});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().startsWith("photoblocksd " PB_VERSION));
        p.start(PB_DAEMON_PATH, {"--help"});
        QVERIFY(p.waitForFinished(10000));
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        for (const char* option : {"--mode", "--network", "--datadir", "--mine", "--threads", "--reward-address", "--redis", "--rest-port", "--config"})
            QVERIFY2(help.contains(option), option);
    }

    // `photoblocksd SUBCOMMAND --help` (or -h, anywhere before `--`) prints that subcommand's
    // usage on stdout and exits 0, without needing its other arguments.
    void subcommandHelpPrintsItsUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("usage");
        QTest::newRow("wallet") << QStringList{"wallet", "--help"} << "photoblocksd wallet [--datadir";
        QTest::newRow("wallet -h after an action") << QStringList{"wallet", "send", "-h"} << "photoblocksd wallet [--datadir";
        QTest::newRow("pair") << QStringList{"pair", "--help"} << "photoblocksd pair [--datadir DIR | --network NAME] --rest-port PORT";
        QTest::newRow("job") << QStringList{"job", "--help"} << "photoblocksd job [--datadir DIR | --network NAME] --rest-port PORT ACTION";
        QTest::newRow("recognize") << QStringList{"recognize", "--help"} << "photoblocksd recognize [--recognizer";
        QTest::newRow("mining") << QStringList{"mining", "--help"} << "photoblocksd mining [--datadir DIR | --network NAME] --rest-port PORT start";
        QTest::newRow("mining -h with a port") << QStringList{"mining", "--rest-port", "1", "-h"} << "photoblocksd mining [--datadir DIR | --network NAME] --rest-port PORT stop";
    }

    void subcommandHelpPrintsItsUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, usage);
        QProcess p;
        p.start(PB_DAEMON_PATH, args);
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        QVERIFY2(out.contains(usage), qPrintable(out));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    // The main --help names the subcommands, so that their own --help can be found.
    void mainHelpListsSubcommands()
    {
        QProcess p;
        p.start(PB_DAEMON_PATH, {"--help"});
        QVERIFY(p.waitForFinished(10000));
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        for (const char* command : {"wallet", "mining", "pair", "job", "recognize"}) QVERIFY2(help.contains(command), command);
    }

    void configFileErrorsNameTheLine()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        QFile conf(dir.filePath("bad.conf"));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("network = test\n# comment\ncolour = blue\n");
        conf.close();
        const Run r = runDaemon({"--config", conf.fileName(), "--datadir", dir.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.stderrText.contains("bad.conf:3: unknown key `colour`"), qPrintable(r.stderrText));
    }

    void operatorTokenFileReadableByOthersIsRefused()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        QFile token(dir.filePath("operator.token"));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(QByteArray(40, 'k') + "\n");
        token.close();
        QVERIFY(token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const Run r = runDaemon({"--network", "test", "--datadir", dir.filePath("node"), "--rest-port",
                                 QString::number(freeLoopbackPort()), "--rest-operator-token-file", token.fileName()});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.stderrText.contains("operator.token may be read or written by others: chmod 600"), qPrintable(r.stderrText));
        QVERIFY(!QFile::exists(dir.filePath("node/api.cookie")));  // removed again on the way out
    }

    void unusableDataDirectory()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        QFile file(dir.filePath("not-a-dir"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Run r = runDaemon({"--network", "test", "--datadir", file.fileName()});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.stderrText.contains("cannot create data directory"), qPrintable(r.stderrText));
    }

    void invalidRewardAddress()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        const Run r = runDaemon({"--network", "test", "--datadir", dir.path(), "--reward-address", "pb1notanaddress"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.stderrText.contains("reward address 'pb1notanaddress' is not a valid"), qPrintable(r.stderrText));
    }

    void missingRedisServerBinary()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PB_REDIS_SERVER", "/nonexistent/redis-server");
        const Run r = runDaemon({"--network", "test", "--datadir", dir.path()}, env);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.stderrText.contains("/nonexistent/redis-server"), qPrintable(r.stderrText));
    }

    void redisThatRefusesConnections()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        const quint16 closedPort = freeLoopbackPort();
        const Run r = runDaemon({"--network", "test", "--datadir", dir.path(), "--redis",
                                 QString("redis://127.0.0.1:%1/0").arg(closedPort)});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.stderrText.contains("cannot connect to Redis at redis://127.0.0.1"), qPrintable(r.stderrText));
    }

    void malformedRedisUrl()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        const Run r = runDaemon({"--network", "test", "--datadir", dir.path(), "--redis", "http://example"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.stderrText.contains("--redis:"), qPrintable(r.stderrText));
    }
};

QTEST_GUILESS_MAIN(DaemonErrorsTest)
#include "tst_daemon_errors.moc"
