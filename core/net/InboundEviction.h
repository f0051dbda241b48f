#pragma once
// Which inbound peer to drop when every inbound slot is taken and another peer wants in, after
// Bitcoin Core's AttemptToEvictConnection: peers that are useful in ways an attacker cannot
// cheaply fake are protected, then the most crowded address group loses its newest member. So
// filling our slots from one network cannot push out the peers that feed us blocks, the
// fastest ones, or those from many other networks. Pure logic, no sockets.
#include "core/net/PeerLink.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace pb::net {

struct EvictionCandidate {
    PeerId id = 0;
    QByteArray group;          // netGroup() of its address
    qint64 connectedAtMs = 0;
    qint64 lastBlockMs = 0;    // when it last relayed a block new to us; 0: never
    double minPingMs = -1;     // lowest measured round trip; < 0: none yet
};

struct EvictionProtection {
    int distinctGroups = 4;    // one peer from each of this many groups (picked by a keyed hash)
    int recentBlocks = 4;      // the peers that most recently relayed a new block
    int lowestPing = 8;
    // Then this share of the rest, longest connected first.
    double longestConnectedShare = 0.5;
};

// The peer to evict, or nullopt when every candidate is protected. `groupKey` keys the hash
// that picks the protected groups (secret and random per node, so an attacker cannot aim).
std::optional<PeerId> selectInboundToEvict(std::vector<EvictionCandidate> candidates, quint64 groupKey,
                                           const EvictionProtection& protection = {});

} // namespace pb::net
