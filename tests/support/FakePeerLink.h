#pragma once
// Test helper: the transport side of core/net/PeerLink.h in memory, for unit tests of the
// protocol layer (BlockSync, AddressBook, Relay, PeerManager) without sockets. Every frame the
// protocol sends is decoded with the real codec and kept per peer; disconnects and expected
// replies are recorded, never acted on (the real transport reports closed links later, so the
// test calls linkClosed itself when it wants one). Logic only: the real transport has its own
// tests over loopback sockets, and the integration tests run real nodes.
#include "core/net/MessageCodec.h"
#include "core/net/PeerLink.h"

#include <map>
#include <stdexcept>
#include <vector>

namespace pb::test {

class FakeLinks final : public net::LinkControl {
public:
    // A link as the transport would report it in linkOpened.
    net::LinkInfo open(net::PeerId id, net::Direction direction = net::Direction::Outbound,
                       const QString& address = "127.0.0.1", quint16 port = 9000)
    {
        net::LinkInfo link;
        link.id = id;
        link.direction = direction;
        link.address = QHostAddress(address);
        link.port = port;
        links_[id] = link;
        return link;
    }

    void send(net::PeerId peer, const QByteArray& frame) override
    {
        QString error;
        auto message = net::decode(frame, &error);
        if (!message) throw std::logic_error("the protocol sent an undecodable frame: " + error.toStdString());
        sent_[peer].push_back(std::move(*message));
    }
    void disconnect(net::PeerId peer, const QString& reason) override { disconnected_[peer] = reason; }
    std::optional<net::LinkInfo> linkInfo(net::PeerId peer) const override
    {
        const auto it = links_.find(peer);
        return it == links_.end() ? std::nullopt : std::optional<net::LinkInfo>(it->second);
    }
    void expectReplies(net::PeerId peer, int messages) override { expected_[peer] += messages; }

    // The messages of type T sent to `peer` since the last take, oldest first; removes them.
    template <class T>
    std::vector<T> take(net::PeerId peer)
    {
        std::vector<T> found;
        auto& queue = sent_[peer];
        for (auto it = queue.begin(); it != queue.end();) {
            if (const T* m = std::get_if<T>(&*it)) {
                found.push_back(*m);
                it = queue.erase(it);
            } else {
                ++it;
            }
        }
        return found;
    }
    // Everything sent to `peer` and not taken yet.
    const std::vector<net::Message>& pending(net::PeerId peer) { return sent_[peer]; }
    void clear() { sent_.clear(); }
    bool wasDisconnected(net::PeerId peer) const { return disconnected_.count(peer) > 0; }
    int expectedReplies(net::PeerId peer) const
    {
        const auto it = expected_.find(peer);
        return it == expected_.end() ? 0 : it->second;
    }

private:
    std::map<net::PeerId, net::LinkInfo> links_;
    std::map<net::PeerId, std::vector<net::Message>> sent_;
    std::map<net::PeerId, QString> disconnected_;
    std::map<net::PeerId, int> expected_;
};

// A clock the test moves by hand (msecs since the epoch), for net::Clock.
struct ManualClock {
    qint64 nowMs = 1'800'000'000'000;
    net::Clock clock() { return [this] { return nowMs; }; }
    void advance(qint64 ms) { nowMs += ms; }
};

} // namespace pb::test
