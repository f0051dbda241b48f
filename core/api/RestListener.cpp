#include "core/api/RestListener.h"

#include "core/util/DescriptorBudget.h"

#include <QAbstractHttpServer>
#include <QSslServer>
#include <QTcpServer>

namespace pb::api {

namespace {

net::AcceptLimits restAcceptLimits()
{
    net::AcceptLimits limits;
    limits.maxConnections = std::min(RestListener::kMaxConnections, socketDescriptorShare(0.25));
    // One address never takes more than a quarter: a flood from it leaves room for others.
    limits.maxPerAddress = std::min(RestListener::kMaxPerAddress, std::max(1, limits.maxConnections / 4));
    limits.maxPerSubnet = limits.maxConnections;
    return limits;
}

} // namespace

RestListener::RestListener(QObject* parent)
    : QObject(parent), gate_(restAcceptLimits()), deadlines_(RequestDeadlineSettings{})
{
    gate_.setOnAccepted([this](QAbstractSocket* socket) { deadlines_.watch(socket); });
}

quint16 RestListener::listen(QAbstractHttpServer& http, const QHostAddress& address, quint16 port,
                             const QSslConfiguration* tls)
{
    QTcpServer* server = nullptr;
    if (tls) {
        auto* ssl = new net::GatedServer<QSslServer>(&gate_, this);
        ssl->setSslConfiguration(*tls);
        server = ssl;
    } else {
        server = new net::GatedServer<QTcpServer>(&gate_, this);
    }
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    http.bind(server);  // reparents it to the HTTP server
    return server->serverPort();
}

} // namespace pb::api
