#pragma once
// What the protocol's parts (PeerManager, AddressBook, BlockSync, Relay, TipRounds) share:
// typed messages out over the transport, misbehaviour reported back to the one place that
// keeps scores (PeerManager), and the clock, injected so that tests move deadlines without
// waiting. Engine thread only; sending never calls back into the protocol (the transport
// reports closed links later, through LinkEvents).
#include "core/net/Messages.h"
#include "core/net/PeerLink.h"

#include <functional>

namespace pb::net {

using Clock = std::function<qint64()>;  // msecs since the epoch
qint64 systemClockMs();

// Hashes in log lines and display strings.
QString hexOf(const Hash256& hash);

class PeerChannel {
public:
    using Misbehave = std::function<void(PeerId peer, int score, const QString& reason)>;

    PeerChannel(LinkControl& links, Clock clock, Misbehave misbehave)
        : links_(links), clock_(std::move(clock)), misbehave_(std::move(misbehave)) {}

    void send(PeerId peer, const Message& message);
    // The peer was asked for `messages` replies: they do not count against its rate limits.
    void expectReplies(PeerId peer, int messages) { links_.expectReplies(peer, messages); }
    void disconnect(PeerId peer, const QString& reason) { links_.disconnect(peer, reason); }
    // The peer relayed a block that was new to us: inbound eviction protects it.
    void noteBlockRelayed(PeerId peer) { links_.noteBlockRelayed(peer); }
    // Adds to the peer's misbehaviour score; at the threshold its address is banned.
    void misbehave(PeerId peer, int score, const QString& reason) { misbehave_(peer, score, reason); }
    std::optional<LinkInfo> linkInfo(PeerId peer) const { return links_.linkInfo(peer); }

    qint64 nowMs() const { return clock_(); }
    uint64_t nowSeconds() const { return uint64_t(clock_() / 1000); }

private:
    LinkControl& links_;
    Clock clock_;
    Misbehave misbehave_;
};

} // namespace pb::net
