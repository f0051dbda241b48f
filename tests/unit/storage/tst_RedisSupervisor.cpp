#include "StorageTestSupport.h"
#include "core/storage/ProcessProbe.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisSupervisor.h"

#include <QtTest>

#include <csignal>
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace pb::storage;

namespace {

constexpr int kTimeoutMs = 2000;

// While alive, the calling thread obeys file permissions even as root: its effective set
// loses CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (capabilities are per thread on Linux; the
// permitted set keeps them, so the destructor can take them back). CI runs as root.
class PermissionsEnforced {
public:
    PermissionsEnforced()
    {
        ok_ = ::syscall(SYS_capget, &header_, saved_) == 0;
        __user_cap_data_struct reduced[2] = {saved_[0], saved_[1]};
        reduced[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
        ok_ = ok_ && ::syscall(SYS_capset, &header_, reduced) == 0;
    }
    ~PermissionsEnforced() { ::syscall(SYS_capset, &header_, saved_); }
    bool ok() const { return ok_; }

private:
    __user_cap_header_struct header_{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct saved_[2]{};
    bool ok_ = false;
};

std::string configValue(RedisClient& client, const char* name)
{
    const RedisReply r = client.command({"CONFIG", "GET", name});
    return r.isArray() && r.elements().size() == 2 ? r.elements()[1].str() : "(missing)";
}

// Sets an environment variable for the scope, restoring the previous state after.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const QByteArray& value)
        : name_(name), had_(qEnvironmentVariableIsSet(name)), old_(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (had_)
            qputenv(name_, old_);
        else
            qunsetenv(name_);
    }

private:
    const char* name_;
    bool had_;
    QByteArray old_;
};

} // namespace

class TestRedisSupervisor : public QObject {
    Q_OBJECT
private slots:
    void startAnswersPingAndStopLeavesNoProcess();
    void writesTheConfigurationItPromises();
    void dataDirWithSpacesQuotesAndUtf8Works();
    void dataSurvivesStopAndStart();
    void keepsWaitingWhileServerLoadsLargeAof();
    void restartsServerKilledWithSigkill();
    void givesUpAfterTooManyRestartsPerMinute();
    void waitsForThenStopsStaleServerOfEarlierRun();
    void ignoresPidFileNamingUnrelatedProcess();
    void serverExitingDuringStartupReportsItsLog();
    void missingRedisServerBinaryGivesClearError();
    void redisServerNotOnPathNamesThePackage();
    void dataDirThatCannotBeCreatedGivesClearError();
    void readOnlyDataDirGivesClearError();
    void tooLongSocketPathGivesClearError();
};

void TestRedisSupervisor::startAnswersPingAndStopLeavesNoProcess()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    RedisSupervisor supervisor(dir.path());
    QSignalSpy logged(&supervisor, &RedisSupervisor::logMessage);
    QString error;
    QVERIFY2(supervisor.start(&error), qPrintable(error));
    QVERIFY(supervisor.isRunning());
    const qint64 pid = supervisor.pid();
    QVERIFY(isProcessRunning(pid));
    QCOMPARE(supervisor.endpoint().socketPath, dir.path() + "/redis/redis.sock");

    auto client = RedisClient::connect(supervisor.endpoint(), kTimeoutMs, &error);
    QVERIFY2(client, qPrintable(error));
    QCOMPARE(client->command({"PING"}).str(), std::string("PONG"));
    QVERIFY(!supervisor.start(&error)); // a second start is refused, not a second server
    QVERIFY2(error.contains(QLatin1String("already started")), qPrintable(error));

    supervisor.stop();
    QVERIFY(!supervisor.isRunning());
    QCOMPARE(supervisor.pid(), 0);
    QVERIFY(!isProcessRunning(pid));
    QVERIFY(!QFileInfo::exists(supervisor.socketPath()));
    QVERIFY(!logged.isEmpty());
}

