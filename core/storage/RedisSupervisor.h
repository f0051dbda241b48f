#pragma once
// Runs the node's own redis-server for a data directory and keeps it running.
//
// The server listens only on <datadir>/redis/redis.sock (no TCP), keeps an append-only file
// in <datadir>/redis and logs to <datadir>/redis/redis.log.
//
// No orphans: the child gets PR_SET_PDEATHSIG(SIGTERM), so it shuts down cleanly even when the
// node is killed with SIGKILL. Linux sends that signal when the *thread* that forked the child
// exits, not the process — create and use the supervisor on a thread that lives as long as the
// node (normally the main thread), never on a short-lived worker thread.
//
// All methods must be called from the supervisor's thread; start() and stop() block it (start
// for up to startTimeoutMs while the server comes up).
#include "core/storage/RedisEndpoint.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

#include <deque>

namespace pb::storage {

// The Debian package that provides redis-server, named in errors so users know what to install.
inline constexpr const char* kRedisServerPackage = "redis-server";

// Path of the redis-server executable: $PB_REDIS_SERVER if set, otherwise a PATH lookup.
// Returns empty and explains why in *error when there is none.
QString findRedisServer(QString* error = nullptr);

struct RedisSupervisorOptions {
    int startTimeoutMs = 15000;      // until the server answers PING (time spent loading data excluded)
    int stopTimeoutMs = 10000;       // clean shutdown before SIGKILL
    int staleGraceMs = 5000;         // a previous run's server may still be flushing; wait before SIGTERM
    int maxRestartsPerMinute = 5;    // restart attempts after unexpected exits, then failed()
};

class RedisSupervisor : public QObject {
    Q_OBJECT
public:
    explicit RedisSupervisor(const QString& dataDir, RedisSupervisorOptions options = {},
                             QObject* parent = nullptr);
    ~RedisSupervisor() override; // stop()

    // Starts redis-server and waits until it answers PING. False with a precise reason otherwise.
    bool start(QString* error);
    // Asks the server to shut down (SIGTERM: the AOF is flushed), SIGKILL after stopTimeoutMs.
    void stop();

    bool isRunning() const;
    qint64 pid() const;
    RedisEndpoint endpoint() const;
    QString redisDir() const { return redisDir_; }
    QString socketPath() const;
    QString logFilePath() const;

signals:
    // The server died and a new one answers again; clients must reconnect().
    void restarted();
    // The server died and could not be brought back; storage is unavailable.
    void failed(const QString& error);
    // What the supervisor did and why, for the node's log.
    void logMessage(const QString& message);

private:
    enum class State { Stopped, Starting, Running, Restarting, Stopping };

    bool prepareDirectory(QString* error);
    bool retireStaleServer(QString* error);
    bool writeConfig(QString* error);
    bool launch(QString* error);
    bool waitUntilReady(QString* error);
    void terminateChild();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void scheduleRestart();
    void attemptRestart();
    QString exitDescription() const;
    QString logTail();
    QString configPath() const;
    QString pidFilePath() const;
    void log(const QString& message);

    QString dataDir_;
    QString redisDir_;
    RedisSupervisorOptions options_;
    QString serverPath_;
    QProcess process_;
    qint64 pid_ = 0;           // of the current or last child, for messages after it exited
    QByteArray output_;        // recent stdout/stderr: errors printed before the log file opens
    qint64 logOffset_ = 0;     // size of redis.log when the current server started
    State state_ = State::Stopped;
    QTimer restartTimer_;
    QElapsedTimer clock_;      // monotonic, so a wall-clock jump cannot reset the restart limit
    std::deque<qint64> restartAttempts_; // clock_ times of recent restart attempts
    QString lastFailure_;
};

} // namespace pb::storage
