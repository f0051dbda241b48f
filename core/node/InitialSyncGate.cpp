#include "core/node/InitialSyncGate.h"

#include "core/net/ConnectRun.h"

namespace pb::node {

InitialSyncGate::Answer InitialSyncGate::ask(uint64_t tipHeight, uint64_t bestHeaderHeight, uint64_t now)
{
    if (released_) return {};
    // Waiting starts far behind and ends only at the best header: a miner resuming 63 blocks
    // early would mine on a tip the next runs of blocks replace. Not far behind yet: a fresh
    // network, or no peer has shown its headers yet.
    if (!waiting_ && bestHeaderHeight < tipHeight + net::ConnectRun::kFarBehind) return {};
    if (waiting_ && bestHeaderHeight <= tipHeight) {
        waiting_ = false;
        released_ = true;
        return {Decision::Mine, Change::CaughtUp};
    }
    const bool starts = !waiting_;
    if (starts || tipHeight > risenTip_) {
        risenTip_ = tipHeight;
        risenAt_ = now;
    }
    waiting_ = true;
    if (now >= risenAt_ + kStallSeconds) {
        waiting_ = false;
        released_ = true;
        return {Decision::Mine, Change::Stalled};
    }
    return {Decision::Wait, starts ? Change::StartsWaiting : Change::None};
}

} // namespace pb::node
