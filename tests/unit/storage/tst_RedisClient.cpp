#include "StorageTestSupport.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisSupervisor.h"
#include "core/util/DurationHistogram.h"

#include <QtTest>

#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <memory>

using namespace pb::storage;

namespace {

constexpr int kTimeoutMs = 2000;

std::string allByteValues()
{
    std::string bytes = std::string("\0\r\n\0end\r\n", 9);
    for (int i = 0; i < 256; ++i) bytes += char(i);
    return bytes;
}

bool aofContains(const QString& aofDir, const QByteArray& needle)
{
    const QStringList files = QDir(aofDir).entryList({"*.aof"}, QDir::Files);
    return std::any_of(files.begin(), files.end(), [&](const QString& name) {
        QFile file(aofDir + "/" + name);
        return file.open(QIODevice::ReadOnly) && file.readAll().contains(needle);
    });
}

} // namespace

// One redis-server for the whole suite, spawned by the supervisor into a temporary directory.
class TestRedisClient : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void binaryKeysAndValuesRoundTrip();
    void pipelineAnswersEachCommandInOrder();
    void pipelineWithEmptyCommandSendsNothing();
    void roundTripsCountEachCommandAndEachBatchOnce();
    void transactionAppliesAllCommands();
    void transactionWithReadsAnswersThemAfterItsWritesInOneRoundTrip();
    void transactionWithRejectedCommandAppliesNothing();
    void transactionRuntimeErrorSaysOthersWereApplied();
    void connectSelectsDatabase();
    void connectAuthenticatesAndExplainsMissingPassword();
    void connectToMissingServerFailsFast();
    void connectionIsNotInheritedByChildProcesses();
    void hungServerTimesOutInsteadOfHanging();
    void killedServerGivesErrorsThenReconnectAfterRestart();

private:
    std::unique_ptr<RedisClient> connectOrFail();

    QTemporaryDir dir_{kShortTempDirTemplate};
    std::unique_ptr<RedisSupervisor> supervisor_;
    std::unique_ptr<RedisClient> client_;
};

std::unique_ptr<RedisClient> TestRedisClient::connectOrFail()
{
    QString error;
    auto client = RedisClient::connect(supervisor_->endpoint(), kTimeoutMs, &error);
    if (!client) qWarning("connect failed: %s", qPrintable(error));
    return client;
}

void TestRedisClient::initTestCase()
{
    QVERIFY(dir_.isValid());
    supervisor_ = std::make_unique<RedisSupervisor>(dir_.path());
    QString error;
    QVERIFY2(supervisor_->start(&error), qPrintable(error));
}

void TestRedisClient::init()
{
    if (!client_ || !client_->isConnected()) client_ = connectOrFail();
    QVERIFY(client_);
    QVERIFY(client_->command({"FLUSHALL"}).isOk());
}

void TestRedisClient::cleanupTestCase()
{
    client_.reset();
    supervisor_.reset();
}

void TestRedisClient::binaryKeysAndValuesRoundTrip()
{
    const std::string key = std::string("k\0\r\n", 4);
    const std::string value = allByteValues();
    QVERIFY(client_->command({"SET", key, value}).isOk());
    const RedisReply got = client_->command({"GET", key});
    QVERIFY2(got.isString(), got.describe().c_str());
    QCOMPARE(got.str().size(), value.size());
    QVERIFY(got.str() == value);

    QCOMPARE(RedisReply::string(std::string("a\0\"\\\n\xff", 6)).describe(), std::string("\"a\\x00\\\"\\\\\\x0a\\xff\""));

    // The key is not truncated at its NUL byte.
    QVERIFY(client_->command({"GET", "k"}).isNil());

    const std::string big(1 << 20, '\0');
    QVERIFY(client_->command(RedisClient::Command{"SET", "big", big}).isOk());
    QCOMPARE(client_->command({"STRLEN", "big"}).integer(), 1LL << 20);
}

