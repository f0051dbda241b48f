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

    // bySubnet: a ban covers the banned address's /24 (IPv4) or /64 (IPv6), --ban-subnets.
    BanList(storage::RedisPeerStore& store, Logger& log, Clock clock, bool bySubnet);

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
    bool bySubnet_;
    QList<BanInfo> bans_;
};

} // namespace node
} // namespace pb
