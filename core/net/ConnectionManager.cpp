#include "core/net/ConnectionManager.h"

#include "core/net/AcceptGate.h"
#include "core/net/InboundEviction.h"
#include "core/net/NetGroup.h"
#include "core/net/PeerConnection.h"
#include "core/util/DescriptorBudget.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

namespace pb::net {

// Debug output (refused connections) only when enabled, e.g. QT_LOGGING_RULES="pb.net.*=true".
Q_LOGGING_CATEGORY(lcTransport, "pb.net.transport", QtInfoMsg)

namespace {

QString handshakeKey(const QHostAddress& address, quint16 port)
{
    return normalizedAddress(address).toString() + ' ' + QString::number(port);
}

LinkInfo newLinkInfo(PeerId id, Direction direction, const QHostAddress& address, quint16 port)
{
    LinkInfo info;
    info.id = id;
    info.direction = direction;
    info.address = normalizedAddress(address);
    info.port = port;
    info.connectedAtMs = QDateTime::currentMSecsSinceEpoch();
    return info;
}

} // namespace

ConnectionManager::ConnectionManager(TransportLimits limits, QObject* parent)
    : QObject(parent), limits_(limits), groupKey_(QRandomGenerator::system()->generate64())
{
}

ConnectionManager::~ConnectionManager()
{
    // Children are destroyed after our members; make sure none of them can reach us then.
    events_ = nullptr;
    if (server_)
        server_->disconnect(this);
    if (tcp_)
        tcp_->disconnect(this);
    for (auto& [id, dial] : dials_)
        delete dial.socket;
    dials_.clear();
    for (auto& [id, link] : links_)
        delete link;
    links_.clear();
}

quint16 ConnectionManager::listen(const QHostAddress& address, quint16 port, QString* error)
{
    if (tcp_) {
        if (error)
            *error = "already listening";
        return 0;
    }
    // Peers may hold half the descriptors the process can open (DescriptorBudget.h); past that
    // fewer slots, so running out never starves Redis, photos or logs.
    const int share = socketDescriptorShare(0.5);
    if (limits_.maxInbound + limits_.maxPendingHandshakes > share) {
        limits_.maxPendingHandshakes = std::max(1, share / 5);
        limits_.maxInbound = std::max(0, share - limits_.maxPendingHandshakes);
        qCWarning(lcTransport) << "the descriptor limit leaves room for" << limits_.maxInbound << "inbound peers and"
                               << limits_.maxPendingHandshakes << "handshakes";
    }
    AcceptLimits accept;
    accept.maxConnections = limits_.maxInbound + limits_.maxPendingHandshakes;
    accept.maxPerAddress = limits_.maxPerIp;
    accept.maxPerSubnet = limits_.maxPerSubnet;
    auto* gate = new AcceptGate(accept, this);
    auto* tcp = new GatedServer<QTcpServer>(gate, this);
    if (!tcp->listen(address, port)) {
        if (error)
            *error = QString("cannot listen on %1 port %2: %3")
                         .arg(address.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        delete gate;
        return 0;
    }
    gate_ = gate;
    tcp_ = tcp;
    server_ = new QWebSocketServer(QStringLiteral("photoblocks"), QWebSocketServer::NonSecureMode, this);
    server_->setHandshakeTimeout(limits_.connectTimeoutMs);
    connect(tcp_, &QTcpServer::newConnection, this, [this] {
        while (tcp_ && tcp_->hasPendingConnections()) {
            QTcpSocket* socket = tcp_->nextPendingConnection();
            // Owned by the WebSocket server, as when it listens itself: tcp_ may go first.
            socket->setParent(server_);
            // The WebSocket server bounds only handshakes it accepted itself: ours get a deadline.
            const QString key = handshakeKey(socket->peerAddress(), socket->peerPort());
            handshaking_[key] = socket;
            QTimer::singleShot(limits_.connectTimeoutMs, this, [this, key] {
                const auto it = handshaking_.find(key);
                if (it == handshaking_.end())
                    return;
                if (it->second)
                    it->second->abort();
                handshaking_.erase(it);
            });
            server_->handleConnection(socket);
        }
    });
    connect(server_, &QWebSocketServer::newConnection, this, &ConnectionManager::acceptPending);
    return tcp_->serverPort();
}

void ConnectionManager::stopListening()
{
    if (!tcp_)
        return;
    tcp_->disconnect(this);
    server_->disconnect(this);
    tcp_->close();
    server_->close();
    // We may be inside one of their signals.
    tcp_->deleteLater();
    server_->deleteLater();
    gate_->deleteLater();
    tcp_ = nullptr;
    server_ = nullptr;
    gate_ = nullptr;
}

QString ConnectionManager::refusalFor(const QHostAddress& address, const QString& path) const
{
    if (path != QLatin1StringView(kWebSocketPath))
        return QString("unknown resource %1, expected %2").arg(path, QLatin1StringView(kWebSocketPath));
    if (admit_ && !admit_(address))
        return "address refused";
    const QByteArray subnet = netGroup(address, true);
    int fromAddress = 0;
    int fromSubnet = 0;
    for (const auto& [id, link] : links_) {
        if (link->info().direction != Direction::Inbound)
            continue;
        fromAddress += link->info().address == address;
        fromSubnet += netGroup(link->info().address, true) == subnet;
    }
    if (fromAddress >= limits_.maxPerIp)
        return QString("too many connections from one address (%1)").arg(limits_.maxPerIp);
    if (fromSubnet >= limits_.maxPerSubnet)
        return QString("too many connections from one subnet (%1)").arg(limits_.maxPerSubnet);
    return {};
}

bool ConnectionManager::evictForNewInbound()
{
    std::vector<EvictionCandidate> candidates;
    int inbound = 0;
    for (const auto& [id, link] : links_) {
        if (link->info().direction != Direction::Inbound)
            continue;
        ++inbound;
        candidates.push_back({id, netGroup(link->info().address, true), link->info().connectedAtMs,
                              link->lastBlockMs(), link->minPingMs()});
    }
    if (inbound < limits_.maxInbound)
        return true;
    if (!limits_.evictWhenFull)
        return false;
    const auto victim = selectInboundToEvict(std::move(candidates), groupKey_);
    if (!victim)
        return false;
    qCDebug(lcTransport) << "evicting inbound peer" << *victim << "for a new one";
    disconnect(*victim, "evicted: inbound slots are full and a new peer took this one");
    return true;
}

void ConnectionManager::acceptPending()
{
    while (server_ && server_->hasPendingConnections()) {
        QWebSocket* socket = server_->nextPendingConnection();
        handshaking_.erase(handshakeKey(socket->peerAddress(), socket->peerPort()));
        PeerConnection::applyLimits(socket, limits_);
        const LinkInfo info = newLinkInfo(0, Direction::Inbound, socket->peerAddress(), socket->peerPort());
        QString refusal = refusalFor(info.address, socket->requestUrl().path());
        if (refusal.isEmpty() && !evictForNewInbound())
            refusal = QString("too many inbound connections (%1)").arg(limits_.maxInbound);
        if (!refusal.isEmpty()) {
            qCDebug(lcTransport) << "refused" << info.address << info.port << refusal;
            PeerConnection::closeAndDispose(socket, QWebSocketProtocol::CloseCodePolicyViolated, refusal,
                                            limits_.closeGraceMs, this);
            continue;
        }
        LinkInfo accepted = info;
        accepted.id = nextId_++;
        adopt(accepted, socket);
        if (events_)
            events_->linkOpened(accepted);
    }
}

PeerId ConnectionManager::connectTo(const QString& host, quint16 port)
{
    if (host.isEmpty() || port == 0 || !dialSlotFree())
        return 0;
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1StringView(kWebSocketPath));
    if (!url.isValid())
        return 0;

    const PeerId id = nextId_++;
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    PeerConnection::applyLimits(socket, limits_);
    auto* timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [this, id] {
        dialEnded(id, QString("no connection within %1 ms").arg(limits_.connectTimeoutMs));
    });
    // Direct: Qt may deliver the first frame right after `connected`, in the same read.
    connect(socket, &QWebSocket::connected, this, [this, id] { dialConnected(id); });
    // Queued: these may fire from inside open(), and connectTo must not call back. By the
    // time they run the dial may be settled and its socket gone, so look it up first.
    const auto failed = [this, id] {
        const auto it = dials_.find(id);
        if (it == dials_.end())
            return;
        const QString error = it->second.socket->errorString();
        dialEnded(id, error.isEmpty() ? QString("connection closed during the handshake") : error);
    };
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, failed, Qt::QueuedConnection);
    connect(socket, &QWebSocket::disconnected, this, failed, Qt::QueuedConnection);
    dials_[id] = Dial{host, port, socket, timeout};
    timeout->start(limits_.connectTimeoutMs);
    socket->open(url);
    return id;
}