void TestRedisClient::pipelineAnswersEachCommandInOrder()
{
    std::vector<RedisClient::Command> commands;
    for (int i = 0; i < 100; ++i) commands.push_back({"INCR", "counter"});
    commands.push_back({"NOSUCHCOMMAND"});
    commands.push_back({"GET", "counter"});
    const std::vector<RedisReply> replies = client_->pipeline(commands);
    QCOMPARE(replies.size(), commands.size());
    for (int i = 0; i < 100; ++i) QCOMPARE(replies[size_t(i)].integer(), (long long)(i + 1));
    QVERIFY(replies[100].isError());
    QVERIFY2(replies[100].str().find("unknown command") != std::string::npos, replies[100].str().c_str());
    QCOMPARE(replies[101].str(), std::string("100"));
    QVERIFY(client_->isConnected());
}

void TestRedisClient::pipelineWithEmptyCommandSendsNothing()
{
    const auto replies = client_->pipeline({{"SET", "a", "1"}, {}, {"SET", "b", "2"}});
    QCOMPARE(replies.size(), size_t(3));
    for (const RedisReply& r : replies) QVERIFY2(r.isError() && r.str().find("command #1 is empty") != std::string::npos, r.describe().c_str());
    QCOMPARE(client_->command({"EXISTS", "a", "b"}).integer(), 0LL);
    // Nothing was left unanswered on the connection: the next reply belongs to the next command.
    QCOMPARE(client_->command({"ECHO", "next"}).str(), std::string("next"));
}

void TestRedisClient::roundTripsCountEachCommandAndEachBatchOnce()
{
    const uint64_t before = client_->roundTrips();
    const uint64_t processBefore = pb::processTimings().redisRoundTrips.load();
    QVERIFY(client_->command({"SET", "a", "1"}).isOk());
    QCOMPARE(client_->roundTrips(), before + 1);

    std::vector<RedisClient::Command> increments(500, RedisClient::Command{"INCR", "n"});
    QCOMPARE(client_->pipeline(increments).back().integer(), 500LL);
    QCOMPARE(client_->roundTrips(), before + 2);
    QVERIFY(client_->transaction({{"SET", "b", "2"}, {"SET", "c", "3"}}).isArray());  // MULTI, 2 commands, EXEC
    QCOMPARE(client_->roundTrips(), before + 3);

    // Refused before anything is sent: no round trip.
    client_->pipeline({{"SET", "d", "4"}, {}});
    client_->transaction({{}});
    QCOMPARE(client_->roundTrips(), before + 3);

    // The process-wide count (what /metrics shows) moves with every client's.
    auto other = connectOrFail();
    QVERIFY(other);
    const uint64_t otherAfterConnect = other->roundTrips();
    QVERIFY(otherAfterConnect >= 1);  // its PING, after AUTH and SELECT when the endpoint needs them
    QVERIFY(other->command({"GET", "a"}).isString());
    QCOMPARE(pb::processTimings().redisRoundTrips.load() - processBefore, uint64_t(3 + otherAfterConnect + 1));
}

void TestRedisClient::transactionAppliesAllCommands()
{
    const RedisReply r = client_->transaction({{"SET", "a", allByteValues()}, {"SET", "b", "2"}, {"INCR", "c"}});
    QVERIFY2(r.isArray(), r.describe().c_str());
    QCOMPARE(r.elements().size(), size_t(3));
    QVERIFY(r.elements()[0].isOk());
    QVERIFY(r.elements()[1].isOk());
    QCOMPARE(r.elements()[2].integer(), 1LL);
    QVERIFY(client_->command({"GET", "a"}).str() == allByteValues());
    QCOMPARE(client_->command({"EXISTS", "a", "b", "c"}).integer(), 3LL);
}

void TestRedisClient::transactionWithReadsAnswersThemAfterItsWritesInOneRoundTrip()
{
    const uint64_t before = client_->roundTrips();
    std::vector<RedisReply> reads;
    const RedisReply r = client_->transaction({{"SET", "w", "written"}, {"INCR", "n"}}, {{"GET", "w"}, {"GET", "n"}, {"GET", "none"}}, &reads);
    QVERIFY2(r.isArray(), r.describe().c_str());
    QCOMPARE(client_->roundTrips(), before + 1);
    QCOMPARE(reads.size(), size_t(3));
    QCOMPARE(reads[0].str(), std::string("written"));
    QCOMPARE(reads[1].str(), std::string("1"));
    QVERIFY(reads[2].isNil());

    // A transaction refused while queuing applies nothing; the reads still run, after it.
    const RedisReply refused = client_->transaction({{"SET", "w", "again"}, {"NOSUCHCOMMAND"}}, {{"GET", "w"}}, &reads);
    QVERIFY(refused.isError());
    QCOMPARE(reads.size(), size_t(1));
    QCOMPARE(reads[0].str(), std::string("written"));

    // Nothing is sent when a read is empty, and every read says why.
    const RedisReply unsent = client_->transaction({{"SET", "w", "third"}}, {{"GET", "w"}, {}}, &reads);
    QVERIFY(unsent.isError());
    QCOMPARE(reads.size(), size_t(2));
    QVERIFY(reads[0].isError() && reads[1].isError());
    QCOMPARE(client_->command({"GET", "w"}).str(), std::string("written"));
}

