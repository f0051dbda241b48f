#include "core/api/ClientPolicy.h"

#include <QMetaEnum>
#include <QNetworkInterface>

#include <cmath>

namespace pb::api {

namespace {

constexpr qint64 kPruneIntervalMs = 60'000;

// Compares every byte whatever the first difference: a token guesser learns nothing from timing.
bool sameSecret(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size()) return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace

ClientPolicy::ClientPolicy(const RestSettings& settings, DeviceRegistry* devices)
    : settings_(settings), devices_(devices),
      guard_(RequestGuard::ownHostNames(settings.listenAll ? QNetworkInterface::allAddresses() : QList<QHostAddress>{},
                                        settings.hostNames),
             settings.corsOrigins)
{
}

ClientRequest ClientPolicy::describe(const QHttpServerRequest& request) const
{
    GuardedRequest headers{QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method())),
                           request.value("Host"), request.value("Origin"), request.value("Content-Type"),
                           request.body().size()};
    headers.method = headers.method.toUpper();
    return {clientAddress(request.remoteAddress(), request.value("X-Forwarded-For"), settings_.trustedProxies),
            request.value("Authorization"), request.url().path(), headers};
}

std::optional<ApiError> ClientPolicy::checkHostAndOrigin(const ClientRequest& request) const
{
    if (auto refused = guard_.checkHost(request.headers.host)) return refused;
    return guard_.checkOrigin(request.headers);
}

std::optional<ApiError> ClientPolicy::admit(const ClientRequest& request, const RouteRules& rules, qint64 nowMs)
{
    if (auto refused = guard_.check(request.headers, rules.body)) return refused;
    if (settings_.requestsPerSecond > 0) {
        // Full buckets of clients gone quiet carry no information: drop them now and then.
        if (nowMs - lastPruneMs_ > kPruneIntervalMs) {
            lastPruneMs_ = nowMs;
            for (auto it = budgets_.begin(); it != budgets_.end();)
                it = it->level(nowMs) >= it->capacity() ? budgets_.erase(it) : std::next(it);
        }
        auto it = budgets_.find(request.remote);
        if (it == budgets_.end())
            it = budgets_.insert(request.remote, net::TokenBucket(settings_.requestsPerSecond, 2 * settings_.requestsPerSecond, nowMs));
        if (!it->charge(1, nowMs)) {
            // Refused requests count too: a client ignoring Retry-After only waits longer.
            const double missing = 1 - it->level(nowMs);
            const int retryAfter = std::max(1, int(std::ceil(missing / settings_.requestsPerSecond)));
            return ApiError{ApiError::TooManyRequests, "rate_limited",
                            QString("more than %1 requests per second from %2; retry in %3 s")
                                .arg(settings_.requestsPerSecond).arg(request.remote.toString()).arg(retryAfter),
                            retryAfter};
        }
    }
    return authorise(request, rules.access);
}

std::optional<ApiError> ClientPolicy::authorise(const ClientRequest& request, Access access) const
{
    if (access == Access::Read) return std::nullopt;
    const QByteArray& authorization = request.authorization;
    if (isOperator(authorization)) return std::nullopt;
    const bool bearer = authorization.startsWith("Bearer ");
    const bool validToken = deviceOf(authorization).has_value();
    if (access == Access::Operator) {
        // From this machine too: a web page in the operator's browser is on this machine.
        if (!bearer)
            return ApiError{ApiError::Unauthorized, "operator_token_required",
                            QString("%1 is for the node's operator: send the token in <datadir>/api.cookie (or the "
                                    "--rest-operator-token-file one) as Authorization: Bearer <token>").arg(request.path.left(200))};
        if (validToken)
            return ApiError{ApiError::Forbidden, "operator_only",
                            QString("%1 is for the node's operator; a paired device's token does not open it").arg(request.path.left(200))};
        return ApiError{ApiError::Unauthorized, "bad_token",
                        "the bearer token is neither the operator's (api.cookie changes at every start: read it again) "
                        "nor a paired device's"};
    }
    // A token that is sent is always checked, from this machine too: a revoked phone reaching
    // the node through a local tunnel or proxy is refused like any other.
    if (bearer && !validToken)
        return ApiError{ApiError::Unauthorized, "bad_token", "the bearer token belongs to no paired device (revoked?); pair again"};
    if (request.remote.isLoopback()) return std::nullopt;
    if (!validToken)
        return ApiError{ApiError::Unauthorized, "token_required",
                        "writes from other machines need a paired device's token: Authorization: Bearer <token>"};
    return std::nullopt;
}

std::optional<PairedDevice> ClientPolicy::deviceOf(const QByteArray& authorization) const
{
    if (!devices_ || !authorization.startsWith("Bearer ")) return std::nullopt;
    return devices_->authenticate(QString::fromLatin1(authorization.mid(7).trimmed()));
}

bool ClientPolicy::isOperator(const QByteArray& authorization) const
{
    if (!authorization.startsWith("Bearer ")) return false;
    const QByteArray token = authorization.mid(7).trimmed();
    bool match = false;
    for (const QByteArray& operatorToken : operatorTokens_) match = sameSecret(token, operatorToken) || match;
    return match;
}

bool ClientPolicy::originAllowed(const QByteArray& origin) const
{
    return !origin.isEmpty() && settings_.corsOrigins.contains(QString::fromLatin1(origin));
}

void ClientPolicy::addCorsHeaders(QHttpServerResponse& response, const QHttpServerRequest& request) const
{
    const QByteArray origin = request.value("Origin");
    if (!originAllowed(origin)) return;
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader("Vary", "Origin");
}

} // namespace pb::api
