#pragma once
// The checks every request passes before a route looks at it, as pure functions of its headers.
// A web page in the operator's browser is a stranger: it must not read the API by rebinding its
// own name to 127.0.0.1 (the Host check), nor change anything with a cross-site fetch or form
// (the Origin and Content-Type checks). Refusals are typed ApiErrors; RestServer makes them HTTP.
#include "core/api/ApiError.h"

#include <QHostAddress>
#include <QList>
#include <optional>

namespace pb::api {

// What a route reads from a request body; anything else is refused with 415 before it runs.
enum class BodyKind {
    Json,             // application/json only (the default: a simple cross-site form cannot send it)
    JsonOrMultipart,  // also multipart/form-data (the mining job upload)
};

// The headers the guard looks at.
struct GuardedRequest {
    QByteArray method = "GET";  // "GET", "POST", …
    QByteArray host;            // the Host header
    QByteArray origin;          // the Origin header, empty when none was sent
    QByteArray contentType;     // the Content-Type header
    qsizetype bodySize = 0;
};

class RequestGuard {
public:
    // hostNames: every name a client may put in Host, normalised by hostName(); corsOrigins:
    // the web origins (besides the node's own) allowed to change things.
    RequestGuard(QStringList hostNames, QStringList corsOrigins)
        : hostNames_(std::move(hostNames)), corsOrigins_(std::move(corsOrigins)) {}

    // localhost, 127.0.0.1 and [::1]; each listen address (`listenAddresses`: every interface's
    // when the API listens on all); and the names given with --rest-host.
    static QStringList ownHostNames(const QList<QHostAddress>& listenAddresses, const QStringList& extraNames);
    // "Photos.Example.:443" -> "photos.example", "[::1]:80" -> "[::1]", "::1" -> "[::1]": what Host
    // and --rest-host are compared as. Empty for a malformed value.
    static QString hostName(const QString& hostAndPort);

    // Host, then Origin, then Content-Type: nullopt when the request may go on to its route.
    std::optional<ApiError> check(const GuardedRequest& request, BodyKind body) const;
    // 421 host_not_allowed unless Host names this node.
    std::optional<ApiError> checkHost(const QByteArray& host) const;
    // 403 origin_not_allowed for a state-changing request from a foreign web page. The node's
    // own origin is the one whose host[:port] equals the Host header (any scheme: behind an HTTPS
    // proxy the browser says https while the node is reached over http).
    std::optional<ApiError> checkOrigin(const GuardedRequest& request) const;
    // 415 unsupported_media_type for a state-changing request with a body in another type.
    std::optional<ApiError> checkContentType(const GuardedRequest& request, BodyKind body) const;

    static bool changesState(const QByteArray& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

private:
    const QStringList hostNames_;
    const QStringList corsOrigins_;
};

// The address a request comes from: the connection's peer, or, when the peer is one of the
// configured reverse proxies, the last address in the X-Forwarded-For it sent (the one that proxy
// saw). Without configured proxies X-Forwarded-For is ignored: any client can write it.
QHostAddress clientAddress(const QHostAddress& peer, const QByteArray& forwardedFor, const QList<QHostAddress>& trustedProxies);

} // namespace pb::api