void TestRedisClient::transactionWithRejectedCommandAppliesNothing()
{
    const RedisReply r = client_->transaction({{"SET", "x", "1"}, {"SET", "y"}, {"SET", "z", "1"}});
    QVERIFY2(r.isError(), r.describe().c_str());
    QVERIFY2(r.str().find("EXECABORT") != std::string::npos, r.str().c_str());
    QVERIFY2(r.str().find("command #1 (SET) was rejected") != std::string::npos, r.str().c_str());
    QVERIFY2(r.str().find("nothing was applied") != std::string::npos, r.str().c_str());
    QCOMPARE(client_->command({"EXISTS", "x", "y", "z"}).integer(), 0LL);
    // The connection left MULTI state: a plain command runs immediately.
    QVERIFY(client_->command({"SET", "after", "1"}).isOk());
    QCOMPARE(client_->command({"GET", "after"}).str(), std::string("1"));
}

void TestRedisClient::transactionRuntimeErrorSaysOthersWereApplied()
{
    QVERIFY(client_->command({"SET", "text", "not a number"}).isOk());
    const RedisReply r = client_->transaction({{"SET", "p", "1"}, {"INCR", "text"}});
    QVERIFY2(r.isError(), r.describe().c_str());
    QVERIFY2(r.str().find("command #1 (INCR) failed") != std::string::npos, r.str().c_str());
    QVERIFY2(r.str().find("does not roll back") != std::string::npos, r.str().c_str());
    QCOMPARE(client_->command({"GET", "p"}).str(), std::string("1"));
}

void TestRedisClient::connectSelectsDatabase()
{
    RedisEndpoint db3 = supervisor_->endpoint();
    db3.db = 3;
    QString error;
    auto other = RedisClient::connect(db3, kTimeoutMs, &error);
    QVERIFY2(other, qPrintable(error));
    QVERIFY(other->command({"SET", "only-in-3", "v"}).isOk());
    QVERIFY(client_->command({"GET", "only-in-3"}).isNil());
    QCOMPARE(other->command({"GET", "only-in-3"}).str(), std::string("v"));

    db3.db = 99;
    QVERIFY(!RedisClient::connect(db3, kTimeoutMs, &error));
    QVERIFY2(error.contains(QLatin1String("cannot select database 99")), qPrintable(error));
}

void TestRedisClient::connectAuthenticatesAndExplainsMissingPassword()
{
    QVERIFY(client_->command({"CONFIG", "SET", "requirepass", "pw"}).isOk());
    const auto restore = qScopeGuard([this] {
        RedisEndpoint withPassword = supervisor_->endpoint();
        withPassword.password = QStringLiteral("pw");
        if (auto admin = RedisClient::connect(withPassword, kTimeoutMs, nullptr))
            admin->command({"CONFIG", "SET", "requirepass", ""});
    });
    RedisEndpoint ep = supervisor_->endpoint();
    QString error;
    QVERIFY(!RedisClient::connect(ep, kTimeoutMs, &error));
    QVERIFY2(error.contains(QLatin1String("the server requires a password")), qPrintable(error));

    ep.password = QStringLiteral("letmein-xyz");
    QVERIFY(!RedisClient::connect(ep, kTimeoutMs, &error));
    QVERIFY2(error.contains(QLatin1String("authentication failed")), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("letmein-xyz")), qPrintable(error)); // no password in logs

    ep.password = QStringLiteral("pw");
    auto authed = RedisClient::connect(ep, kTimeoutMs, &error);
    QVERIFY2(authed, qPrintable(error));
    QCOMPARE(authed->command({"PING"}).str(), std::string("PONG"));
}

