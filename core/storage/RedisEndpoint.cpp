#include "core/storage/RedisEndpoint.h"

#include <QFile>
#include <QUrl>

#include <climits>

namespace pb::storage {

namespace {

bool allDigits(QStringView text)
{
    if (text.isEmpty()) return false;
    for (QChar c : text)
        if (c < u'0' || c > u'9') return false;
    return true;
}

// Database indexes are small non-negative integers; the server rejects indexes it lacks.
std::optional<int> parseDb(QStringView text, QString* error)
{
    bool ok = false;
    const qlonglong value = allDigits(text) && text.size() <= 10 ? text.toLongLong(&ok) : -1;
    if (!ok || value > INT_MAX) {
        *error = QStringLiteral("database '%1' is not a non-negative number").arg(text);
        return std::nullopt;
    }
    return int(value);
}

bool checkSocketPath(const QString& path, QString* error)
{
    if (path.isEmpty() || path == QLatin1String("/")) {
        *error = QStringLiteral("empty unix socket path");
        return false;
    }
    const qsizetype bytes = QFile::encodeName(path).size();
    if (bytes > RedisEndpoint::kMaxUnixPathBytes) {
        *error = QStringLiteral("unix socket path is %1 bytes; the limit is %2 (sun_path holds 108 bytes)")
                     .arg(bytes).arg(RedisEndpoint::kMaxUnixPathBytes);
        return false;
    }
    return true;
}

std::optional<RedisEndpoint> parseUnix(QStringView rest, QString* error)
{
    if (!rest.startsWith(u'/')) {
        *error = QStringLiteral("unix:// needs an absolute path, as in unix:///run/redis.sock");
        return std::nullopt;
    }
    RedisEndpoint ep;
    ep.kind = RedisEndpoint::Kind::Unix;
    const qsizetype question = rest.indexOf(u'?');
    ep.socketPath = rest.left(question).toString();
    if (!checkSocketPath(ep.socketPath, error)) return std::nullopt;
    if (question < 0) return ep;

    for (QStringView param : rest.mid(question + 1).split(u'&')) {
        const qsizetype eq = param.indexOf(u'=');
        const QStringView key = param.left(eq);
        if (eq < 0) {
            *error = QStringLiteral("query parameter '%1' has no value").arg(key);
            return std::nullopt;
        }
        const QStringView value = param.mid(eq + 1);
        if (key == u"db") {
            const auto db = parseDb(value, error);
            if (!db) return std::nullopt;
            ep.db = *db;
        } else if (key == u"password") {
            ep.password = QUrl::fromPercentEncoding(value.toUtf8());
        } else {
            *error = QStringLiteral("unknown query parameter '%1' (expected db or password)").arg(key);
            return std::nullopt;
        }
    }
    return ep;
}

bool parseUserInfo(QStringView userInfo, RedisEndpoint& ep, QString* error)
{
    const qsizetype colon = userInfo.indexOf(u':');
    if (colon < 0) {
        *error = QStringLiteral("credentials must be written [user]:password@");
        return false;
    }
    ep.username = QUrl::fromPercentEncoding(userInfo.left(colon).toUtf8());
    ep.password = QUrl::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8());
    if (ep.password.isEmpty()) {
        *error = QStringLiteral("empty password after ':'");
        return false;
    }
    return true;
}

bool parseHostPort(QStringView authority, RedisEndpoint& ep, QString* error)
{
    QStringView portText;
    bool hasPort = false;
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        if (close < 0) {
            *error = QStringLiteral("missing ']' after IPv6 address");
            return false;
        }
        ep.host = authority.mid(1, close - 1).toString();
        const QStringView after = authority.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(u':')) {
            *error = QStringLiteral("unexpected '%1' after IPv6 address").arg(after);
            return false;
        }
        hasPort = !after.isEmpty();
        portText = after.mid(1);
    } else {
        if (authority.count(u':') > 1) {
            *error = QStringLiteral("IPv6 addresses must be in brackets, as in redis://[::1]:6379");
            return false;
        }
        const qsizetype colon = authority.indexOf(u':');
        ep.host = authority.left(colon).toString();
        hasPort = colon >= 0;
        portText = authority.mid(colon + 1);
    }
    if (ep.host.isEmpty()) {
        *error = QStringLiteral("empty host");
        return false;
    }
    if (!hasPort) return true;
    if (portText.isEmpty()) {
        *error = QStringLiteral("empty port after ':'");
        return false;
    }
    if (!allDigits(portText)) {
        *error = QStringLiteral("port '%1' is not a number").arg(portText);
        return false;
    }
    const qlonglong port = portText.size() <= 6 ? portText.toLongLong() : LLONG_MAX;
    if (port < 1 || port > 65535) {
        *error = QStringLiteral("port %1 is out of range (1-65535)").arg(portText);
        return false;
    }
    ep.port = int(port);
    return true;
}

