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
    : QObject(parent), m_limits(limits), m_groupKey(QRandomGenerator::system()->generate64())
{
}

ConnectionManager::~ConnectionManager()
{
    // Children are destroyed after our members; make sure none of them can reach us then.
    m_events = nullptr;
    if (m_server)
        m_server->disconnect(this);
    if (m_tcp)
        m_tcp->disconnect(this);
    for (auto& [id, dial] : m_dials)
        delete dial.socket;
    m_dials.clear();
    for (auto& [id, link] : m_links)
        delete link;
    m_links.clear();
}

quint16 ConnectionManager::listen(const QHostAddress& address, quint16 port, QString* error)
{
    if (m_tcp) {
        if (error)
            *error = "already listening";
        return 0;
    }
    // Peers may hold half the descriptors the process can open (DescriptorBudget.h); past that
    // fewer slots, so running out never starves Redis, photos or logs.
    const int share = socketDescriptorShare(0.5);
    if (m_limits.maxInbound + m_limits.maxPendingHandshakes > share) {
        m_limits.maxPendingHandshakes = std::max(1, share / 5);
        m_limits.maxInbound = std::max(0, share - m_limits.maxPendingHandshakes);
        qCWarning(lcTransport) << "the descriptor limit leaves room for" << m_limits.maxInbound << "inbound peers and"
                               << m_limits.maxPendingHandshakes << "handshakes";
    }
    AcceptLimits accept;
    accept.maxConnections = m_limits.maxInbound + m_limits.maxPendingHandshakes;
    accept.maxPerAddress = m_limits.maxPerIp;
    accept.maxPerSubnet = m_limits.maxPerSubnet;
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
    m_gate = gate;
    m_tcp = tcp;
    m_server = new QWebSocketServer(QStringLiteral("photoblocks"), QWebSocketServer::NonSecureMode, this);
    m_server->setHandshakeTimeout(m_limits.connectTimeoutMs);
    connect(m_tcp, &QTcpServer::newConnection, this, [this] {
        while (m_tcp && m_tcp->hasPendingConnections()) {
            QTcpSocket* socket = m_tcp->nextPendingConnection();
            // Owned by the WebSocket server, as when it listens itself: m_tcp may go first.
            socket->setParent(m_server);
            // The WebSocket server bounds only handshakes it accepted itself: ours get a deadline.
            const QString key = handshakeKey(socket->peerAddress(), socket->peerPort());
            m_handshaking[key] = socket;
            QTimer::singleShot(m_limits.connectTimeoutMs, this, [this, key] {
                const auto it = m_handshaking.find(key);
                if (it == m_handshaking.end())
                    return;
                if (it->second)
                    it->second->abort();
                m_handshaking.erase(it);
            });
            m_server->handleConnection(socket);
        }
    });
    connect(m_server, &QWebSocketServer::newConnection, this, &ConnectionManager::acceptPending);
    return m_tcp->serverPort();
}

void ConnectionManager::stopListening()
{
    if (!m_tcp)
        return;
    m_tcp->disconnect(this);
    m_server->disconnect(this);
    m_tcp->close();
    m_server->close();
    // We may be inside one of their signals.
    m_tcp->deleteLater();
    m_server->deleteLater();
    m_gate->deleteLater();
    m_tcp = nullptr;
    m_server = nullptr;
    m_gate = nullptr;
}

QString ConnectionManager::refusalFor(const QHostAddress& address, const QString& path) const
{
    if (path != QLatin1StringView(kWebSocketPath))
        return QString("unknown resource %1, expected %2").arg(path, QLatin1StringView(kWebSocketPath));
    if (m_admit && !m_admit(address))
        return "address refused";
    const QByteArray subnet = netGroup(address, true);
    int fromAddress = 0;
    int fromSubnet = 0;
    for (const auto& [id, link] : m_links) {
        if (link->info().direction != Direction::Inbound)
            continue;
        fromAddress += link->info().address == address;
        fromSubnet += netGroup(link->info().address, true) == subnet;
    }
    if (fromAddress >= m_limits.maxPerIp)
        return QString("too many connections from one address (%1)").arg(m_limits.maxPerIp);
    if (fromSubnet >= m_limits.maxPerSubnet)
        return QString("too many connections from one subnet (%1)").arg(m_limits.maxPerSubnet);
    return {};
}

