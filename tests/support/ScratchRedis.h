#pragma once
// Test and benchmark helper: a private redis-server in a temporary directory (started the way
// the node starts its embedded one), a client connected to it, and a photo store beside it.
#include "core/storage/PhotoStore.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisSupervisor.h"

#include <QTemporaryDir>

#include <memory>

namespace pb::test {

class ScratchRedis {
public:
    // False with *error when the server does not start or does not answer.
    bool start(QString* error)
    {
        if (!supervisor_.start(error)) return false;
        client_ = storage::RedisClient::connect(supervisor_.endpoint(), 5000, error);
        return client_ != nullptr;
    }
    ~ScratchRedis()
    {
        client_.reset();
        supervisor_.stop();
    }

    storage::RedisClient& client() { return *client_; }
    QString socketPath() const { return supervisor_.socketPath(); }
    storage::PhotoStore& photos() { return photos_; }

private:
    QTemporaryDir dir_{"/tmp/pbredisXXXXXX"};
    storage::RedisSupervisor supervisor_{dir_.path()};
    std::unique_ptr<storage::RedisClient> client_;
    storage::PhotoStore photos_{dir_.path()};
};

} // namespace pb::test
