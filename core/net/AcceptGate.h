#pragma once
// Admission for one listening TCP server, applied the moment a connection is accepted, before
// any byte is read or a handshake starts: a cap on live connections in total, per address and
// per address group (an IPv4 /24 or IPv6 /64, see NetGroup.h). A refused connection is closed
// at once, costing us one accept() and one close().
//
// It also keeps the listener alive when the process runs out of descriptors: accept() failing
// with EMFILE leaves the connection in the kernel's backlog, so a level-triggered listener
// would wake again at once and spin. On such an error the gate pauses accepting, uses a spare
// descriptor to accept and close the connection at the head of the backlog, and resumes after
// a short delay.
//
// GatedServer<QTcpServer> or GatedServer<QSslServer> put a gate in front of a server; hand the
// server to QHttpServer::bind or take its sockets yourself.
#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

#include <functional>
#include <map>

namespace pb::net {

struct AcceptLimits {
    int maxConnections = 128;   // live accepted connections
    int maxPerAddress = 16;     // from one address
    int maxPerSubnet = 16;      // from one /24 or /64
    int resumeDelayMs = 250;    // after accept() ran out of descriptors
};

class AcceptGate : public QObject {
    Q_OBJECT
public:
    explicit AcceptGate(AcceptLimits limits, QObject* parent = nullptr);
    ~AcceptGate() override;

    const AcceptLimits& limits() const { return limits_; }
    void setLimits(const AcceptLimits& limits) { limits_ = limits; }

    // Called for every accepted socket the gate admitted (e.g. to start deadlines).
    void setOnAccepted(std::function<void(QAbstractSocket*)> onAccepted) { onAccepted_ = std::move(onAccepted); }

    // Pauses and resumes `server` when accept() fails for lack of descriptors.
    void watch(QTcpServer* server);

    // True when the descriptor may proceed; otherwise it has been closed.
    bool admit(qintptr descriptor);
    // Counts `socket` (just created for an admitted descriptor) until it disconnects or dies.
    void track(QAbstractSocket* socket);

    int live() const { return live_; }
    quint64 refused() const { return refused_; }
    quint64 descriptorShortages() const { return shortages_; }

private:
    struct Counted {
        QByteArray address;
        QByteArray subnet;
    };
    void release(QObject* socket);
    void onAcceptError(QTcpServer* server, QAbstractSocket::SocketError error);

    AcceptLimits limits_;
    std::function<void(QAbstractSocket*)> onAccepted_;
    std::map<QObject*, Counted> sockets_;
    std::map<QByteArray, int> perAddress_;
    std::map<QByteArray, int> perSubnet_;
    int live_ = 0;
    quint64 refused_ = 0;
    quint64 shortages_ = 0;
    int spare_ = -1;  // an open descriptor given up to drain the backlog when we run out
};

// A server of type Base (QTcpServer, QSslServer) whose accepted connections pass `gate` first.
template <typename Base>
class GatedServer : public Base {
public:
    GatedServer(AcceptGate* gate, QObject* parent) : Base(parent), gate_(gate) { gate_->watch(this); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!gate_->admit(descriptor)) return;
        Base::incomingConnection(descriptor);
        // The base class made the socket a child of the server; count it until it is gone.
        for (QAbstractSocket* s : this->template findChildren<QAbstractSocket*>(Qt::FindDirectChildrenOnly)) {
            if (s->socketDescriptor() == descriptor) {
                gate_->track(s);
                break;
            }
        }
    }

private:
    AcceptGate* gate_;
};

} // namespace pb::net
