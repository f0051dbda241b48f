#pragma once
// The REST server's listening socket with connection limits: an AcceptGate (total and
// per-address caps at accept(), pausing when descriptors run out) and RequestDeadlines (header,
// request and idle deadlines). Bound to a QHttpServer in place of its own listener.
#include "core/api/RequestDeadlines.h"
#include "core/net/AcceptGate.h"

#include <QHostAddress>
#include <QObject>

class QAbstractHttpServer;
class QSslConfiguration;

namespace pb::api {

class RestListener : public QObject {
    Q_OBJECT
public:
    // REST clients hold at most a quarter of the process's socket descriptors, and this many.
    static constexpr int kMaxConnections = 256;
    // A browser opens about six; a phone app a few. At most a quarter of kMaxConnections (or
    // of what the descriptor limit allows). Not per subnet: a LAN's phones share one.
    static constexpr int kMaxPerAddress = 32;

    explicit RestListener(QObject* parent = nullptr);

    // Listens and binds `http` to it; over TLS when `tls` is given. Returns the port or 0.
    quint16 listen(QAbstractHttpServer& http, const QHostAddress& address, quint16 port, const QSslConfiguration* tls);

    const net::AcceptGate& gate() const { return gate_; }
    const RequestDeadlines& deadlines() const { return deadlines_; }

private:
    net::AcceptGate gate_;
    RequestDeadlines deadlines_;
};

} // namespace pb::api
