#include "core/storage/RedisSupervisor.h"

#include "core/storage/ProcessProbe.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisReply.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <sys/prctl.h>
#include <unistd.h>

namespace pb::storage {

namespace {

constexpr int kProbeTimeoutMs = 1000;
constexpr int kKillWaitMs = 5000;
constexpr int kRestartWindowMs = 60000;
constexpr int kFirstBackoffMs = 200;
constexpr int kMaxBackoffMs = 5000;
constexpr qsizetype kKeptOutputBytes = 8192;
constexpr int kTailLines = 15;
constexpr int kLoadingNoteMs = 5000;

std::filesystem::path fsPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

// Quoted so that paths may hold spaces, quotes or any other byte.
QByteArray confValue(const QString& value)
{
    return QByteArray::fromStdString(redisQuoted(QFile::encodeName(value).toStdString()));
}

QString lastLines(const QByteArray& text, int count)
{
    QList<QByteArray> lines = text.trimmed().split('\n');
    if (lines.size() > count) lines = lines.mid(lines.size() - count);
    return QString::fromLocal8Bit(lines.join('\n'));
}

} // namespace

QString findRedisServer(QString* error)
{
    const QString fromEnv = qEnvironmentVariable("PB_REDIS_SERVER");
    if (!fromEnv.isEmpty()) {
        const QFileInfo info(fromEnv);
        if (info.isFile() && info.isExecutable()) return info.absoluteFilePath();
        if (error)
            *error = QStringLiteral("PB_REDIS_SERVER=%1 is not an executable file; point it at a "
                                    "redis-server binary or unset it to use the one on PATH "
                                    "(Debian package '%2')").arg(fromEnv, QLatin1String(kRedisServerPackage));
        return {};
    }
    const QString found = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (found.isEmpty() && error)
        *error = QStringLiteral("redis-server was not found on PATH; install the Debian package "
                                "'%1' (apt install %1) or set PB_REDIS_SERVER to its path")
                     .arg(QLatin1String(kRedisServerPackage));
    return found;
}

RedisSupervisor::RedisSupervisor(const QString& dataDir, RedisSupervisorOptions options, QObject* parent)
    : QObject(parent),
      dataDir_(QDir(dataDir).absolutePath()),
      redisDir_(dataDir_ + QLatin1String("/redis")),
      options_(options),
      process_(this),
      restartTimer_(this)
{
    clock_.start();
    process_.setProcessChannelMode(QProcess::MergedChannels);
    connect(&process_, &QProcess::readyReadStandardOutput, this, [this] {
        output_ += process_.readAllStandardOutput();
        if (output_.size() > kKeptOutputBytes) output_ = output_.right(kKeptOutputBytes);
    });
    connect(&process_, &QProcess::finished, this, &RedisSupervisor::onFinished);
    restartTimer_.setSingleShot(true);
    connect(&restartTimer_, &QTimer::timeout, this, &RedisSupervisor::attemptRestart);
}

RedisSupervisor::~RedisSupervisor()
{
    stop();
}

QString RedisSupervisor::socketPath() const { return redisDir_ + QLatin1String("/redis.sock"); }
QString RedisSupervisor::logFilePath() const { return redisDir_ + QLatin1String("/redis.log"); }
QString RedisSupervisor::configPath() const { return redisDir_ + QLatin1String("/redis.conf"); }
QString RedisSupervisor::pidFilePath() const { return redisDir_ + QLatin1String("/redis.pid"); }

RedisEndpoint RedisSupervisor::endpoint() const
{
    return RedisEndpoint::unixSocket(socketPath());
}

bool RedisSupervisor::isRunning() const
{
    return state_ == State::Running;
}

qint64 RedisSupervisor::pid() const
{
    return process_.state() == QProcess::NotRunning ? 0 : pid_;
}

void RedisSupervisor::log(const QString& message)
{
    emit logMessage(message);
}

bool RedisSupervisor::start(QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (state_ != State::Stopped)
        return fail(QStringLiteral("the Redis supervisor for %1 is already started").arg(dataDir_));
    const qsizetype socketBytes = QFile::encodeName(socketPath()).size();
    if (socketBytes > RedisEndpoint::kMaxUnixPathBytes)
        return fail(QStringLiteral("the Redis socket path %1 is %2 bytes, over the %3-byte limit of "
                                   "unix sockets (sun_path holds 108 bytes); use a shorter data directory")
                        .arg(socketPath()).arg(socketBytes).arg(RedisEndpoint::kMaxUnixPathBytes));
    QString why;
    serverPath_ = findRedisServer(&why);
    if (serverPath_.isEmpty() || !prepareDirectory(&why) || !retireStaleServer(&why) || !writeConfig(&why))
        return fail(why);
    restartAttempts_.clear();
    state_ = State::Starting;
    if (!launch(&why)) {
        state_ = State::Stopped;
        return fail(why);
    }
    state_ = State::Running;
    log(QStringLiteral("redis-server running (pid %1) on %2").arg(pid_).arg(socketPath()));
    return true;
}

bool RedisSupervisor::prepareDirectory(QString* error)
{
    std::error_code ec;
    std::filesystem::create_directories(fsPath(redisDir_), ec);
    if (ec) {
        *error = QStringLiteral("cannot create the Redis directory %1: %2")
                     .arg(redisDir_, QString::fromStdString(ec.message()));
        return false;
    }
    // The socket gives full control of the chain data: only the node's user may reach it.
    std::filesystem::permissions(fsPath(redisDir_), std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    if (!ec && ::access(QFile::encodeName(redisDir_).constData(), W_OK | X_OK) != 0)
        ec = std::error_code(errno, std::generic_category());
    if (ec) {
        *error = QStringLiteral("the Redis directory %1 is not usable: %2")
                     .arg(redisDir_, QString::fromStdString(ec.message()));
        return false;
    }
    return true;
}

bool RedisSupervisor::retireStaleServer(QString* error)
{
    QFile pidFile(pidFilePath());
    if (!pidFile.open(QIODevice::ReadOnly)) return true;
    bool ok = false;
    const qint64 stalePid = pidFile.readAll().trimmed().toLongLong(&ok);
    if (!ok || !isProcessRunning(stalePid)) return true;
    // The pid may have been reused since; redis-server chdir()s to its data dir, so a process
    // named redis* working in our directory is a server of ours and nothing else is.
    if (!processName(stalePid).startsWith(QLatin1String("redis"))
        || processWorkingDirectory(stalePid) != QFileInfo(redisDir_).canonicalFilePath())
        return true;

    log(QStringLiteral("redis-server pid %1 of an earlier run still uses %2; waiting up to %3 ms "
                       "for it to finish").arg(stalePid).arg(redisDir_).arg(options_.staleGraceMs));
    if (waitForProcessExit(stalePid, options_.staleGraceMs)) return true;
    log(QStringLiteral("stale redis-server pid %1 is still running; sending SIGTERM").arg(stalePid));
    ::kill(pid_t(stalePid), SIGTERM);
    if (waitForProcessExit(stalePid, options_.stopTimeoutMs)) return true;
    log(QStringLiteral("stale redis-server pid %1 ignored SIGTERM; sending SIGKILL").arg(stalePid));
    ::kill(pid_t(stalePid), SIGKILL);
    if (waitForProcessExit(stalePid, kKillWaitMs)) return true;
    *error = QStringLiteral("redis-server pid %1 of an earlier run on %2 does not exit even after SIGKILL")
                 .arg(stalePid).arg(redisDir_);
    return false;
}

bool RedisSupervisor::writeConfig(QString* error)
{
    QByteArray conf = "# Written by Photoblocks each time it starts its embedded Redis; edits are lost.\n";
    conf += "daemonize no\n";
    conf += "port 0\n"; // no TCP: only the node, through the socket
    conf += "unixsocket " + confValue(socketPath()) + "\n";
    conf += "unixsocketperm 700\n";
    conf += "dir " + confValue(redisDir_) + "\n";
    conf += "pidfile " + confValue(pidFilePath()) + "\n";
    conf += "logfile " + confValue(logFilePath()) + "\n";
    conf += "appendonly yes\n";
    conf += "appendfsync everysec\n";
    // After a power cut the AOF may end mid-command; load what is whole instead of refusing.
    conf += "aof-load-truncated yes\n";
    conf += "save \"\"\n"; // the AOF is the only persistence; no RDB snapshots
    QSaveFile file(configPath());
    if (!file.open(QIODevice::WriteOnly) || file.write(conf) != conf.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(configPath(), file.errorString());
        return false;
    }
    return true;
}

bool RedisSupervisor::launch(QString* error)
{
    output_.clear();
    logOffset_ = QFileInfo(logFilePath()).size();
    const pid_t parentPid = getpid();
    process_.setChildProcessModifier([parentPid] {
        // Runs in the child between fork and exec, so only async-signal-safe calls.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        // If the node died before prctl took effect the signal will never come: give up now.
        if (getppid() != parentPid) _exit(1);
    });
    process_.setProgram(serverPath_);
    process_.setArguments({configPath()});
    process_.start();
    if (!process_.waitForStarted(kKillWaitMs)) {
        *error = QStringLiteral("cannot run %1: %2").arg(serverPath_, process_.errorString());
        return false;
    }
    pid_ = process_.processId();
    return waitUntilReady(error);
}

bool RedisSupervisor::waitUntilReady(QString* error)
{
    QDeadlineTimer deadline(options_.startTimeoutMs);
    QElapsedTimer sinceLoadingNote; // invalid until the server first reports LOADING
    QString why;
    for (;;) {
        if (process_.state() == QProcess::NotRunning) {
            *error = QStringLiteral("redis-server exited during start-up (%1)").arg(exitDescription()) + logTail();
            return false;
        }
        if (RedisClient::connect(endpoint(), kProbeTimeoutMs, &why)) return true;
        // A large append-only file takes a while to load; the server is busy, not hung.
        if (why.contains(QLatin1String("LOADING"))) {
            deadline.setRemainingTime(options_.startTimeoutMs);
            if (!sinceLoadingNote.isValid() || sinceLoadingNote.hasExpired(kLoadingNoteMs)) {
                log(QStringLiteral("redis-server pid %1 is loading its append-only file").arg(pid_));
                sinceLoadingNote.start();
            }
        }
        if (deadline.hasExpired()) {
            *error = QStringLiteral("redis-server pid %1 did not answer PING within %2 ms (%3)")
                         .arg(pid_).arg(options_.startTimeoutMs).arg(why) + logTail();
            terminateChild();
            return false;
        }
        // Sleeps briefly, and returns at once if the server exits.
        process_.waitForFinished(50);
    }
}

void RedisSupervisor::terminateChild()
{
    if (process_.state() == QProcess::NotRunning) return;
    process_.terminate(); // SIGTERM: redis-server flushes the AOF and exits
    if (process_.waitForFinished(options_.stopTimeoutMs)) return;
    log(QStringLiteral("redis-server pid %1 did not stop within %2 ms; sending SIGKILL")
            .arg(pid_).arg(options_.stopTimeoutMs));
    process_.kill();
    process_.waitForFinished(kKillWaitMs);
}

void RedisSupervisor::stop()
{
    restartTimer_.stop();
    if (state_ == State::Stopped) return;
    state_ = State::Stopping;
    if (process_.state() != QProcess::NotRunning) {
        log(QStringLiteral("stopping redis-server pid %1").arg(pid_));
        terminateChild();
        log(QStringLiteral("redis-server pid %1 stopped (%2)").arg(pid_).arg(exitDescription()));
    }
    state_ = State::Stopped;
}

void RedisSupervisor::onFinished(int, QProcess::ExitStatus)
{
    // Exits during start-up and shutdown are expected and handled where they are awaited.
    if (state_ != State::Running) return;
    lastFailure_ = QStringLiteral("redis-server pid %1 exited unexpectedly (%2)").arg(pid_).arg(exitDescription())
        + logTail();
    log(lastFailure_);
    state_ = State::Restarting;
    scheduleRestart();
}

void RedisSupervisor::scheduleRestart()
{
    const qint64 now = clock_.elapsed();
    while (!restartAttempts_.empty() && now - restartAttempts_.front() >= kRestartWindowMs)
        restartAttempts_.pop_front();
    const int attempts = int(restartAttempts_.size());
    if (attempts >= options_.maxRestartsPerMinute) {
        state_ = State::Stopped;
        const QString message = QStringLiteral("giving up on redis-server after %1 restart attempts "
                                               "within a minute; last failure: %2").arg(attempts).arg(lastFailure_);
        log(message);
        emit failed(message);
        return;
    }
    const int delayMs = std::min(kFirstBackoffMs << std::min(attempts, 8), kMaxBackoffMs);
    log(QStringLiteral("restarting redis-server in %1 ms").arg(delayMs));
    restartTimer_.start(delayMs);
}

void RedisSupervisor::attemptRestart()
{
    if (state_ != State::Restarting) return;
    restartAttempts_.push_back(clock_.elapsed());
    state_ = State::Starting;
    QString why;
    if (launch(&why)) {
        state_ = State::Running;
        log(QStringLiteral("redis-server restarted (pid %1)").arg(pid_));
        emit restarted();
        return;
    }
    state_ = State::Restarting;
    lastFailure_ = why;
    log(QStringLiteral("restarting redis-server failed: ") + why);
    scheduleRestart();
}

QString RedisSupervisor::exitDescription() const
{
    // On a crash exit QProcess keeps the terminating signal in exitCode().
    if (process_.exitStatus() == QProcess::CrashExit)
        return QStringLiteral("killed by signal %1").arg(process_.exitCode());
    return QStringLiteral("exit code %1").arg(process_.exitCode());
}

QString RedisSupervisor::logTail()
{
    output_ += process_.readAllStandardOutput();
    QFile logFile(logFilePath());
    QByteArray logged;
    if (logFile.open(QIODevice::ReadOnly)) {
        // Only what this server wrote; the file also holds earlier runs.
        const qint64 from = logOffset_ <= logFile.size() ? logOffset_ : 0; // 0: it was rotated
        logFile.seek(std::max(from, logFile.size() - kKeptOutputBytes));
        logged = logFile.readAll();
    }
    QString tail;
    if (!logged.trimmed().isEmpty())
        tail += QStringLiteral("\nlast lines of %1:\n%2").arg(logFilePath(), lastLines(logged, kTailLines));
    if (!output_.trimmed().isEmpty())
        tail += QStringLiteral("\nredis-server printed:\n%1").arg(lastLines(output_, kTailLines));
    return tail;
}

} // namespace pb::storage