bool ConnectionManager::evictForNewInbound()
{
    std::vector<EvictionCandidate> candidates;
    int inbound = 0;
    for (const auto& [id, link] : m_links) {
        if (link->info().direction != Direction::Inbound)
            continue;
        ++inbound;
        candidates.push_back({id, netGroup(link->info().address, true), link->info().connectedAtMs,
                              link->lastBlockMs(), link->minPingMs()});
    }
    if (inbound < m_limits.maxInbound)
        return true;
    if (!m_limits.evictWhenFull)
        return false;
    const auto victim = selectInboundToEvict(std::move(candidates), m_groupKey);
    if (!victim)
        return false;
    qCDebug(lcTransport) << "evicting inbound peer" << *victim << "for a new one";
    disconnect(*victim, "evicted: inbound slots are full and a new peer took this one");
    return true;
}

void ConnectionManager::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QWebSocket* socket = m_server->nextPendingConnection();
        m_handshaking.erase(handshakeKey(socket->peerAddress(), socket->peerPort()));
        PeerConnection::applyLimits(socket, m_limits);
        const LinkInfo info = newLinkInfo(0, Direction::Inbound, socket->peerAddress(), socket->peerPort());
        QString refusal = refusalFor(info.address, socket->requestUrl().path());
        if (refusal.isEmpty() && !evictForNewInbound())
            refusal = QString("too many inbound connections (%1)").arg(m_limits.maxInbound);
        if (!refusal.isEmpty()) {
            qCDebug(lcTransport) << "refused" << info.address << info.port << refusal;
            PeerConnection::closeAndDispose(socket, QWebSocketProtocol::CloseCodePolicyViolated, refusal,
                                            m_limits.closeGraceMs, this);
            continue;
        }
        LinkInfo accepted = info;
        accepted.id = m_nextId++;
        adopt(accepted, socket);
        if (m_events)
            m_events->linkOpened(accepted);
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

    const PeerId id = m_nextId++;
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    PeerConnection::applyLimits(socket, m_limits);
    auto* timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [this, id] {
        dialEnded(id, QString("no connection within %1 ms").arg(m_limits.connectTimeoutMs));
    });
    // Direct: Qt may deliver the first frame right after `connected`, in the same read.
    connect(socket, &QWebSocket::connected, this, [this, id] { dialConnected(id); });
    // Queued: these may fire from inside open(), and connectTo must not call back. By the
    // time they run the dial may be settled and its socket gone, so look it up first.
    const auto failed = [this, id] {
        const auto it = m_dials.find(id);
        if (it == m_dials.end())
            return;
        const QString error = it->second.socket->errorString();
        dialEnded(id, error.isEmpty() ? QString("connection closed during the handshake") : error);
    };
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, failed, Qt::QueuedConnection);
    connect(socket, &QWebSocket::disconnected, this, failed, Qt::QueuedConnection);
    m_dials[id] = Dial{host, port, socket, timeout};
    timeout->start(m_limits.connectTimeoutMs);
    socket->open(url);
    return id;
}

void ConnectionManager::dialConnected(PeerId id)
{
    const auto it = m_dials.find(id);
    if (it == m_dials.end())
        return;
    const Dial dial = it->second;
    m_dials.erase(it);
    dial.socket->disconnect(this);
    delete dial.timeout;
    // LinkInfo.port is the port we dialled: the one the peer listens on.
    const LinkInfo info = newLinkInfo(id, Direction::Outbound, dial.socket->peerAddress(), dial.port);
    adopt(info, dial.socket);
    if (m_events)
        m_events->linkOpened(info);
}