void TestRedisClient::connectToMissingServerFailsFast()
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    const QString missing = dir_.filePath(QStringLiteral("nothing-here.sock"));
    QVERIFY(!RedisClient::connect(RedisEndpoint::unixSocket(missing), kTimeoutMs, &error));
    QVERIFY2(error.contains(missing) && error.contains(QLatin1String("No such file")), qPrintable(error));

    RedisEndpoint closedPort;
    closedPort.host = QStringLiteral("127.0.0.1");
    closedPort.port = 1;
    QVERIFY(!RedisClient::connect(closedPort, kTimeoutMs, &error));
    QVERIFY2(error.contains(QLatin1String("redis://127.0.0.1:1/0")), qPrintable(error));
    QVERIFY(timer.elapsed() < kTimeoutMs);
}

void TestRedisClient::connectionIsNotInheritedByChildProcesses()
{
    // Every socket of this process is a client connection or Qt's; none may leak into a
    // restarted redis-server through exec.
    int sockets = 0;
    for (const QFileInfo& entry : QDir(QStringLiteral("/proc/self/fd")).entryInfoList(QDir::System)) {
        if (!entry.symLinkTarget().contains(QLatin1String("socket:"))) continue;
        ++sockets;
        const int fd = entry.fileName().toInt();
        QVERIFY2(::fcntl(fd, F_GETFD) & FD_CLOEXEC, qPrintable(entry.symLinkTarget()));
    }
    QVERIFY(sockets > 0);
}

void TestRedisClient::hungServerTimesOutInsteadOfHanging()
{
    QString error;
    auto client = RedisClient::connect(supervisor_->endpoint(), 300, &error);
    QVERIFY2(client, qPrintable(error));
    const pid_t pid = pid_t(supervisor_->pid());
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    const auto resume = qScopeGuard([pid] { ::kill(pid, SIGCONT); });

    QElapsedTimer timer;
    timer.start();
    const RedisReply r = client->command({"PING"});
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY2(r.isError() && r.str().find("no reply within 300 ms") != std::string::npos, r.describe().c_str());
    QVERIFY(!client->isConnected());

    ::kill(pid, SIGCONT);
    QVERIFY2(client->reconnect(&error), qPrintable(error));
    QCOMPARE(client->command({"PING"}).str(), std::string("PONG"));
}

void TestRedisClient::killedServerGivesErrorsThenReconnectAfterRestart()
{
    QVERIFY(client_->command({"SET", "durable", "yes"}).isOk());
    // With appendfsync everysec Redis may hold an acknowledged write in memory for up to 2 s
    // while a background fsync runs; a SIGKILL loses it. Kill only once it reached the file.
    QTRY_VERIFY_WITH_TIMEOUT(aofContains(dir_.path() + "/redis/appendonlydir", "durable"), 5000);
    QSignalSpy restarted(supervisor_.get(), &RedisSupervisor::restarted);
    QCOMPARE(::kill(pid_t(supervisor_->pid()), SIGKILL), 0);

    // A write to the dead socket must come back as an error, not a SIGPIPE that kills us.
    const RedisReply lost = client_->transaction({{"SET", "k", "v"}});
    QVERIFY2(lost.isError(), lost.describe().c_str());
    QVERIFY2(lost.str().find("outcome unknown") != std::string::npos, lost.str().c_str());
    QVERIFY(!client_->isConnected());
    QVERIFY(client_->lastError().contains(QLatin1String("lost")));
    const RedisReply after = client_->command({"GET", "durable"});
    QVERIFY2(after.isError() && after.str().find("call reconnect()") != std::string::npos, after.describe().c_str());

    QVERIFY(restarted.wait(15000));
    QString error;
    QVERIFY2(client_->reconnect(&error), qPrintable(error));
    QVERIFY(client_->lastError().isEmpty());
    const RedisReply durable = client_->command({"GET", "durable"});
    QVERIFY2(durable.str() == "yes", durable.describe().c_str());
}

QTEST_GUILESS_MAIN(TestRedisClient)
#include "tst_RedisClient.moc"
