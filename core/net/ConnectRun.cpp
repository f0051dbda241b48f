#include "core/net/ConnectRun.h"

#include <utility>

namespace pb::net {

void ConnectRun::add(const Hash256& hash, PeerId from, size_t bytes)
{
    senders_[hash] = from;
    lastSender_ = from;
    largestInRun_ = std::max(largestInRun_, bytes);
}

int ConnectRun::window(int normal, int wide) const
{
    const size_t largest = largestBlockBytes();
    if (!wanted() || largest == 0) return normal;  // 0: no block seen yet
    return int(std::clamp<size_t>(kSyncWindowBytes / largest, size_t(normal), size_t(std::max(normal, wide))));
}

ConnectRun::Outcome ConnectRun::connect(uint64_t now)
{
    Outcome outcome;
    outcome.result = chain_.connectStored(now);
    outcome.sender = lastSender_;
    if (const auto it = senders_.find(outcome.result.invalidBlock); it != senders_.end()) outcome.sender = it->second;
    senders_.clear();
    largestInLastRun_ = std::exchange(largestInRun_, 0);
    return outcome;
}

} // namespace pb::net
