#pragma once
// The addresses this node refuses, kept in storage (so bans outlive restarts) and mirrored in
// memory (so the transport's admission check costs no Redis round trip). Lives on the engine
// thread. Storage failures are logged and leave the list as it was.
#include "core/net/PeerInfo.h"
#include "core/util/Logger.h"

#include <QHostAddress>
#include <QList>
#include <functional>

namespace pb {

namespace storage {
class RedisPeerStore;
} // namespace storage

namespace node {

class BanList {
public:
    using Clock = std::function<qint64()>;  // seconds since the epoch

    BanList(storage::RedisPeerStore& store, Logger& log, Clock clock);

    // Reads the bans in force; throws StoreError.
    void load();
    bool isBanned(const QHostAddress& address) const;
    // False (logged) when storage refused the change.
    bool add(const QHostAddress& address, qint64 seconds, const QString& reason);
    bool remove(const QString& address);
    // Rereads the list once a ban in it has run out.
    void dropExpired();
    const QList<BanInfo>& list() const { return bans_; }

private:
    storage::RedisPeerStore& store_;
    Logger& log_;
    Clock clock_;
    QList<BanInfo> bans_;
};

} // namespace node
} // namespace pb
