#include "core/net/ServeBudget.h"

namespace pb::net {

ServeBudget::PeerBudget& ServeBudget::budgetOf(PeerId peer, qint64 nowMs)
{
    auto it = peers_.find(peer);
    if (it == peers_.end())
        it = peers_.emplace(peer, PeerBudget{TokenBucket(limits_.bytesPerSecond, limits_.burstBytes, nowMs), {}}).first;
    return it->second;
}

ServeBudget::Outcome ServeBudget::submit(PeerId peer, qint64 nowMs, Request request)
{
    PeerBudget& budget = budgetOf(peer, nowMs);
    if (budget.held.empty() && budget.bucket.level(nowMs) >= 0) {
        budget.bucket.charge(request(), nowMs);
        return Outcome::Served;
    }
    if (budget.held.size() >= limits_.maxHeldRequests) return Outcome::Refused;
    budget.held.push_back(std::move(request));
    return Outcome::Held;
}

void ServeBudget::serveHeld(qint64 nowMs)
{
    for (auto& [peer, budget] : peers_) {
        while (!budget.held.empty() && budget.bucket.level(nowMs) >= 0) {
            const Request request = std::move(budget.held.front());
            budget.held.pop_front();
            budget.bucket.charge(request(), nowMs);  // sending never calls back into us
        }
    }
}

size_t ServeBudget::heldFor(PeerId peer) const
{
    const auto it = peers_.find(peer);
    return it == peers_.end() ? 0 : it->second.held.size();
}

} // namespace pb::net
