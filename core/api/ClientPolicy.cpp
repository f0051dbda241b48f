#include "core/api/ClientPolicy.h"

#include <cmath>

namespace pb::api {

namespace {

constexpr qint64 kPruneIntervalMs = 60'000;

} // namespace

ClientRequest ClientRequest::from(const QHttpServerRequest& request)
{
    return {request.remoteAddress(), request.value("Authorization"), request.url().path()};
}

std::optional<ApiError> ClientPolicy::admit(const ClientRequest& request, Access access, qint64 nowMs, int* retryAfterSeconds)
{
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
            *retryAfterSeconds = std::max(1, int(std::ceil(missing / settings_.requestsPerSecond)));
            return ApiError{ApiError::TooManyRequests, "rate_limited",
                            QString("more than %1 requests per second from %2; retry in %3 s")
                                .arg(settings_.requestsPerSecond).arg(request.remote.toString()).arg(*retryAfterSeconds)};
        }
    }
    return authorise(request, access);
}

std::optional<ApiError> ClientPolicy::authorise(const ClientRequest& request, Access access) const
{
    if (access == Access::Read) return std::nullopt;
    const QByteArray& authorization = request.authorization;
    // A token that is sent is always checked, from this machine too: a revoked phone reaching
    // the node through a local tunnel or proxy is refused like any other.
    const bool validToken = deviceOf(authorization).has_value();
    if (authorization.startsWith("Bearer ") && !validToken)
        return ApiError{ApiError::Unauthorized, "bad_token", "the bearer token belongs to no paired device (revoked?); pair again"};
    if (request.remote.isLoopback()) return std::nullopt;
    if (access == Access::Admin)
        return ApiError{ApiError::Forbidden, "loopback_only",
                        QString("%1 is for the node's operator: call it from the node's own machine").arg(request.path.left(200))};
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
