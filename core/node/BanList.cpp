#include "core/node/BanList.h"

#include "core/net/NetGroup.h"

#include "core/chain/ChainStore.h"
#include "core/storage/RedisPeerStore.h"

#include <algorithm>

namespace pb::node {

BanList::BanList(storage::RedisPeerStore& store, Logger& log, Clock clock, bool bySubnet)
    : store_(store), log_(log), clock_(std::move(clock)), bySubnet_(bySubnet)
{
}

void BanList::load()
{
    bans_.clear();
    for (const storage::BanRecord& b : store_.bans(clock_())) bans_.push_back({b.address, b.until, b.reason, b.bannedAt});
}

bool BanList::isBanned(const QHostAddress& address) const
{
    const qint64 now = clock_();
    for (const BanInfo& b : bans_)
        if (b.until > now && net::sameNetGroup(QHostAddress(b.address), address, bySubnet_)) return true;
    return false;
}

void BanList::dropExpired()
{
    const qint64 now = clock_();
    if (std::none_of(bans_.begin(), bans_.end(), [now](const BanInfo& b) { return b.until <= now; })) return;
    try {
        load();
    } catch (const StoreError& e) {
        log_.warning(QString("cannot refresh the ban list: %1").arg(e.what()));
    }
}

bool BanList::add(const QHostAddress& address, qint64 seconds, const QString& reason)
{
    const qint64 now = clock_();
    const storage::BanRecord record{address.toString(), now + seconds, reason, now};
    try {
        store_.saveBan(record);
        load();
    } catch (const StoreError& e) {
        log_.error(QString("cannot save the ban of %1: %2").arg(record.address, e.what()));
        return false;
    }
    log_.info(QString("banned %1 for %2 s: %3").arg(record.address).arg(seconds).arg(reason));
    return true;
}

bool BanList::remove(const QString& address)
{
    try {
        store_.removeBan(address);
        load();
    } catch (const StoreError& e) {
        log_.error(QString("cannot lift the ban of %1: %2").arg(address, e.what()));
        return false;
    }
    log_.info(QString("lifted the ban of %1").arg(address));
    return true;
}

} // namespace pb::node
