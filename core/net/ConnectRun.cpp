#include "core/net/ConnectRun.h"

namespace pb::net {

void ConnectRun::add(const Hash256& hash, PeerId from)
{
    senders_[hash] = from;
    lastSender_ = from;
}

ConnectRun::Outcome ConnectRun::connect(uint64_t now)
{
    Outcome outcome;
    outcome.result = chain_.connectStored(now);
    outcome.sender = lastSender_;
    if (const auto it = senders_.find(outcome.result.invalidBlock); it != senders_.end()) outcome.sender = it->second;
    senders_.clear();
    return outcome;
}

} // namespace pb::net
