#include "StorageTestSupport.h"
#include "core/storage/ProcessProbe.h"
#include "core/storage/RedisSupervisor.h"

#include <QtTest>

#include <csignal>

using namespace pb::storage;

// The guarantee: however the node dies, its redis-server does not outlive it.
class TestRedisSupervisorOrphan : public QObject {
    Q_OBJECT
private slots:
    void redisServerExitsWhenNodeIsKilledWithSigkill();
};

void TestRedisSupervisorOrphan::redisServerExitsWhenNodeIsKilledWithSigkill()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    QProcess node;
    node.setProgram(QCoreApplication::applicationDirPath() + "/storage_redis_supervisor_child");
    node.setArguments({dir.path()});
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start();
    QVERIFY2(node.waitForStarted(), qPrintable(node.errorString()));
    QVERIFY(node.waitForReadyRead(20000));
    const QByteArray line = node.readLine().trimmed();
    QVERIFY2(line.startsWith("REDIS_PID "), line.constData());
    const qint64 redisPid = line.mid(10).toLongLong();
    QVERIFY(isProcessRunning(redisPid));
    // Should this test fail, still leave no stray server behind.
    const auto cleanup = qScopeGuard([redisPid] {
        if (isProcessRunning(redisPid)) ::kill(pid_t(redisPid), SIGKILL);
    });

    QCOMPARE(::kill(pid_t(node.processId()), SIGKILL), 0);
    QVERIFY(node.waitForFinished(5000));
    QCOMPARE(node.exitStatus(), QProcess::CrashExit);

    // PR_SET_PDEATHSIG delivers SIGTERM, so the server shuts down cleanly and quickly.
    QVERIFY2(waitForProcessExit(redisPid, 5000), "redis-server outlived its killed parent");
    QFile log(dir.path() + "/redis/redis.log");
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray logged = log.readAll();
    QVERIFY2(logged.contains("Received SIGTERM"), logged.right(2000).constData());

    // A new node on the same data directory starts without tripping over the remains.
    RedisSupervisor next(dir.path());
    QString error;
    QVERIFY2(next.start(&error), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestRedisSupervisorOrphan)
#include "tst_RedisSupervisorOrphan.moc"
