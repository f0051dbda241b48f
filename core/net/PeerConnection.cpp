#include "core/net/PeerConnection.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace pb::net {

namespace {

constexpr qint64 kFloodReportIntervalMs = 1000;

} // namespace

PeerConnection::PeerConnection(const LinkInfo& info, QWebSocket* socket, const TransportLimits& limits,
                               QObject* parent)
    : QObject(parent), info_(info), socket_(socket), limits_(limits),
      messageBucket_(limits.messagesPerSecond, limits.messagesPerSecond, 0),
      // A bucket smaller than one maximal message would refuse it even from an idle peer.
      byteBucket_(limits.bytesPerSecond, std::max(limits.bytesPerSecond, double(limits.maxFrameBytes)), 0)
{
    clock_.start();
    socket_->setParent(this);
    applyLimits(socket_, limits_);
    connect(socket_, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& message) {
        if (admit(message.size()))
            emit frameReceived(info_.id, message);
    });
    connect(socket_, &QWebSocket::textMessageReceived, this, [this](const QString& message) {
        if (admit(message.toUtf8().size()))
            emit misbehaved(info_.id, limits_.textFrameScore, "sent a text message; the protocol is binary");
    });
    connect(socket_, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) { socketError_ = socket_->errorString(); });
    connect(socket_, &QWebSocket::disconnected, this, &PeerConnection::onDisconnected);
    connect(socket_, &QWebSocket::pong, this, [this](quint64 elapsedMs, const QByteArray&) {
        if (minPingMs_ < 0 || double(elapsedMs) < minPingMs_)
            minPingMs_ = double(elapsedMs);
    });
    if (limits_.idleTimeoutMs > 0) {
        idleTimer_ = new QTimer(this);
        idleTimer_->setSingleShot(true);
        connect(idleTimer_, &QTimer::timeout, this, [this] {
            if (closing_)
                return;
            const QString reason = QString("idle: nothing received for %1 s").arg(limits_.idleTimeoutMs / 1000);
            detach(QWebSocketProtocol::CloseCodeGoingAway, reason);
            emit closed(info_.id, reason);
        });
        idleTimer_->start(limits_.idleTimeoutMs);
    }
    if (limits_.pingIntervalMs > 0) {
        pingTimer_ = new QTimer(this);
        connect(pingTimer_, &QTimer::timeout, this, [this] {
            if (!closing_)
                socket_->ping();
        });
        pingTimer_->start(limits_.pingIntervalMs);
        // A first measurement right away, so a new peer can earn protection early.
        QTimer::singleShot(0, this, [this] {
            if (!closing_)
                socket_->ping();
        });
    }
}

void PeerConnection::noteBlockRelayed()
{
    lastBlockMs_ = QDateTime::currentMSecsSinceEpoch();
}

void PeerConnection::expectReplies(int messages)
{
    messageBucket_.prepay(messages, limits_.maxPrepaidReplies);
    byteBucket_.prepay(double(messages) * double(limits_.maxFrameBytes),
                        double(limits_.maxPrepaidReplies) * double(limits_.maxFrameBytes));
}

PeerConnection::~PeerConnection()
{
    // The socket is our child and may emit while being destroyed; we are no longer listening.
    if (socket_)
        socket_->disconnect(this);
}

