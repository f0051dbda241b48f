#include "core/net/ConnectRun.h"

#include <utility>

namespace pb::net {

void ConnectRun::add(const Hash256& hash, PeerId from, size_t bytes)
{
    senders_[hash] = from;
    lastSender_ = from;
    largestInRun_ = std::max(largestInRun_, bytes);
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
