#pragma once
// Who may call what, and how often. Every request first passes the RequestGuard (Host, Origin,
// Content-Type). Reads are then open to every client that can reach the server; writes need a
// paired device's bearer token unless they come from this machine; operator routes (peers,
// bans, pairing, devices, mining control) need the operator token (the cookie or the fixed
// token) from every address, loopback too. Every client address has its own request budget,
// and browsers get CORS headers for configured origins.
#include "core/api/ApiError.h"
#include "core/api/DeviceRegistry.h"
#include "core/api/RequestGuard.h"
#include "core/api/RestSettings.h"
#include "core/net/TokenBucket.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <QHash>

namespace pb::api {

enum class Access { Read, Write, Operator };

// What a route of RestServer's table demands before its handler runs.
struct RouteRules {
    RouteRules(Access a, BodyKind b = BodyKind::Json) : access(a), body(b) {}  // NOLINT: an Access alone is a rule
    Access access;
    BodyKind body;
};

// What the policy looks at in a request.
struct ClientRequest {
    QHostAddress remote;       // the client: the peer, or the address a configured proxy forwarded
    QByteArray authorization;  // the Authorization header
    QString path;
    GuardedRequest headers;    // method, Host, Origin, Content-Type, body size
};

class ClientPolicy {
public:
    ClientPolicy(const RestSettings& settings, DeviceRegistry* devices);

    ClientRequest describe(const QHttpServerRequest& request) const;
    // Nullopt when the request may go ahead; otherwise 421, 415, 403, 429 (with Retry-After) or 401.
    std::optional<ApiError> admit(const ClientRequest& request, const RouteRules& rules, qint64 nowMs);
    // The Host and Origin checks alone, for answers outside the route table (404, 405, preflight).
    std::optional<ApiError> checkHostAndOrigin(const ClientRequest& request) const;
    // The tokens that open operator routes; none until set (then no request is an operator's).
    void setOperatorTokens(const QList<QByteArray>& tokens) { operatorTokens_ = tokens; }

    // Adds Access-Control-Allow-Origin (and Vary) when the request's Origin is configured.
    void addCorsHeaders(QHttpServerResponse& response, const QHttpServerRequest& request) const;
    bool originAllowed(const QByteArray& origin) const;
    // The paired device whose token an Authorization header carries ("Bearer <token>").
    std::optional<PairedDevice> deviceOf(const QByteArray& authorization) const;
    bool isOperator(const QByteArray& authorization) const;

private:
    std::optional<ApiError> authorise(const ClientRequest& request, Access access) const;

    const RestSettings settings_;
    DeviceRegistry* devices_;
    RequestGuard guard_;
    QList<QByteArray> operatorTokens_;
    QHash<QHostAddress, net::TokenBucket> budgets_;  // by client address
    qint64 lastPruneMs_ = 0;
};

} // namespace pb::api
