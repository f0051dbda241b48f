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
    : QObject(parent), m_info(info), m_socket(socket), m_limits(limits),
      m_messageBucket(limits.messagesPerSecond, limits.messagesPerSecond, 0),
      // A bucket smaller than one maximal message would refuse it even from an idle peer.
      m_byteBucket(limits.bytesPerSecond, std::max(limits.bytesPerSecond, double(limits.maxFrameBytes)), 0)
{
    m_clock.start();
    m_socket->setParent(this);
    applyLimits(m_socket, m_limits);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& message) {
        if (admit(message.size()))
            emit frameReceived(m_info.id, message);
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& message) {
        if (admit(message.toUtf8().size()))
            emit misbehaved(m_info.id, m_limits.textFrameScore, "sent a text message; the protocol is binary");
    });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) { m_socketError = m_socket->errorString(); });
    connect(m_socket, &QWebSocket::disconnected, this, &PeerConnection::onDisconnected);
    connect(m_socket, &QWebSocket::pong, this, [this](quint64 elapsedMs, const QByteArray&) {
        if (m_minPingMs < 0 || double(elapsedMs) < m_minPingMs)
            m_minPingMs = double(elapsedMs);
    });
    if (m_limits.idleTimeoutMs > 0) {
        m_idleTimer = new QTimer(this);
        m_idleTimer->setSingleShot(true);
        connect(m_idleTimer, &QTimer::timeout, this, [this] {
            if (m_closing)
                return;
            const QString reason = QString("idle: nothing received for %1 s").arg(m_limits.idleTimeoutMs / 1000);
            detach(QWebSocketProtocol::CloseCodeGoingAway, reason);
            emit closed(m_info.id, reason);
        });
        m_idleTimer->start(m_limits.idleTimeoutMs);
    }
    if (m_limits.pingIntervalMs > 0) {
        m_pingTimer = new QTimer(this);
        connect(m_pingTimer, &QTimer::timeout, this, [this] {
            if (!m_closing)
                m_socket->ping();
        });
        m_pingTimer->start(m_limits.pingIntervalMs);
        // A first measurement right away, so a new peer can earn protection early.
        QTimer::singleShot(0, this, [this] {
            if (!m_closing)
                m_socket->ping();
        });
    }
}

void PeerConnection::noteBlockRelayed()
{
    m_lastBlockMs = QDateTime::currentMSecsSinceEpoch();
}

void PeerConnection::expectReplies(int messages)
{
    m_messageBucket.prepay(messages, m_limits.maxPrepaidReplies);
    m_byteBucket.prepay(double(messages) * double(m_limits.maxFrameBytes),
                        double(m_limits.maxPrepaidReplies) * double(m_limits.maxFrameBytes));
}

PeerConnection::~PeerConnection()
{
    // The socket is our child and may emit while being destroyed; we are no longer listening.
    if (m_socket)
        m_socket->disconnect(this);
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
    if (m_closing)
        return SendResult::Closed;
    if (frame.size() > m_limits.maxFrameBytes)
        return SendResult::TooLarge;
    if (m_socket->bytesToWrite() + frame.size() > m_limits.maxSendBufferBytes)
        return SendResult::Stalled;
    m_socket->sendBinaryMessage(frame);
    ++m_info.messagesOut;
    m_info.bytesOut += quint64(frame.size());
    return SendResult::Sent;
}

bool PeerConnection::admit(qsizetype size)
{
    if (m_closing)
        return false;
    ++m_info.messagesIn;
    m_info.bytesIn += quint64(size);
    if (m_idleTimer && !m_closing)
        m_idleTimer->start(m_limits.idleTimeoutMs);
    // Qt enforces the same limit before buffering; this guards against it being lifted.
    if (size > m_limits.maxFrameBytes) {
        breakOff(m_limits.violationScore,
                 QString("sent a %1-byte message, above the %2-byte limit").arg(size).arg(m_limits.maxFrameBytes),
                 QWebSocketProtocol::CloseCodeTooMuchData);
        return false;
    }
    const qint64 now = m_limits.clockMs ? m_limits.clockMs() : m_clock.elapsed();
    const bool messageCovered = m_messageBucket.charge(1, now);
    const bool bytesCovered = m_byteBucket.charge(double(size), now);
    if (messageCovered && bytesCovered)
        return true;

    const auto allowance = [this](bool messages) {
        return messages ? QString("%1 messages/s").arg(QString::number(m_limits.messagesPerSecond, 'f', 0))
                        : QString("%1 bytes/s").arg(QString::number(m_limits.bytesPerSecond, 'f', 0));
    };
    // Debt of (factor - 1) buckets means the peer sent `factor` times its allowance.
    const double debtFactor = m_limits.floodDisconnectFactor - 1;
    const bool messageDebt = m_messageBucket.level(now) < -debtFactor * m_messageBucket.capacity();
    const bool byteDebt = m_byteBucket.level(now) < -debtFactor * m_byteBucket.capacity();
    if (messageDebt || byteDebt) {
        breakOff(m_limits.floodScore,
                 QString("flooding: sent %1 times the allowance of %2")
                     .arg(QString::number(m_limits.floodDisconnectFactor), allowance(messageDebt)),
                 QWebSocketProtocol::CloseCodePolicyViolated);
    } else if (m_lastFloodReportMs < 0 || now - m_lastFloodReportMs >= kFloodReportIntervalMs) {
        m_lastFloodReportMs = now;
        emit misbehaved(m_info.id, m_limits.floodScore,
                        QString("over the allowance of %1; messages dropped").arg(allowance(!messageCovered)));
    }
    return false;
}

void PeerConnection::breakOff(int score, const QString& reason, QWebSocketProtocol::CloseCode code)
{
    emit misbehaved(m_info.id, score, reason);
    // The protocol may have closed the link from its misbehaviour handler.
    if (m_closing)
        return;
    detach(code, reason);
    emit closed(m_info.id, reason);
}

void PeerConnection::close(QWebSocketProtocol::CloseCode code, const QString& reason)
{
    if (!m_closing)
        detach(code, reason);
}

void PeerConnection::detach(QWebSocketProtocol::CloseCode code, const QString& reason)
{
    m_closing = true;
    // Stopped, not deleted: detach may run from the idle timer's own signal.
    for (QTimer* timer : {m_idleTimer, m_pingTimer})
        if (timer)
            timer->stop();
    m_socket->disconnect(this);
    QWebSocket* socket = m_socket;
    m_socket = nullptr;
    closeAndDispose(socket, code, reason, m_limits.closeGraceMs, parent());
    deleteLater();
}

QString PeerConnection::endReason() const
{
    const auto code = m_socket->closeCode();
    const QString reason = m_socket->closeReason();
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
    if (!m_socketError.isEmpty())
        return "connection lost: " + m_socketError;
    return "closed by peer";
}

void PeerConnection::onDisconnected()
{
    const auto code = m_socket->closeCode();
    const QString reason = endReason();
    m_closing = true;
    if (code == QWebSocketProtocol::CloseCodeTooMuchData || code == QWebSocketProtocol::CloseCodeProtocolError
        || code == QWebSocketProtocol::CloseCodeWrongDatatype)
        emit misbehaved(m_info.id, m_limits.violationScore, reason);
    emit closed(m_info.id, reason);
    deleteLater();
}

} // namespace pb::net
