#pragma once
// File descriptors: a node serving many peers and REST clients must not run out of them, as
// then it can open neither a Redis connection nor a photo nor its log. At start the soft limit
// is raised to the hard one (a systemd service starts with 1,024); listeners then size their
// connection caps from what remains after a reserve for everything that is not a socket.
#include <optional>

namespace pb {

struct DescriptorLimit {
    long before = 0;  // soft limit found at start
    long soft = 0;    // soft limit now
    long hard = 0;
};

// Raises the soft RLIMIT_NOFILE to the hard limit (at most kDescriptorCeiling). nullopt when
// the limit cannot be read.
std::optional<DescriptorLimit> raiseDescriptorLimit();

// Descriptors kept for Redis connections, photo and model files, logs, the embedded
// redis-server's pipes and Qt's own (event fds, notifiers).
constexpr long kReservedDescriptors = 128;
constexpr long kDescriptorCeiling = 65536;

// The share `fraction` of the descriptors left for sockets under the current soft limit
// (at least `minimum`). The peer listener takes half, the REST listener a quarter, and
// outbound dials and everything else the rest.
int socketDescriptorShare(double fraction, int minimum = 8);

} // namespace pb
