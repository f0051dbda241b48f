#include "core/api/PairingLockout.h"

namespace pb::api {

std::optional<qint64> PairingLockout::lockedFor(const QHostAddress& address, qint64 nowSeconds) const
{
    const auto it = entries_.constFind(address);
    if (it == entries_.constEnd() || it->lockedUntil <= nowSeconds) return std::nullopt;
    return it->lockedUntil - nowSeconds;
}

int PairingLockout::recordWrong(const QHostAddress& address, qint64 nowSeconds)
{
    if (!entries_.contains(address)) makeRoom(nowSeconds);
    Entry& entry = entries_[address];
    if (entry.lockedUntil != 0 && entry.lockedUntil <= nowSeconds) entry = Entry{};  // served its minute
    entry.lastSeen = nowSeconds;
    if (++entry.wrongInARow >= kWrongInARow) entry.lockedUntil = nowSeconds + kLockSeconds;
    return entry.wrongInARow;
}

void PairingLockout::makeRoom(qint64 nowSeconds)
{
    if (entries_.size() < kMaxAddresses) return;
    // Finished locks carry nothing worth keeping; while any lock runs, keep it and drop the
    // quietest unlocked address instead, so a flood of new addresses cannot free a locked one.
    for (auto it = entries_.begin(); it != entries_.end();)
        it = it->lockedUntil != 0 && it->lockedUntil <= nowSeconds ? entries_.erase(it) : std::next(it);
    while (entries_.size() >= kMaxAddresses) {
        auto victim = entries_.begin();
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            const bool itLocked = it->lockedUntil > nowSeconds, victimLocked = victim->lockedUntil > nowSeconds;
            if (itLocked != victimLocked ? !itLocked : it->lastSeen < victim->lastSeen) victim = it;
        }
        entries_.erase(victim);
    }
}

} // namespace pb::api