std::optional<ConnectionManager::Dial> ConnectionManager::settleDial(PeerId id)
{
    const auto it = m_dials.find(id);
    if (it == m_dials.end())
        return std::nullopt;
    const Dial dial = it->second;
    m_dials.erase(it);
    dial.socket->disconnect(this);
    dial.socket->abort();
    dial.socket->deleteLater();
    return dial;
}

void ConnectionManager::dialEnded(PeerId id, const QString& reason)
{
    // The second of two failure signals, or one racing the connection, finds nothing.
    const auto dial = settleDial(id);
    if (dial && m_events)
        m_events->dialFailed(dial->host, dial->port, reason);
}

void ConnectionManager::cancelDial(PeerId id, const QString& reason)
{
    const auto dial = settleDial(id);
    if (!dial)
        return;
    QMetaObject::invokeMethod(this, [this, host = dial->host, port = dial->port, reason] {
        if (m_events)
            m_events->dialFailed(host, port, "cancelled: " + reason);
    }, Qt::QueuedConnection);
}

void ConnectionManager::adopt(const LinkInfo& info, QWebSocket* socket)
{
    auto* link = new PeerConnection(info, socket, m_limits, this);
    m_links[info.id] = link;
    connect(link, &PeerConnection::frameReceived, this, [this](PeerId id, const QByteArray& frame) {
        if (m_events)
            m_events->frameReceived(id, frame);
    });
    connect(link, &PeerConnection::misbehaved, this, [this](PeerId id, int score, const QString& reason) {
        if (m_events)
            m_events->linkMisbehaved(id, score, reason);
    });
    connect(link, &PeerConnection::closed, this, [this](PeerId id, const QString& reason) {
        m_links.erase(id);
        if (m_events)
            m_events->linkClosed(id, reason);
    });
}

void ConnectionManager::send(PeerId peer, const QByteArray& frame)
{
    const auto it = m_links.find(peer);
    if (it == m_links.end())
        return;
    switch (it->second->send(frame)) {
    case PeerConnection::SendResult::TooLarge:
        qCWarning(lcTransport) << "not sending a" << frame.size() << "byte frame to peer" << peer
                               << "- above the" << m_limits.maxFrameBytes << "byte limit";
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
    if (m_dials.count(peer)) {
        cancelDial(peer, reason);
        return;
    }
    const auto it = m_links.find(peer);
    if (it == m_links.end())
        return;
    PeerConnection* link = it->second;
    m_links.erase(it);
    link->close(QWebSocketProtocol::CloseCodeNormal, reason);
    QMetaObject::invokeMethod(this, [this, peer, reason] {
        if (m_events)
            m_events->linkClosed(peer, reason);
    }, Qt::QueuedConnection);
}

void ConnectionManager::closeAll(const QString& reason)
{
    std::vector<PeerId> ids;
    for (const auto& [id, dial] : m_dials)
        ids.push_back(id);
    for (const auto& [id, link] : m_links)
        ids.push_back(id);
    for (PeerId id : ids)
        disconnect(id, reason);
}

std::optional<LinkInfo> ConnectionManager::linkInfo(PeerId peer) const
{
    const auto it = m_links.find(peer);
    if (it == m_links.end())
        return std::nullopt;
    return it->second->info();
}

void ConnectionManager::expectReplies(PeerId peer, int messages)
{
    if (const auto it = m_links.find(peer); it != m_links.end())
        it->second->expectReplies(messages);
}

void ConnectionManager::noteBlockRelayed(PeerId peer)
{
    if (const auto it = m_links.find(peer); it != m_links.end())
        it->second->noteBlockRelayed();
}

std::vector<LinkInfo> ConnectionManager::links() const
{
    std::vector<LinkInfo> result;
    result.reserve(m_links.size());
    for (const auto& [id, link] : m_links)
        result.push_back(link->info());
    return result;
}

} // namespace pb::net
