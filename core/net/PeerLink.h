#pragma once
// The seam between transport (ConnectionManager: sockets, limits, timers) and protocol
// (what messages mean). The transport calls LinkEvents; the protocol drives LinkControl.
// Both sides live on the engine thread.
#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <optional>

namespace pb::net {

using PeerId = quint64;  // a connection's local id, never reused within a process
enum class Direction { Inbound, Outbound };

struct LinkInfo {
    PeerId id = 0;
    Direction direction = Direction::Inbound;
    QHostAddress address;
    quint16 port = 0;            // remote TCP port (for outbound: the port we dialled)
    qint64 connectedAtMs = 0;    // msecs since the epoch
    quint64 bytesIn = 0, bytesOut = 0;
    quint64 messagesIn = 0, messagesOut = 0;
};

class LinkControl {
public:
    virtual ~LinkControl() = default;
    virtual void send(PeerId peer, const QByteArray& frame) = 0;
    virtual void disconnect(PeerId peer, const QString& reason) = 0;
    virtual std::optional<LinkInfo> linkInfo(PeerId peer) const = 0;
    // The protocol asked the peer for `messages` replies: they do not count against its rate
    // limits, so a download we requested is never mistaken for a flood.
    virtual void expectReplies(PeerId peer, int messages) = 0;
    // The peer relayed a block that was new to us: inbound eviction protects such peers.
    virtual void noteBlockRelayed(PeerId peer) { (void)peer; }
};

class LinkEvents {
public:
    virtual ~LinkEvents() = default;
    virtual void linkOpened(const LinkInfo& link) = 0;
    virtual void frameReceived(PeerId peer, const QByteArray& frame) = 0;
    // The transport caught the peer breaking a limit (oversized frame, text frame, flood).
    virtual void linkMisbehaved(PeerId peer, int score, const QString& reason) = 0;
    virtual void linkClosed(PeerId peer, const QString& reason) = 0;
    // An outbound dial failed before a connection existed.
    virtual void dialFailed(const QString& host, quint16 port, const QString& reason) = 0;
};

} // namespace pb::net
