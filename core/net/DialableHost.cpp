#include "core/net/DialableHost.h"

#include "core/net/NetGroup.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace pb::net {

namespace {

constexpr int kMaxHostLength = 253;

bool dialableAddress(const QHostAddress& a)
{
    if (a.isNull() || a.isMulticast() || a.isBroadcast() || !a.scopeId().isEmpty()) return false;
    if (a.protocol() == QAbstractSocket::IPv4Protocol) return (a.toIPv4Address() >> 24) != 0;  // 0.0.0.0/8: "this network"
    return a != QHostAddress(QHostAddress::AnyIPv6);
}

bool validName(const QString& name)
{
    static const QRegularExpression label("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    const QStringList labels = name.split('.');
    for (qsizetype i = 0; i < labels.size(); ++i) {
        // One trailing dot (a fully qualified name) leaves an empty last label.
        if (labels[i].isEmpty() && i == labels.size() - 1 && i > 0) continue;
        if (!label.match(labels[i]).hasMatch()) return false;
    }
    return true;
}

} // namespace

std::optional<QString> dialableHost(const QString& host)
{
    if (host.isEmpty() || host.size() > kMaxHostLength) return std::nullopt;
    QString canonical;
    const QHostAddress address(host);
    if (!address.isNull()) {
        const QHostAddress normal = normalizedAddress(address);
        if (!dialableAddress(normal)) return std::nullopt;
        canonical = normal.toString();
    } else {
        canonical = host.toLower();
        if (!validName(canonical)) return std::nullopt;
    }
    QUrl url;
    url.setScheme("ws");
    url.setHost(canonical, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) return std::nullopt;
    return canonical;
}

} // namespace pb::net
