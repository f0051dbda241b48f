#pragma once
// Who may call what, and how often. Reads are open to every client that can reach the server;
// writes need a paired device's bearer token unless they come from this machine (the
// operator); admin routes (peers, bans, pairing) answer loopback clients only. Every client
// address has its own request budget, and browsers get CORS headers for configured origins.
#include "core/api/ApiError.h"
#include "core/api/DeviceRegistry.h"
#include "core/api/RestSettings.h"
#include "core/net/TokenBucket.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <QHash>

namespace pb::api {

enum class Access { Read, Write, Admin };

// What the policy looks at in a request.
struct ClientRequest {
    QHostAddress remote;
    QByteArray authorization;  // the Authorization header
    QString path;
    static ClientRequest from(const QHttpServerRequest& request);
};

class ClientPolicy {
public:
    ClientPolicy(const RestSettings& settings, DeviceRegistry* devices) : settings_(settings), devices_(devices) {}

    // Nullopt when the request may go ahead; otherwise 429 (with *retryAfterSeconds), 401 or 403.
    std::optional<ApiError> admit(const ClientRequest& request, Access access, qint64 nowMs, int* retryAfterSeconds);
    // Adds Access-Control-Allow-Origin (and Vary) when the request's Origin is configured.
    void addCorsHeaders(QHttpServerResponse& response, const QHttpServerRequest& request) const;
    bool originAllowed(const QByteArray& origin) const;
    // The paired device whose token an Authorization header carries ("Bearer <token>").
    std::optional<PairedDevice> deviceOf(const QByteArray& authorization) const;

private:
    std::optional<ApiError> authorise(const ClientRequest& request, Access access) const;

    const RestSettings settings_;
    DeviceRegistry* devices_;
    QHash<QHostAddress, net::TokenBucket> budgets_;  // by client address
    qint64 lastPruneMs_ = 0;
};

} // namespace pb::api
