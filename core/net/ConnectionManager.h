#pragma once
// The transport: listens for and dials WebSocket peers, polices every link through a
// PeerConnection, assigns PeerIds and reports to LinkEvents. The protocol drives it through
// LinkControl. Runs entirely on the thread that owns it (the engine thread) and never blocks.
//
// Event guarantees, so the protocol can call back from any handler without re-entrancy:
//  - LinkEvents are only ever called from the event loop, never from inside a call into this
//    class. After disconnect(id) or closeAll() nothing more arrives for that link but its
//    linkClosed, which follows on a later loop iteration.
//  - Every connectTo() that returns an id ends in exactly one linkOpened(id) or dialFailed().
//  - Nothing is delivered from or after the destructor.
//
// Inbound connections pass an AcceptGate at accept(), before any handshake: total, per-address
// and per-subnet caps counting handshakes in progress, closing the rest at once. After the
// WebSocket handshake they are checked again (path, admission filter such as bans, per-address
// and per-subnet caps) and refused ones are closed with a reason, so an honest peer learns why.
// When every inbound slot is taken, the least useful inbound peer (InboundEviction.h) makes
// room for the new one.
#include "core/net/NetGroup.h"  // how limits and bans group addresses, for callers too
#include "core/net/PeerLink.h"
#include "core/net/TransportLimits.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>
#include <map>
#include <vector>

class QTcpServer;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace pb::net {

class AcceptGate;
class PeerConnection;

// The resource peers connect to: ws://host:port/photoblocks/v1
inline constexpr char kWebSocketPath[] = "/photoblocks/v1";

class ConnectionManager : public QObject, public LinkControl {
    Q_OBJECT
public:
    explicit ConnectionManager(TransportLimits limits = {}, QObject* parent = nullptr);
    ~ConnectionManager() override;

    // May be null (events are dropped); not owned.
    void setEvents(LinkEvents* events) { events_ = events; }
    // Consulted for every inbound connection (e.g. bans); false refuses it.
    void setAdmissionFilter(std::function<bool(const QHostAddress&)> admit) { admit_ = std::move(admit); }
    const TransportLimits& limits() const { return limits_; }

    // Returns the bound port (the chosen one when port is 0), or 0 with *error set.
    quint16 listen(const QHostAddress& address, quint16 port, QString* error);
    void stopListening();
    bool isListening() const { return tcp_ != nullptr; }
    // The listener's gate (null when not listening): live and refused counts for tests and status.
    const AcceptGate* acceptGate() const { return gate_; }

    // Returns the id the link will have, or 0 when the dial cannot start (empty host, port 0,
    // a host QUrl refuses, maxPendingDials reached); no event follows a 0. Callers that must
    // tell "busy" from "cannot dial this" ask dialSlotFree() first.
    PeerId connectTo(const QString& host, quint16 port);
    bool dialSlotFree() const { return dials_.size() < size_t(qMax(0, limits_.maxPendingDials)); }

    // Frames for unknown or closed links are dropped: the protocol may race a close.
    void send(PeerId peer, const QByteArray& frame) override;
    // Closes a link (the reason travels in the WebSocket close frame, cut to 123 bytes) or
    // cancels a pending dial, which then reports dialFailed.
    void disconnect(PeerId peer, const QString& reason) override;
    std::optional<LinkInfo> linkInfo(PeerId peer) const override;
    void expectReplies(PeerId peer, int messages) override;
    void noteBlockRelayed(PeerId peer) override;

    void closeAll(const QString& reason);
    std::vector<LinkInfo> links() const;
    size_t pendingDials() const { return dials_.size(); }

private:
    struct Dial {
        QString host;
        quint16 port = 0;
        QWebSocket* socket = nullptr;
        QTimer* timeout = nullptr;  // child of socket
    };

    void acceptPending();
    QString refusalFor(const QHostAddress& address, const QString& path) const;
    // Makes room for one more inbound link; false when every inbound peer is protected.
    bool evictForNewInbound();
    void dialConnected(PeerId id);
    // Forgets a pending dial and disposes of its socket; nullopt when already settled.
    std::optional<Dial> settleDial(PeerId id);
    void dialEnded(PeerId id, const QString& reason);
    void cancelDial(PeerId id, const QString& reason);
    void adopt(const LinkInfo& info, QWebSocket* socket);

    TransportLimits limits_;
    LinkEvents* events_ = nullptr;
    std::function<bool(const QHostAddress&)> admit_;
    AcceptGate* gate_ = nullptr;        // children of this while listening
    QTcpServer* tcp_ = nullptr;
    QWebSocketServer* server_ = nullptr;  // upgrades what tcp_ accepts; does not listen itself
    std::map<QString, QPointer<QTcpSocket>> handshaking_;  // "address port" -> socket, until upgraded
    const quint64 groupKey_;              // secret: which address groups eviction protects
    std::map<PeerId, PeerConnection*> links_;
    std::map<PeerId, Dial> dials_;
    PeerId nextId_ = 1;
};

} // namespace pb::net