void TestRedisSupervisor::writesTheConfigurationItPromises()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    RedisSupervisor supervisor(dir.path());
    QString error;
    QVERIFY2(supervisor.start(&error), qPrintable(error));
    auto client = RedisClient::connect(supervisor.endpoint(), kTimeoutMs, &error);
    QVERIFY2(client, qPrintable(error));
    QCOMPARE(configValue(*client, "port"), std::string("0"));
    QCOMPARE(configValue(*client, "appendonly"), std::string("yes"));
    QCOMPARE(configValue(*client, "appendfsync"), std::string("everysec"));
    QCOMPARE(configValue(*client, "aof-load-truncated"), std::string("yes"));
    QCOMPARE(configValue(*client, "save"), std::string(""));
    QCOMPARE(configValue(*client, "unixsocketperm"), std::string("700"));
    QCOMPARE(configValue(*client, "daemonize"), std::string("no"));
    QCOMPARE(QString::fromStdString(configValue(*client, "dir")), supervisor.redisDir());
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
        | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    for (const QString& path : {supervisor.redisDir(), supervisor.socketPath()}) {
        const QFile::Permissions perms = QFileInfo(path).permissions();
        QVERIFY2(perms.testFlags(ownerOnly) && !(perms & others), qPrintable(path));
    }
    QFile pidFile(supervisor.redisDir() + "/redis.pid");
    QVERIFY(pidFile.open(QIODevice::ReadOnly));
    QCOMPARE(pidFile.readAll().trimmed().toLongLong(), supervisor.pid());
    QVERIFY(QFileInfo(supervisor.logFilePath()).size() > 0);
}

void TestRedisSupervisor::dataDirWithSpacesQuotesAndUtf8Works()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    const QString odd = dir.path() + QStringLiteral("/my \"node\" \\ d\u00e9j\u00e0");
    RedisSupervisor supervisor(odd);
    QString error;
    QVERIFY2(supervisor.start(&error), qPrintable(error));
    auto client = RedisClient::connect(supervisor.endpoint(), kTimeoutMs, &error);
    QVERIFY2(client, qPrintable(error));
    QCOMPARE(QString::fromStdString(configValue(*client, "dir")), odd + "/redis");
    QCOMPARE(QString::fromStdString(configValue(*client, "logfile")), odd + "/redis/redis.log");
}

void TestRedisSupervisor::dataSurvivesStopAndStart()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    const std::string value("photo\0block\r\n", 13);
    QString error;
    {
        RedisSupervisor supervisor(dir.path());
        QVERIFY2(supervisor.start(&error), qPrintable(error));
        auto client = RedisClient::connect(supervisor.endpoint(), kTimeoutMs, &error);
        QVERIFY2(client, qPrintable(error));
        QVERIFY(client->transaction({{"SET", "tip", value}, {"RPUSH", "chain", "b0", "b1"}}).isArray());
    } // the destructor stops the server
    QVERIFY(QDir(dir.path() + "/redis/appendonlydir").exists());

    RedisSupervisor again(dir.path());
    QVERIFY2(again.start(&error), qPrintable(error));
    auto client = RedisClient::connect(again.endpoint(), kTimeoutMs, &error);
    QVERIFY2(client, qPrintable(error));
    QVERIFY(client->command({"GET", "tip"}).str() == value);
    QCOMPARE(client->command({"LLEN", "chain"}).integer(), 2LL);
}

void TestRedisSupervisor::keepsWaitingWhileServerLoadsLargeAof()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    // Many small commands, like a chain's: Redis answers clients (with LOADING) every 1024
    // commands it replays.
    constexpr int kKeys = 4000000, kKeysPerCommand = 5, kCommandsPerPipeline = 10000;
    QString error;
    {
        RedisSupervisor supervisor(dir.path());
        QVERIFY2(supervisor.start(&error), qPrintable(error));
        auto client = RedisClient::connect(supervisor.endpoint(), kTimeoutMs, &error);
        QVERIFY2(client, qPrintable(error));
        std::vector<RedisClient::Command> batch;
        for (int key = 0; key < kKeys; key += kKeysPerCommand) {
            RedisClient::Command mset{"MSET"};
            for (int k = key; k < key + kKeysPerCommand; ++k) {
                mset.push_back("block:" + std::to_string(k));
                mset.push_back("header-bytes-" + std::to_string(k));
            }
            batch.push_back(std::move(mset));
            if (batch.size() == kCommandsPerPipeline || key + kKeysPerCommand >= kKeys) {
                for (const RedisReply& r : client->pipeline(batch)) QVERIFY2(r.isOk(), r.describe().c_str());
                batch.clear();
            }
        }
    }

    // Far shorter than loading takes: start() must wait for a server that answers LOADING.
    RedisSupervisorOptions options;
    // Longer than the supervisor's 1-s probe, so one unanswered probe on a busy machine does not
    // end the wait before the server has said LOADING (CI failed so with 400 ms); loading the
    // 4M keys takes 5-6 s on a loaded 2-core machine, about 1.3 s per million.
    options.startTimeoutMs = 1500;
    RedisSupervisor again(dir.path(), options);
    QSignalSpy logged(&again, &RedisSupervisor::logMessage);
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(again.start(&error), qPrintable(error));
    const qint64 startMs = timer.elapsed();
    qInfo("loading took %lld ms", startMs);
    QVERIFY2(startMs > options.startTimeoutMs, qPrintable(QString::number(startMs)));
    bool notedLoading = false;
    for (const auto& args : logged) notedLoading |= args.at(0).toString().contains(QLatin1String("is loading its append-only file"));
    QVERIFY(notedLoading);
    auto client = RedisClient::connect(again.endpoint(), kTimeoutMs, &error);
    QVERIFY2(client, qPrintable(error));
    QCOMPARE(client->command({"DBSIZE"}).integer(), (long long)kKeys);
}

