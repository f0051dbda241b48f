#pragma once
// One open storage stack: where Redis is (an embedded, supervised redis-server or an external
// URL), one connection to it, the photo store and every Redis store of one network. The engine
// opens one; the façade attaches a second (read-only use) to the same endpoint so queries never
// wait for the engine. Reconnecting after a lost server has one path: reconnect().
#include "core/storage/PhotoStore.h"
#include "core/storage/RedisChainStore.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisEndpoint.h"
#include "core/storage/RedisJobStore.h"
#include "core/storage/RedisMempoolStore.h"
#include "core/storage/RedisPeerStore.h"
#include "core/storage/RedisPruneStore.h"
#include "core/storage/RedisSeriesStore.h"
#include "core/util/Logger.h"

#include <QObject>
#include <memory>

namespace pb {

namespace storage {
class RedisSupervisor;
} // namespace storage

namespace node {

class StorageSession : public QObject {
    Q_OBJECT
public:
    // Starts an embedded redis-server in `dataDir` when `redisUrl` is empty, else parses the URL;
    // then connects. Null with *error when storage cannot be reached.
    static std::unique_ptr<StorageSession> open(const QString& dataDir, const QString& redisUrl, const QString& network,
                                                Logger& log, QString* error);
    // A second connection to storage someone else opened (no supervisor, no logging).
    static std::unique_ptr<StorageSession> attach(const storage::RedisEndpoint& endpoint, const QString& dataDir,
                                                  const QString& network, QString* error);
    ~StorageSession() override;

    // Reconnects now (after the server restarted or the connection broke). On success emits
    // reconnected(): whatever was read before may be stale.
    bool reconnect(QString* error);
    // Reconnects only when the connection is down: what every use of storage starts with.
    bool ensureConnected(QString* error);
    // The engine's once-a-second check: reconnects a lost connection, logging the loss once.
    void keepAlive();
    // True while the last keepAlive() could not reach the server.
    bool isLost() const { return lost_; }

    const storage::RedisEndpoint& endpoint() const { return endpoint_; }
    storage::PhotoStore& photos() { return photos_; }
    storage::RedisChainStore& chain() { return chain_; }
    storage::RedisPeerStore& peers() { return peers_; }
    storage::RedisMempoolStore& mempool() { return mempool_; }
    storage::RedisJobStore& jobs() { return jobs_; }
    storage::RedisPruneStore& pruning() { return pruning_; }
    storage::RedisSeriesStore& series() { return series_; }

signals:
    void reconnected();
    // The embedded redis-server kept dying and its supervisor gave up: nothing can be stored.
    void failed(const QString& reason);

private:
    StorageSession(std::unique_ptr<storage::RedisSupervisor> supervisor, const storage::RedisEndpoint& endpoint,
                   std::unique_ptr<storage::RedisClient> redis, const QString& dataDir, const std::string& network, Logger* log);

    std::unique_ptr<storage::RedisSupervisor> supervisor_;  // embedded server only
    const storage::RedisEndpoint endpoint_;
    std::unique_ptr<storage::RedisClient> redis_;
    Logger* log_;  // null for an attached session
    storage::PhotoStore photos_;
    storage::RedisChainStore chain_;
    storage::RedisPeerStore peers_;
    storage::RedisMempoolStore mempool_;
    storage::RedisJobStore jobs_;
    storage::RedisPruneStore pruning_;
    storage::RedisSeriesStore series_;
    bool lost_ = false;
};

} // namespace node
} // namespace pb