void ConnectionManager::dialConnected(PeerId id)
{
    const auto it = dials_.find(id);
    if (it == dials_.end())
        return;
    const Dial dial = it->second;
    dials_.erase(it);
    dial.socket->disconnect(this);
    delete dial.timeout;
    // LinkInfo.port is the port we dialled: the one the peer listens on.
    const LinkInfo info = newLinkInfo(id, Direction::Outbound, dial.socket->peerAddress(), dial.port);
    adopt(info, dial.socket);
    if (events_)
        events_->linkOpened(info);
}

std::optional<ConnectionManager::Dial> ConnectionManager::settleDial(PeerId id)
{
    const auto it = dials_.find(id);
    if (it == dials_.end())
        return std::nullopt;
    const Dial dial = it->second;
    dials_.erase(it);
    dial.socket->disconnect(this);
    dial.socket->abort();
    dial.socket->deleteLater();
    return dial;
}

void ConnectionManager::dialEnded(PeerId id, const QString& reason)
{
    // The second of two failure signals, or one racing the connection, finds nothing.
    const auto dial = settleDial(id);
    if (dial && events_)
        events_->dialFailed(dial->host, dial->port, reason);
}

void ConnectionManager::cancelDial(PeerId id, const QString& reason)
{
    const auto dial = settleDial(id);
    if (!dial)
        return;
    QMetaObject::invokeMethod(this, [this, host = dial->host, port = dial->port, reason] {
        if (events_)
            events_->dialFailed(host, port, "cancelled: " + reason);
    }, Qt::QueuedConnection);
}

