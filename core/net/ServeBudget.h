#pragma once
// What serving a peer may cost us. A 60-byte getheaders can make us read 2,000 headers, a
// getblocks 16 blocks with their photos (up to 48 MiB): counting messages says nothing about
// that. Each peer has a budget in bytes, refilled every second; serving a request is charged
// with what it really cost (the bytes sent plus a fixed price per store read), and a peer in
// debt has its requests held, in order, until the budget has refilled. Only a few are held;
// beyond them a request is refused and the caller scores the peer. An honest syncing peer
// waits a little; a flooding one costs us at most the budget's rate.
// Engine thread only. Time is passed in, so tests need not wait.
#include "core/net/PeerLink.h"
#include "core/net/TokenBucket.h"

#include <deque>
#include <functional>
#include <map>

namespace pb::net {

struct ServeLimits {
    double bytesPerSecond = 32.0 * 1024 * 1024;  // what one peer may make us read and send per second
    double burstBytes = 64.0 * 1024 * 1024;      // a full window of 16 blocks with 3 MiB photos fits
    double storeReadBytes = 512;                 // the price of one store read, in budget bytes
    size_t maxHeldRequests = 8;                  // per peer, while it is in debt
};

class ServeBudget {
public:
    // Serves one request and returns what it cost, in budget bytes.
    using Request = std::function<double()>;
    enum class Outcome { Served, Held, Refused };

    explicit ServeBudget(ServeLimits limits) : limits_(limits) {}

    // Serves `request` now when the peer is within its budget and has nothing held; holds it
    // when the peer is in debt and fewer than maxHeldRequests are held; refuses it otherwise.
    Outcome submit(PeerId peer, qint64 nowMs, Request request);
    // Serves held requests, oldest first, of every peer whose budget has refilled.
    void serveHeld(qint64 nowMs);
    void forget(PeerId peer) { peers_.erase(peer); }

    size_t heldFor(PeerId peer) const;
    const ServeLimits& limits() const { return limits_; }

private:
    struct PeerBudget {
        TokenBucket bucket;
        std::deque<Request> held;
    };
    PeerBudget& budgetOf(PeerId peer, qint64 nowMs);

    ServeLimits limits_;
    std::map<PeerId, PeerBudget> peers_;
};

} // namespace pb::net
