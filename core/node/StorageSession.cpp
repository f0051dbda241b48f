#include "core/node/StorageSession.h"

#include "core/storage/RedisSupervisor.h"

namespace pb::node {

namespace {
constexpr int kRedisConnectTimeoutMs = 5000;
} // namespace

StorageSession::StorageSession(std::unique_ptr<storage::RedisSupervisor> supervisor, const storage::RedisEndpoint& endpoint,
                               std::unique_ptr<storage::RedisClient> redis, const QString& dataDir, const std::string& network,
                               Logger* log)
    : supervisor_(std::move(supervisor)),
      endpoint_(endpoint),
      redis_(std::move(redis)),
      log_(log),
      photos_(dataDir),
      chain_(*redis_, photos_, network),
      peers_(*redis_, network),
      mempool_(*redis_, network),
      jobs_(*redis_, network),
      pruning_(*redis_, network),
      series_(*redis_, network)
{
    if (!supervisor_) return;
    connect(supervisor_.get(), &storage::RedisSupervisor::logMessage, this, [this](const QString& line) { log_->info("redis: " + line); });
    connect(supervisor_.get(), &storage::RedisSupervisor::restarted, this, [this] {
        log_->warning("embedded redis-server was restarted; reconnecting");
        QString error;
        if (!reconnect(&error)) log_->error("cannot reconnect to Redis: " + error);
    });
    connect(supervisor_.get(), &storage::RedisSupervisor::failed, this,
            [this](const QString& why) {
                log_->error("embedded redis-server failed: " + why);
                emit failed(why);
            });
}

StorageSession::~StorageSession()
{
    redis_.reset();
    if (!supervisor_) return;
    supervisor_->stop();
    log_->info("embedded redis-server stopped");
}

std::unique_ptr<StorageSession> StorageSession::open(const QString& dataDir, const QString& redisUrl, const QString& network,
                                                     Logger& log, QString* error)
{
    std::unique_ptr<storage::RedisSupervisor> supervisor;
    std::optional<storage::RedisEndpoint> endpoint;
    if (redisUrl.isEmpty()) {
        supervisor = std::make_unique<storage::RedisSupervisor>(dataDir);
        // Logged from the start: the server's own lines explain a failed start.
        const auto startLog = QObject::connect(supervisor.get(), &storage::RedisSupervisor::logMessage, supervisor.get(),
                                               [&log](const QString& line) { log.info("redis: " + line); });
        if (!supervisor->start(error)) return nullptr;
        QObject::disconnect(startLog);
        endpoint = supervisor->endpoint();
    } else {
        endpoint = storage::RedisEndpoint::parse(redisUrl, error);
        if (!endpoint) {
            *error = QString("--redis: %1").arg(*error);
            return nullptr;
        }
    }
    auto redis = storage::RedisClient::connect(*endpoint, kRedisConnectTimeoutMs, error);
    if (!redis) return nullptr;
    return std::unique_ptr<StorageSession>(
        new StorageSession(std::move(supervisor), *endpoint, std::move(redis), dataDir, network.toStdString(), &log));
}

std::unique_ptr<StorageSession> StorageSession::attach(const storage::RedisEndpoint& endpoint, const QString& dataDir,
                                                       const QString& network, QString* error)
{
    auto redis = storage::RedisClient::connect(endpoint, kRedisConnectTimeoutMs, error);
    if (!redis) return nullptr;
    return std::unique_ptr<StorageSession>(new StorageSession(nullptr, endpoint, std::move(redis), dataDir, network.toStdString(), nullptr));
}

bool StorageSession::reconnect(QString* error)
{
    if (!redis_->reconnect(error)) return false;
    emit reconnected();
    return true;
}

bool StorageSession::ensureConnected(QString* error)
{
    return redis_->isConnected() || reconnect(error);
}

void StorageSession::keepAlive()
{
    if (redis_->isConnected()) return;
    QString error;
    if (redis_->reconnect(&error)) {
        if (log_) log_->info("reconnected to Redis at " + endpoint_.toString());
        emit reconnected();
    } else if (!lost_ && log_) {
        log_->error(QString("lost Redis at %1: %2; retrying every second").arg(endpoint_.toString(), error));
    }
    lost_ = !redis_->isConnected();
}

} // namespace pb::node