void ConnectionManager::adopt(const LinkInfo& info, QWebSocket* socket)
{
    auto* link = new PeerConnection(info, socket, limits_, this);
    links_[info.id] = link;
    connect(link, &PeerConnection::frameReceived, this, [this](PeerId id, const QByteArray& frame) {
        if (events_)
            events_->frameReceived(id, frame);
    });
    connect(link, &PeerConnection::misbehaved, this, [this](PeerId id, int score, const QString& reason) {
        if (events_)
            events_->linkMisbehaved(id, score, reason);
    });
    connect(link, &PeerConnection::closed, this, [this](PeerId id, const QString& reason) {
        links_.erase(id);
        if (events_)
            events_->linkClosed(id, reason);
    });
}

void ConnectionManager::send(PeerId peer, const QByteArray& frame)
{
    const auto it = links_.find(peer);
    if (it == links_.end())
        return;
    switch (it->second->send(frame)) {
    case PeerConnection::SendResult::TooLarge:
        qCWarning(lcTransport) << "not sending a" << frame.size() << "byte frame to peer" << peer
                               << "- above the" << limits_.maxFrameBytes << "byte limit";
        break;
    case PeerConnection::SendResult::Stalled:
        disconnect(peer, "not reading: send buffer full");
        break;
    case PeerConnection::SendResult::Sent:
    case PeerConnection::SendResult::Closed:
        break;
    }
}

void ConnectionManager::disconnect(PeerId peer, const QString& reason)
{
    if (dials_.count(peer)) {
        cancelDial(peer, reason);
        return;
    }
    const auto it = links_.find(peer);
    if (it == links_.end())
        return;
    PeerConnection* link = it->second;
    links_.erase(it);
    link->close(QWebSocketProtocol::CloseCodeNormal, reason);
    QMetaObject::invokeMethod(this, [this, peer, reason] {
        if (events_)
            events_->linkClosed(peer, reason);
    }, Qt::QueuedConnection);
}

void ConnectionManager::closeAll(const QString& reason)
{
    std::vector<PeerId> ids;
    for (const auto& [id, dial] : dials_)
        ids.push_back(id);
    for (const auto& [id, link] : links_)
        ids.push_back(id);
    for (PeerId id : ids)
        disconnect(id, reason);
}

std::optional<LinkInfo> ConnectionManager::linkInfo(PeerId peer) const
{
    const auto it = links_.find(peer);
    if (it == links_.end())
        return std::nullopt;
    return it->second->info();
}

void ConnectionManager::expectReplies(PeerId peer, int messages)
{
    if (const auto it = links_.find(peer); it != links_.end())
        it->second->expectReplies(messages);
}

void ConnectionManager::noteBlockRelayed(PeerId peer)
{
    if (const auto it = links_.find(peer); it != links_.end())
        it->second->noteBlockRelayed();
}

std::vector<LinkInfo> ConnectionManager::links() const
{
    std::vector<LinkInfo> result;
    result.reserve(links_.size());
    for (const auto& [id, link] : links_)
        result.push_back(link->info());
    return result;
}

} // namespace pb::net
