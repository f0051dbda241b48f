#include "core/api/RequestGuard.h"

namespace pb::api {

namespace {

QString addressName(const QHostAddress& address)
{
    QHostAddress plain = address;
    plain.setScopeId({});  // fe80::1%eth0: browsers send no zone in Host
    if (plain.protocol() == QAbstractSocket::IPv6Protocol) {
        bool isV4 = false;
        const quint32 v4 = plain.toIPv4Address(&isV4);  // ::ffff:192.0.2.1 is 192.0.2.1
        if (isV4) return QHostAddress(v4).toString();
        return "[" + plain.toString() + "]";
    }
    return plain.toString();
}

QByteArray mediaType(const QByteArray& contentType) { return contentType.split(';').first().trimmed().toLower(); }

} // namespace

QString RequestGuard::hostName(const QString& hostAndPort)
{
    QString host = hostAndPort.trimmed().toLower();
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        if (close < 0) return {};
        const QString rest = host.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(':')) return {};
        host = host.left(close + 1);
    } else if (host.count(':') == 1) {
        host = host.left(host.indexOf(':'));
    } else if (host.count(':') > 1) {
        const QHostAddress v6(host);  // a bare IPv6 address, as --rest-host may give it
        return v6.isNull() ? QString() : addressName(v6);
    }
    if (host.endsWith('.')) host.chop(1);
    if (host.isEmpty() || host.contains('/') || host.contains('@') || host.contains(' ')) return {};
    if (host.startsWith('[')) {
        const QHostAddress v6(host.mid(1, host.size() - 2));
        return v6.isNull() ? QString() : addressName(v6);
    }
    return host;
}

QStringList RequestGuard::ownHostNames(const QList<QHostAddress>& listenAddresses, const QStringList& extraNames)
{
    QStringList names{"localhost", "127.0.0.1", "[::1]"};
    for (const QHostAddress& address : listenAddresses) names.append(addressName(address));
    for (const QString& name : extraNames) names.append(hostName(name));
    names.removeAll(QString());
    names.removeDuplicates();
    return names;
}

std::optional<ApiError> RequestGuard::check(const GuardedRequest& request, BodyKind body) const
{
    if (auto refused = checkHost(request.host)) return refused;
    if (auto refused = checkOrigin(request)) return refused;
    return checkContentType(request, body);
}

std::optional<ApiError> RequestGuard::checkHost(const QByteArray& host) const
{
    const QString name = hostName(QString::fromLatin1(host));
    if (!name.isEmpty() && hostNames_.contains(name)) return std::nullopt;
    const QString names = hostNames_.join(", ").left(300);
    if (host.isEmpty())
        return ApiError{ApiError::Misdirected, "host_not_allowed", QString("the request has no Host header; this node's names: %1").arg(names)};
    return ApiError{ApiError::Misdirected, "host_not_allowed",
                    QString("the Host '%1' names none of this node's names (%2); add a name with --rest-host")
                        .arg(QString::fromLatin1(host.left(100)), names)};
}

std::optional<ApiError> RequestGuard::checkOrigin(const GuardedRequest& request) const
{
    if (request.origin.isEmpty() || !changesState(request.method)) return std::nullopt;
    const QString origin = QString::fromLatin1(request.origin);
    if (corsOrigins_.contains(origin)) return std::nullopt;
    const qsizetype separator = origin.indexOf("://");
    const QString scheme = origin.left(separator).toLower();
    if (separator > 0 && (scheme == "http" || scheme == "https")
        && origin.mid(separator + 3).toLower() == QString::fromLatin1(request.host).trimmed().toLower())
        return std::nullopt;
    return ApiError{ApiError::Forbidden, "origin_not_allowed",
                    QString("a web page from %1 may not change this node; allow it with --rest-cors-origin")
                        .arg(origin.left(100))};
}

std::optional<ApiError> RequestGuard::checkContentType(const GuardedRequest& request, BodyKind body) const
{
    if (request.bodySize == 0 || !changesState(request.method)) return std::nullopt;
    const QByteArray type = mediaType(request.contentType);
    if (type == "application/json") return std::nullopt;
    if (body == BodyKind::JsonOrMultipart && type == "multipart/form-data") return std::nullopt;
    const char* accepted = body == BodyKind::JsonOrMultipart ? "application/json or multipart/form-data" : "application/json";
    return ApiError{ApiError::UnsupportedMediaType, "unsupported_media_type",
                    QString("the body must be %1, not %2")
                        .arg(accepted, type.isEmpty() ? QString("untyped") : QString::fromLatin1(type.left(80)))};
}

QHostAddress clientAddress(const QHostAddress& peer, const QByteArray& forwardedFor, const QList<QHostAddress>& trustedProxies)
{
    bool trusted = false;
    for (const QHostAddress& proxy : trustedProxies) trusted = trusted || proxy.isEqual(peer, QHostAddress::TolerantConversion);
    if (!trusted || forwardedFor.trimmed().isEmpty()) return peer;
    // The proxy appends the address it saw; everything before it came from the client.
    const QHostAddress last(QString::fromLatin1(forwardedFor.split(',').last().trimmed()));
    // Unreadable: an unknown remote client, never this machine.
    return last.isNull() ? QHostAddress(QHostAddress::Any) : last;
}

} // namespace pb::api
