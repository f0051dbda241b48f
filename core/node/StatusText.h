#pragma once
#include "core/node/NodeStatus.h"

namespace pb {

// "height 42 | 31.2 MH/s | peers 0 | last block 3 s ago", printed by the daemon every few seconds.
QString statusLine(const NodeStatus& status);
// "31.2 MH/s": a hash rate with an SI prefix.
QString formatHashrate(double hashesPerSecond);

} // namespace pb
