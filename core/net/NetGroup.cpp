#include "core/net/NetGroup.h"

namespace pb::net {

QHostAddress normalizedAddress(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

QByteArray netGroup(const QHostAddress& address, bool bySubnet)
{
    const QHostAddress a = normalizedAddress(address);
    if (a.isNull()) return {};
    if (a.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = a.toIPv4Address() & (bySubnet ? 0xffffff00u : 0xffffffffu);
        QByteArray key("4:");
        for (int shift = 24; shift >= 0; shift -= 8) key.append(char((v4 >> shift) & 0xff));
        return key;
    }
    const Q_IPV6ADDR v6 = a.toIPv6Address();
    QByteArray key("6:");
    key.append(reinterpret_cast<const char*>(v6.c), bySubnet ? 8 : 16);
    return key;
}

bool sameNetGroup(const QHostAddress& banned, const QHostAddress& address, bool bySubnet)
{
    const QByteArray group = netGroup(banned, bySubnet);
    return !group.isEmpty() && group == netGroup(address, bySubnet);
}

} // namespace pb::net