std::optional<RedisEndpoint> parseTcp(QStringView rest, QString* error)
{
    RedisEndpoint ep;
    // Passwords may contain '@', so the host starts after the last one.
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0 && !parseUserInfo(rest.left(at), ep, error)) return std::nullopt;
    const QStringView hostAndPath = rest.mid(at + 1);
    if (hostAndPath.contains(u'?')) {
        *error = QStringLiteral("query parameters are only accepted in unix:// URLs");
        return std::nullopt;
    }
    const qsizetype slash = hostAndPath.indexOf(u'/');
    if (!parseHostPort(hostAndPath.left(slash), ep, error)) return std::nullopt;
    const QStringView dbText = slash < 0 ? QStringView() : hostAndPath.mid(slash + 1);
    if (!dbText.isEmpty()) {
        const auto db = parseDb(dbText, error);
        if (!db) return std::nullopt;
        ep.db = *db;
    }
    return ep;
}

} // namespace

std::optional<RedisEndpoint> RedisEndpoint::parse(const QString& url, QString* error)
{
    QString why;
    std::optional<RedisEndpoint> ep;
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    const QString scheme = schemeEnd < 0 ? QString() : url.left(schemeEnd).toLower();
    const QStringView rest = QStringView(url).mid(schemeEnd + 3);
    if (url.trimmed().isEmpty()) {
        why = QStringLiteral("empty URL");
    } else if (url.startsWith(u'/')) {
        ep = unixSocket(url);
        if (!checkSocketPath(url, &why)) ep.reset();
    } else if (scheme == QLatin1String("redis")) {
        ep = parseTcp(rest, &why);
    } else if (scheme == QLatin1String("unix")) {
        ep = parseUnix(rest, &why);
    } else if (scheme == QLatin1String("rediss")) {
        why = QStringLiteral("TLS (rediss://) is not supported; use redis:// or a unix socket");
    } else if (schemeEnd >= 0) {
        why = QStringLiteral("unsupported scheme '%1://' (expected redis:// or unix://)").arg(scheme);
    } else {
        why = QStringLiteral("expected redis://host[:port][/db], unix:///path.sock[?db=N] "
                             "or an absolute socket path");
    }
    if (!ep && error) *error = QStringLiteral("invalid Redis URL: ") + why;
    return ep;
}

RedisEndpoint RedisEndpoint::unixSocket(const QString& path, int db)
{
    RedisEndpoint ep;
    ep.kind = Kind::Unix;
    ep.socketPath = path;
    ep.db = db;
    return ep;
}

QString RedisEndpoint::toString() const
{
    if (kind == Kind::Unix) {
        QString s = QStringLiteral("unix://%1?db=%2").arg(socketPath).arg(db);
        if (!password.isEmpty()) s += QLatin1String("&password=***");
        return s;
    }
    const QString credentials = password.isEmpty() ? QString() : username + QLatin1String(":***@");
    const QString hostText = host.contains(u':') ? u'[' + host + u']' : host;
    return QStringLiteral("redis://%1%2:%3/%4").arg(credentials, hostText).arg(port).arg(db);
}

bool RedisEndpoint::operator==(const RedisEndpoint& o) const
{
    return kind == o.kind && host == o.host && port == o.port && socketPath == o.socketPath
        && username == o.username && password == o.password && db == o.db;
}

} // namespace pb::storage