void TestRedisSupervisor::restartsServerKilledWithSigkill()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    RedisSupervisor supervisor(dir.path());
    QSignalSpy restarted(&supervisor, &RedisSupervisor::restarted);
    QSignalSpy failed(&supervisor, &RedisSupervisor::failed);
    QSignalSpy logged(&supervisor, &RedisSupervisor::logMessage);
    QString error;
    QVERIFY2(supervisor.start(&error), qPrintable(error));
    const qint64 first = supervisor.pid();
    QCOMPARE(::kill(pid_t(first), SIGKILL), 0);

    QVERIFY(restarted.wait(15000));
    QVERIFY(failed.isEmpty());
    QVERIFY(supervisor.isRunning());
    QVERIFY(supervisor.pid() != first);
    QVERIFY(isProcessRunning(supervisor.pid()));
    auto client = RedisClient::connect(supervisor.endpoint(), kTimeoutMs, &error);
    QVERIFY2(client, qPrintable(error));
    QCOMPARE(client->command({"PING"}).str(), std::string("PONG"));

    bool reportedDeath = false;
    for (const auto& args : logged)
        reportedDeath |= args.at(0).toString().contains(QStringLiteral("pid %1 exited unexpectedly (killed by signal 9)").arg(first));
    QVERIFY(reportedDeath);
}

void TestRedisSupervisor::givesUpAfterTooManyRestartsPerMinute()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    RedisSupervisorOptions options;
    options.maxRestartsPerMinute = 1;
    RedisSupervisor supervisor(dir.path(), options);
    QSignalSpy restarted(&supervisor, &RedisSupervisor::restarted);
    QSignalSpy failed(&supervisor, &RedisSupervisor::failed);
    QString error;
    QVERIFY2(supervisor.start(&error), qPrintable(error));
    QCOMPARE(::kill(pid_t(supervisor.pid()), SIGKILL), 0);
    QVERIFY(restarted.wait(15000));
    const qint64 second = supervisor.pid();
    QCOMPARE(::kill(pid_t(second), SIGKILL), 0);

    QVERIFY(failed.wait(15000));
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(QLatin1String("giving up on redis-server after 1 restart attempts")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("killed by signal 9")), qPrintable(message));
    QCOMPARE(restarted.count(), 1);
    QVERIFY(!supervisor.isRunning());
    QCOMPARE(supervisor.pid(), 0);
}

void TestRedisSupervisor::waitsForThenStopsStaleServerOfEarlierRun()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    const QString redisDir = dir.path() + "/redis";
    QVERIFY(QDir().mkpath(redisDir));
    // Stands in for the server of a node that was killed and is still shutting down.
    QProcess stale;
    stale.setProgram(findRedisServer());
    stale.setArguments({"--port", "0", "--unixsocket", redisDir + "/redis.sock", "--dir", redisDir,
                        "--pidfile", redisDir + "/redis.pid", "--appendonly", "no", "--save", ""});
    stale.start();
    QVERIFY(stale.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(redisDir + "/redis.pid").size() > 0, 5000);

    RedisSupervisorOptions options;
    options.staleGraceMs = 300;
    RedisSupervisor supervisor(dir.path(), options);
    QSignalSpy logged(&supervisor, &RedisSupervisor::logMessage);
    QString error;
    QVERIFY2(supervisor.start(&error), qPrintable(error));
    QVERIFY(!isProcessRunning(stale.processId()));
    QVERIFY(stale.waitForFinished(1000));
    QCOMPARE(stale.exitStatus(), QProcess::NormalExit); // SIGTERM: a clean shutdown
    QVERIFY(supervisor.pid() != stale.processId());

    QStringList messages;
    for (const auto& args : logged) messages << args.at(0).toString();
    QVERIFY2(messages.join('\n').contains(QLatin1String("of an earlier run still uses")), qPrintable(messages.join('\n')));
    QVERIFY2(messages.join('\n').contains(QLatin1String("sending SIGTERM")), qPrintable(messages.join('\n')));
    auto client = RedisClient::connect(supervisor.endpoint(), kTimeoutMs, &error);
    QVERIFY2(client, qPrintable(error));
}