void PeerConnection::applyLimits(QWebSocket* socket, const TransportLimits& limits)
{
    socket->setMaxAllowedIncomingFrameSize(quint64(limits.maxFrameBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(limits.maxFrameBytes));
}

void PeerConnection::closeAndDispose(QWebSocket* socket, QWebSocketProtocol::CloseCode code, const QString& reason,
                                     int graceMs, QObject* keeper)
{
    socket->setParent(keeper);
    if (socket->state() == QAbstractSocket::UnconnectedState) {
        socket->deleteLater();
        return;
    }
    // Connected before close(), which may disconnect synchronously.
    QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(graceMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->close(code, reason);
}

PeerConnection::SendResult PeerConnection::send(const QByteArray& frame)
{
    if (closing_)
        return SendResult::Closed;
    if (frame.size() > limits_.maxFrameBytes)
        return SendResult::TooLarge;
    if (socket_->bytesToWrite() + frame.size() > limits_.maxSendBufferBytes)
        return SendResult::Stalled;
    socket_->sendBinaryMessage(frame);
    ++info_.messagesOut;
    info_.bytesOut += quint64(frame.size());
    return SendResult::Sent;
}

bool PeerConnection::admit(qsizetype size)
{
    if (closing_)
        return false;
    ++info_.messagesIn;
    info_.bytesIn += quint64(size);
    if (idleTimer_ && !closing_)
        idleTimer_->start(limits_.idleTimeoutMs);
    // Qt enforces the same limit before buffering; this guards against it being lifted.
    if (size > limits_.maxFrameBytes) {
        breakOff(limits_.violationScore,
                 QString("sent a %1-byte message, above the %2-byte limit").arg(size).arg(limits_.maxFrameBytes),
                 QWebSocketProtocol::CloseCodeTooMuchData);
        return false;
    }
    const qint64 now = limits_.clockMs ? limits_.clockMs() : clock_.elapsed();
    const bool messageCovered = messageBucket_.charge(1, now);
    const bool bytesCovered = byteBucket_.charge(double(size), now);
    if (messageCovered && bytesCovered)
        return true;

    const auto allowance = [this](bool messages) {
        return messages ? QString("%1 messages/s").arg(QString::number(limits_.messagesPerSecond, 'f', 0))
                        : QString("%1 bytes/s").arg(QString::number(limits_.bytesPerSecond, 'f', 0));
    };
    // Debt of (factor - 1) buckets means the peer sent `factor` times its allowance.
    const double debtFactor = limits_.floodDisconnectFactor - 1;
    const bool messageDebt = messageBucket_.level(now) < -debtFactor * messageBucket_.capacity();
    const bool byteDebt = byteBucket_.level(now) < -debtFactor * byteBucket_.capacity();
    if (messageDebt || byteDebt) {
        breakOff(limits_.floodScore,
                 QString("flooding: sent %1 times the allowance of %2")
                     .arg(QString::number(limits_.floodDisconnectFactor), allowance(messageDebt)),
                 QWebSocketProtocol::CloseCodePolicyViolated);
    } else if (lastFloodReportMs_ < 0 || now - lastFloodReportMs_ >= kFloodReportIntervalMs) {
        lastFloodReportMs_ = now;
        emit misbehaved(info_.id, limits_.floodScore,
                        QString("over the allowance of %1; messages dropped").arg(allowance(!messageCovered)));
    }
    return false;
}

void PeerConnection::breakOff(int score, const QString& reason, QWebSocketProtocol::CloseCode code)
{
    emit misbehaved(info_.id, score, reason);
    // The protocol may have closed the link from its misbehaviour handler.
    if (closing_)
        return;
    detach(code, reason);
    emit closed(info_.id, reason);
}

void PeerConnection::close(QWebSocketProtocol::CloseCode code, const QString& reason)
{
    if (!closing_)
        detach(code, reason);
}

void PeerConnection::detach(QWebSocketProtocol::CloseCode code, const QString& reason)
{
    closing_ = true;
    // Stopped, not deleted: detach may run from the idle timer's own signal.
    for (QTimer* timer : {idleTimer_, pingTimer_})
        if (timer)
            timer->stop();
    socket_->disconnect(this);
    QWebSocket* socket = socket_;
    socket_ = nullptr;
    closeAndDispose(socket, code, reason, limits_.closeGraceMs, parent());
    deleteLater();
}

QString PeerConnection::endReason() const
{
    const auto code = socket_->closeCode();
    const QString reason = socket_->closeReason();
    switch (code) {
    // Qt closes with these itself when the peer breaks WebSocket rules (oversized message,
    // bad framing, invalid UTF-8); a peer saying the same about us looks identical, but we
    // never send above the shared limit.
    case QWebSocketProtocol::CloseCodeTooMuchData:
    case QWebSocketProtocol::CloseCodeProtocolError:
    case QWebSocketProtocol::CloseCodeWrongDatatype:
        return QString("WebSocket violation (code %1: %2)").arg(int(code)).arg(reason);
    default:
        break;
    }
    if (!reason.isEmpty())
        return "closed by peer: " + reason;
    if (code != QWebSocketProtocol::CloseCodeNormal)
        return QString("closed by peer (code %1)").arg(int(code));
    if (!socketError_.isEmpty())
        return "connection lost: " + socketError_;
    return "closed by peer";
}

void PeerConnection::onDisconnected()
{
    const auto code = socket_->closeCode();
    const QString reason = endReason();
    closing_ = true;
    if (code == QWebSocketProtocol::CloseCodeTooMuchData || code == QWebSocketProtocol::CloseCodeProtocolError
        || code == QWebSocketProtocol::CloseCodeWrongDatatype)
        emit misbehaved(info_.id, limits_.violationScore, reason);
    emit closed(info_.id, reason);
    deleteLater();
}

} // namespace pb::net
