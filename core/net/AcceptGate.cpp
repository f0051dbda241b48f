#include "core/net/AcceptGate.h"

#include "core/net/NetGroup.h"

#include <QAbstractSocket>
#include <QLoggingCategory>
#include <QTimer>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pb::net {

Q_LOGGING_CATEGORY(lcAccept, "pb.net.accept", QtInfoMsg)

namespace {

QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr*>(&storage), &length) != 0) return {};
    return normalizedAddress(QHostAddress(reinterpret_cast<const sockaddr*>(&storage)));
}

int openSpare() { return ::open("/dev/null", O_RDONLY | O_CLOEXEC); }

int countOf(const std::map<QByteArray, int>& counts, const QByteArray& key)
{
    const auto it = counts.find(key);
    return it == counts.end() ? 0 : it->second;
}

} // namespace

AcceptGate::AcceptGate(AcceptLimits limits, QObject* parent) : QObject(parent), limits_(limits), spare_(openSpare()) {}

AcceptGate::~AcceptGate()
{
    for (auto& [socket, counted] : sockets_) socket->disconnect(this);
    if (spare_ >= 0) ::close(spare_);
}

void AcceptGate::watch(QTcpServer* server)
{
    connect(server, &QTcpServer::acceptError, this,
            [this, server](QAbstractSocket::SocketError error) { onAcceptError(server, error); });
}

void AcceptGate::onAcceptError(QTcpServer* server, QAbstractSocket::SocketError error)
{
    if (error != QAbstractSocket::SocketResourceError) return;
    ++shortages_;
    if (shortages_ == 1 || shortages_ % 1000 == 0)
        qCWarning(lcAccept) << "out of descriptors accepting on port" << server->serverPort() << "- pausing"
                            << limits_.resumeDelayMs << "ms (" << shortages_ << "times so far)";
    server->pauseAccepting();
    // Give the spare back to accept the connection at the head of the backlog and drop it, so
    // the peer learns at once rather than waiting in a queue we cannot serve.
    if (spare_ >= 0) {
        ::close(spare_);
        const int drained = ::accept4(int(server->socketDescriptor()), nullptr, nullptr, SOCK_CLOEXEC);
        if (drained >= 0) ::close(drained);
        spare_ = openSpare();
    }
    QTimer::singleShot(limits_.resumeDelayMs, server, [server] { server->resumeAccepting(); });
}

bool AcceptGate::admit(qintptr descriptor)
{
    const QHostAddress peer = peerOf(descriptor);
    const QByteArray address = netGroup(peer, false);
    const QByteArray subnet = netGroup(peer, true);
    const char* refusal = nullptr;
    if (address.isEmpty()) refusal = "no peer address";
    else if (live_ >= limits_.maxConnections) refusal = "all connections taken";
    else if (countOf(perAddress_, address) >= limits_.maxPerAddress) refusal = "too many from the address";
    else if (countOf(perSubnet_, subnet) >= limits_.maxPerSubnet) refusal = "too many from the subnet";
    if (!refusal) return true;
    ++refused_;
    qCDebug(lcAccept) << "closing" << peer << "at accept:" << refusal;
    // A plain close (FIN), not a reset: Qt's own client retries connect() in a tight loop
    // when the reset arrives before it saw the connection complete.
    ::close(int(descriptor));
    return false;
}

void AcceptGate::track(QAbstractSocket* socket)
{
    const QHostAddress peer = normalizedAddress(socket->peerAddress());
    Counted counted{netGroup(peer, false), netGroup(peer, true)};
    ++perAddress_[counted.address];
    ++perSubnet_[counted.subnet];
    ++live_;
    sockets_[socket] = counted;
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { release(socket); });
    connect(socket, &QObject::destroyed, this, [this](QObject* gone) { release(gone); });
    if (onAccepted_) onAccepted_(socket);
}

void AcceptGate::release(QObject* socket)
{
    const auto it = sockets_.find(socket);
    if (it == sockets_.end()) return;
    const auto drop = [](std::map<QByteArray, int>& counts, const QByteArray& key) {
        if (--counts[key] <= 0) counts.erase(key);
    };
    drop(perAddress_, it->second.address);
    drop(perSubnet_, it->second.subnet);
    --live_;
    sockets_.erase(it);
}

} // namespace pb::net
