#pragma once
// One open WebSocket link, policed: binary messages only, a size limit, message and byte rate
// limits, a cap on what we buffer for a peer that does not read, an idle timeout, and traffic
// counters. WebSocket pings measure its round trip.
// ConnectionManager creates it once the WebSocket handshake is done and relays its signals.
#include "core/net/PeerLink.h"
#include "core/net/TokenBucket.h"
#include "core/net/TransportLimits.h"

#include <QElapsedTimer>
#include <QObject>
#include <QWebSocket>

class QTimer;

namespace pb::net {

class PeerConnection : public QObject {
    Q_OBJECT
public:
    enum class SendResult { Sent, TooLarge, Stalled, Closed };

    // Takes ownership of a connected socket.
    PeerConnection(const LinkInfo& info, QWebSocket* socket, const TransportLimits& limits, QObject* parent);
    ~PeerConnection() override;

    const LinkInfo& info() const { return info_; }
    // Lowest WebSocket ping round trip so far, < 0 before the first pong.
    double minPingMs() const { return minPingMs_; }
    // When the protocol last said it relayed a block new to us (msecs since the epoch), or 0.
    qint64 lastBlockMs() const { return lastBlockMs_; }
    void noteBlockRelayed();

    // TooLarge: over maxFrameBytes, nothing sent. Stalled: the peer has left more than
    // maxSendBufferBytes unread, nothing sent; the caller should drop the link.
    SendResult send(const QByteArray& frame);

    // Prepays the rate limits for replies we requested (each up to maxFrameBytes), up to
    // maxPrepaidReplies outstanding.
    void expectReplies(int messages);

    // Starts the closing handshake with `reason`. No signal is emitted afterwards; the socket
    // finishes closing on its own and this object deletes itself.
    void close(QWebSocketProtocol::CloseCode code, const QString& reason);

    // Applies the incoming size limits; for sockets about to dial as well as accepted ones.
    static void applyLimits(QWebSocket* socket, const TransportLimits& limits);
    // Sends a close frame and deletes the socket once the peer has closed, or after graceMs.
    // `keeper` becomes the socket's parent so nothing outlives the manager.
    static void closeAndDispose(QWebSocket* socket, QWebSocketProtocol::CloseCode code, const QString& reason,
                                int graceMs, QObject* keeper);

signals:
    void frameReceived(PeerId peer, const QByteArray& frame);
    void misbehaved(PeerId peer, int score, const QString& reason);
    // The link ended without close(): the peer closed it, it was lost, or it broke a hard
    // limit. Emitted once; the object deletes itself afterwards.
    void closed(PeerId peer, const QString& reason);

private:
    bool admit(qsizetype size);
    void onDisconnected();
    void breakOff(int score, const QString& reason, QWebSocketProtocol::CloseCode code);
    void detach(QWebSocketProtocol::CloseCode code, const QString& reason);
    QString endReason() const;

    LinkInfo info_;
    QWebSocket* socket_;
    TransportLimits limits_;
    QElapsedTimer clock_;
    TokenBucket messageBucket_;
    TokenBucket byteBucket_;
    qint64 lastFloodReportMs_ = -1;
    QString socketError_;
    bool closing_ = false;
    double minPingMs_ = -1;
    qint64 lastBlockMs_ = 0;
    QTimer* idleTimer_ = nullptr;  // children of this
    QTimer* pingTimer_ = nullptr;
};

} // namespace pb::net
