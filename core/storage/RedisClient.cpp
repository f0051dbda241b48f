#include "core/storage/RedisClient.h"

#include "core/util/DurationHistogram.h"

#include <QFile>

#include <hiredis/hiredis.h>

#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <pthread.h>

namespace pb::storage {

namespace {

// hiredis sends with write(2), which raises SIGPIPE when the server has gone; by default that
// kills the whole node. Blocking SIGPIPE on this thread for the duration of a call and
// consuming the one it raised leaves hiredis with a plain EPIPE error, without touching the
// process-wide signal disposition, which belongs to the application.
class SigpipeGuard {
public:
    SigpipeGuard()
    {
        sigemptyset(&set_);
        sigaddset(&set_, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        wasPending_ = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &set_, &saved_);
    }
    ~SigpipeGuard()
    {
        const int savedErrno = errno;
        if (!wasPending_) {
            sigset_t pending;
            sigpending(&pending);
            if (sigismember(&pending, SIGPIPE) == 1) {
                const timespec zero{0, 0};
                while (sigtimedwait(&set_, nullptr, &zero) == -1 && errno == EINTR) {
                }
            }
        }
        pthread_sigmask(SIG_SETMASK, &saved_, nullptr);
        errno = savedErrno;
    }
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;

private:
    sigset_t set_;
    sigset_t saved_;
    bool wasPending_ = false;
};

struct ReplyDeleter {
    void operator()(void* reply) const { freeReplyObject(reply); }
};
using ReplyPtr = std::unique_ptr<void, ReplyDeleter>;

timeval toTimeval(int ms)
{
    timeval tv;
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

// hiredis's argv form: pointers and lengths, so arguments may contain any bytes.
struct Argv {
    template <typename Args>
    explicit Argv(const Args& args)
    {
        for (const auto& a : args) {
            pointers.push_back(a.data());
            lengths.push_back(a.size());
        }
    }
    int count() const { return int(pointers.size()); }

    std::vector<const char*> pointers;
    std::vector<size_t> lengths;
};

bool hasEmptyCommand(const std::vector<RedisClient::Command>& commands, size_t* index)
{
    for (size_t i = 0; i < commands.size(); ++i) {
        if (commands[i].empty()) {
            *index = i;
            return true;
        }
    }
    return false;
}

} // namespace

RedisClient::RedisClient(RedisEndpoint endpoint, int timeoutMs)
    : endpoint_(std::move(endpoint)), timeoutMs_(timeoutMs > 0 ? timeoutMs : 1)
{
}

RedisClient::~RedisClient()
{
    close();
}

std::unique_ptr<RedisClient> RedisClient::connect(const RedisEndpoint& endpoint, int timeoutMs,
                                                  QString* error)
{
    std::unique_ptr<RedisClient> client(new RedisClient(endpoint, timeoutMs));
    if (!client->open(error)) return nullptr;
    return client;
}

bool RedisClient::open(QString* error)
{
    const timeval tv = toTimeval(timeoutMs_);
    redisContext* ctx = endpoint_.kind == RedisEndpoint::Kind::Unix
        ? redisConnectUnixWithTimeout(QFile::encodeName(endpoint_.socketPath).constData(), tv)
        : redisConnectWithTimeout(endpoint_.host.toUtf8().constData(), endpoint_.port, tv);
    const auto fail = [&](const QString& why) {
        lastError_ = QStringLiteral("cannot connect to Redis at %1: %2").arg(endpoint_.toString(), why);
        if (error) *error = lastError_;
        close();
        return false;
    };
    if (!ctx) return fail(QStringLiteral("out of memory"));
    ctx_ = ctx;
    if (ctx->err) return fail(QString::fromLocal8Bit(ctx->errstr));
    if (redisSetTimeout(ctx, tv) != REDIS_OK) return fail(QStringLiteral("cannot set the reply timeout"));
    // hiredis 0.14 opens sockets without close-on-exec; a redis-server restarted by the node
    // would inherit this connection to itself and keep it open after we close ours.
    ::fcntl(ctx->fd, F_SETFD, ::fcntl(ctx->fd, F_GETFD) | FD_CLOEXEC);
    lastError_.clear();

    if (!endpoint_.password.isEmpty()) {
        Command auth{"AUTH"};
        if (!endpoint_.username.isEmpty()) auth.push_back(endpoint_.username.toStdString());
        auth.push_back(endpoint_.password.toStdString());
        const RedisReply r = command(auth);
        if (r.isError()) return fail(QStringLiteral("authentication failed: ") + QString::fromStdString(r.str()));
    }
    if (endpoint_.db != 0) {
        const RedisReply r = command({"SELECT", std::to_string(endpoint_.db)});
        if (r.isError())
            return fail(QStringLiteral("cannot select database %1: %2").arg(endpoint_.db).arg(QString::fromStdString(r.str())));
    }
    const RedisReply pong = command({"PING"});
    if (pong.isError()) {
        const QString message = QString::fromStdString(pong.str());
        if (message.startsWith(QLatin1String("NOAUTH")))
            return fail(QStringLiteral("the server requires a password (redis://:PASSWORD@host or "
                                       "unix:///path.sock?password=PASSWORD): ") + message);
        return fail(message);
    }
    return true;
}

void RedisClient::close()
{
    if (ctx_) redisFree(ctx_);
    ctx_ = nullptr;
}

bool RedisClient::isConnected() const
{
    return ctx_ != nullptr;
}

bool RedisClient::reconnect(QString* error)
{
    close();
    return open(error);
}

RedisReply RedisClient::connectionFailure()
{
    // Read errno first: it is the only place a reply timeout shows (hiredis reports EAGAIN).
    const int savedErrno = errno;
    const QString why = ctx_->err == REDIS_ERR_IO && (savedErrno == EAGAIN || savedErrno == EWOULDBLOCK)
        ? QStringLiteral("no reply within %1 ms").arg(timeoutMs_)
        : QString::fromLocal8Bit(ctx_->errstr);
    lastError_ = QStringLiteral("Redis connection to %1 lost: %2").arg(endpoint_.toString(), why);
    // A failed context may hold half a reply or unsent commands; it can never be reused.
    close();
    return RedisReply::error(lastError_.toStdString());
}

RedisReply RedisClient::notConnectedReply() const
{
    return RedisReply::error(
        QStringLiteral("not connected to Redis (%1); call reconnect()").arg(lastError_).toStdString());
}

void RedisClient::countRoundTrip()
{
    ++roundTrips_;
    processTimings().redisRoundTrips.fetch_add(1, std::memory_order_relaxed);
}

RedisReply RedisClient::command(const Command& args)
{
    Argv argv(args);
    return send(argv.count(), argv.pointers.data(), argv.lengths.data());
}

RedisReply RedisClient::command(std::initializer_list<std::string_view> args)
{
    Argv argv(args);
    return send(argv.count(), argv.pointers.data(), argv.lengths.data());
}

RedisReply RedisClient::send(int argc, const char** argv, const size_t* lengths)
{
    if (argc == 0) return RedisReply::error("empty command");
    if (!ctx_) return notConnectedReply();
    SigpipeGuard guard;
    const ScopedDuration timed(processTimings().redisCommand);
    countRoundTrip();
    ReplyPtr reply(redisCommandArgv(ctx_, argc, argv, lengths));
    if (!reply) return connectionFailure();
    return fromHiredis(static_cast<const redisReply*>(reply.get()));
}

std::vector<RedisReply> RedisClient::pipeline(const std::vector<Command>& commands)
{
    size_t emptyIndex = 0;
    // Redis answers an empty command with no reply at all, which would shift every later
    // reply onto the wrong command; refuse before sending anything.
    if (hasEmptyCommand(commands, &emptyIndex))
        return std::vector<RedisReply>(commands.size(), RedisReply::error(
            "pipeline not sent: command #" + std::to_string(emptyIndex) + " is empty"));
    if (!ctx_) return std::vector<RedisReply>(commands.size(), notConnectedReply());

    SigpipeGuard guard;
    countRoundTrip();
    for (const Command& args : commands) {
        Argv argv(args);
        if (redisAppendCommandArgv(ctx_, argv.count(), argv.pointers.data(), argv.lengths.data()) != REDIS_OK)
            return std::vector<RedisReply>(commands.size(), connectionFailure());
    }
    std::vector<RedisReply> replies;
    replies.reserve(commands.size());
    while (replies.size() < commands.size()) {
        void* raw = nullptr;
        if (redisGetReply(ctx_, &raw) != REDIS_OK) {
            replies.resize(commands.size(), connectionFailure());
            break;
        }
        ReplyPtr reply(raw);
        replies.push_back(fromHiredis(static_cast<const redisReply*>(raw)));
    }
    return replies;
}

RedisReply RedisClient::transaction(const std::vector<Command>& commands)
{
    return transaction(commands, {}, nullptr);
}

RedisReply RedisClient::transaction(const std::vector<Command>& commands, const std::vector<Command>& reads,
                                    std::vector<RedisReply>* readReplies)
{
    size_t emptyIndex = 0;
    const auto refuse = [&](RedisReply why) {
        if (readReplies) readReplies->assign(reads.size(), why);
        return why;
    };
    if (hasEmptyCommand(commands, &emptyIndex))
        return refuse(RedisReply::error("transaction not sent: command #" + std::to_string(emptyIndex) + " is empty"));
    if (hasEmptyCommand(reads, &emptyIndex))
        return refuse(RedisReply::error("transaction not sent: read #" + std::to_string(emptyIndex) + " is empty"));
    if (!ctx_) return refuse(notConnectedReply());
    std::vector<Command> batch;
    batch.reserve(commands.size() + 2 + reads.size());
    batch.push_back({"MULTI"});
    batch.insert(batch.end(), commands.begin(), commands.end());
    batch.push_back({"EXEC"});
    batch.insert(batch.end(), reads.begin(), reads.end());
    std::vector<RedisReply> replies = pipeline(batch);
    if (readReplies) readReplies->assign(std::make_move_iterator(replies.end() - long(reads.size())), std::make_move_iterator(replies.end()));
    replies.resize(commands.size() + 2);

    if (!ctx_)
        return RedisReply::error("transaction outcome unknown, it may or may not have been applied: "
                                 + lastError_.toStdString());
    const RedisReply& exec = replies.back();
    const auto commandName = [&](size_t i) { return "command #" + std::to_string(i) + " (" + commands[i].front() + ")"; };
    if (replies.front().isError())
        return RedisReply::error("MULTI was refused (" + replies.front().str()
                                 + "); the commands did not run as a transaction of their own");
    if (exec.isError()) {
        std::string detail;
        for (size_t i = 0; i < commands.size() && detail.empty(); ++i)
            if (replies[i + 1].isError()) detail = "; " + commandName(i) + " was rejected: " + replies[i + 1].str();
        return RedisReply::error(exec.str() + detail + "; nothing was applied");
    }
    if (exec.isArray()) {
        for (size_t i = 0; i < exec.elements().size() && i < commands.size(); ++i)
            if (exec.elements()[i].isError())
                return RedisReply::error(commandName(i) + " failed while the transaction ran: "
                                         + exec.elements()[i].str()
                                         + "; Redis does not roll back, the other commands were applied");
    }
    return exec;
}

} // namespace pb::storage