void TestRedisSupervisor::ignoresPidFileNamingUnrelatedProcess()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    QVERIFY(QDir().mkpath(dir.path() + "/redis"));
    // The pid of a dead server may be reused by anything, e.g. this test: it must not be waited
    // for or signalled.
    QFile pidFile(dir.path() + "/redis/redis.pid");
    QVERIFY(pidFile.open(QIODevice::WriteOnly));
    pidFile.write(QByteArray::number(qint64(::getpid())) + "\n");
    pidFile.close();

    RedisSupervisorOptions options;
    options.staleGraceMs = 10000;
    RedisSupervisor supervisor(dir.path(), options);
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY2(supervisor.start(&error), qPrintable(error));
    QVERIFY(timer.elapsed() < options.staleGraceMs / 2);
}

void TestRedisSupervisor::serverExitingDuringStartupReportsItsLog()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    const QString aofDir = dir.path() + "/redis/appendonlydir";
    QVERIFY(QDir().mkpath(aofDir));
    QFile manifest(aofDir + "/appendonly.aof.manifest");
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("not a manifest\n");
    manifest.close();

    RedisSupervisor supervisor(dir.path());
    QString error;
    QVERIFY(!supervisor.start(&error));
    QVERIFY2(error.contains(QLatin1String("redis-server exited during start-up (exit code 1)")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Invalid AOF manifest")), qPrintable(error));
    QVERIFY(!supervisor.isRunning());
}

void TestRedisSupervisor::missingRedisServerBinaryGivesClearError()
{
    ScopedEnv env("PB_REDIS_SERVER", "/nonexistent");
    QTemporaryDir dir(kShortTempDirTemplate);
    RedisSupervisor supervisor(dir.path());
    QString error;
    QVERIFY(!supervisor.start(&error));
    QVERIFY2(error.contains(QLatin1String("PB_REDIS_SERVER=/nonexistent is not an executable file")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("'redis-server'")), qPrintable(error));
}

void TestRedisSupervisor::redisServerNotOnPathNamesThePackage()
{
    QTemporaryDir emptyBin(kShortTempDirTemplate);
    ScopedEnv path("PATH", emptyBin.path().toLocal8Bit());
    ScopedEnv noOverride("PB_REDIS_SERVER", "");
    QTemporaryDir dir(kShortTempDirTemplate);
    RedisSupervisor supervisor(dir.path());
    QString error;
    QVERIFY(!supervisor.start(&error));
    QVERIFY2(error.contains(QLatin1String("redis-server was not found on PATH; install the Debian package 'redis-server'")),
             qPrintable(error));
}

void TestRedisSupervisor::dataDirThatCannotBeCreatedGivesClearError()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    QFile file(dir.path() + "/file");
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    RedisSupervisor supervisor(dir.path() + "/file/node");
    QString error;
    QVERIFY(!supervisor.start(&error));
    QVERIFY2(error.contains(QStringLiteral("cannot create the Redis directory %1/file/node/redis").arg(dir.path())),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Not a directory")), qPrintable(error));
}

void TestRedisSupervisor::readOnlyDataDirGivesClearError()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    const auto restore = qScopeGuard([&] { QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); });
    const PermissionsEnforced asAnyUser;
    QVERIFY(asAnyUser.ok());
    QVERIFY(!QDir(dir.path()).mkdir("probe"));  // the permissions hold for this thread, root or not
    RedisSupervisor supervisor(dir.path());
    QString error;
    QVERIFY(!supervisor.start(&error));
    QVERIFY2(error.contains(QLatin1String("cannot create the Redis directory")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Permission denied")), qPrintable(error));
}

void TestRedisSupervisor::tooLongSocketPathGivesClearError()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    const QString deep = dir.path() + "/" + QString(100, u'd');
    RedisSupervisor supervisor(deep);
    QString error;
    QVERIFY(!supervisor.start(&error));
    QVERIFY2(error.contains(QLatin1String("over the 107-byte limit of unix sockets (sun_path holds 108 bytes)")),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("use a shorter data directory")), qPrintable(error));
    QVERIFY(!QDir(deep).exists()); // refused before touching the disk
}

QTEST_GUILESS_MAIN(TestRedisSupervisor)
#include "tst_RedisSupervisor.moc"
