#pragma once
// Everything the transport enforces per connection and per listener, with the defaults a node
// runs with. Tests shrink them to provoke each limit quickly.
#include <QtGlobal>

#include <functional>

namespace pb::net {

struct TransportLimits {
    // Largest binary message accepted or sent (Qt enforces it per frame and per message too).
    qint64 maxFrameBytes = 4 * 1024 * 1024;

    // Token buckets per peer, each holding one second's allowance. A message beyond the
    // allowance is dropped and reported (at most once a second) with floodScore; once a peer
    // has sent floodDisconnectFactor times what the buckets allow it is disconnected.
    // A rate <= 0 disables that bucket.
    double messagesPerSecond = 200;
    double bytesPerSecond = 8 * 1024 * 1024;
    double floodDisconnectFactor = 4;
    // Replies the protocol asked for are exempt from both buckets, up to this many outstanding
    // (the protocol requests at most 64 blocks from a peer at a time, during initial sync).
    int maxPrepaidReplies = 128;

    // Misbehaviour scores reported through LinkEvents::linkMisbehaved.
    int floodScore = 10;
    int textFrameScore = 20;
    int violationScore = 100;    // oversized message, broken WebSocket framing

    int connectTimeoutMs = 5000; // TCP connect plus WebSocket handshake, both directions
    int closeGraceMs = 3000;     // how long a closing socket may take to finish the close handshake

    int maxInbound = 64;
    int maxPerIp = 8;            // established inbound connections from one address
    int maxPerSubnet = 8;        // ... from one IPv4 /24 or IPv6 /64 (NetGroup.h)
    int maxPendingDials = 16;
    // TCP connections still in the WebSocket handshake, beyond the established ones: the
    // listener closes any connection past maxInbound + this, or past the per-address and
    // per-subnet caps counting handshakes too, right at accept().
    int maxPendingHandshakes = 16;
    // When every inbound slot is taken, a new inbound peer replaces the least useful one
    // (InboundEviction.h) instead of being refused.
    bool evictWhenFull = true;

    // WebSocket pings measure each link's round trip (inbound eviction protects the fastest).
    int pingIntervalMs = 20000;
    // A link that sends nothing for this long is closed (the protocol pings every 15 s).
    int idleTimeoutMs = 120000;

    // A peer that stops reading would make us buffer without bound; past this it is dropped.
    // Sends are only written out when the event loop runs, so this must hold the largest
    // burst the protocol sends in one go: 16 blocks of up to 1 MiB with 2 MiB photos.
    qint64 maxSendBufferBytes = 64 * 1024 * 1024;

    // The clock the token buckets read, in ms; empty: a monotonic clock started with each
    // connection. Tests hold it still so what a burst may pass does not depend on machine speed.
    std::function<qint64()> clockMs;
};

} // namespace pb::net
