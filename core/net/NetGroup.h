#pragma once
// Which addresses count as "the same sender" for inbound limits and bans: an IPv4 /24 or an
// IPv6 /64, the blocks one customer of a hosting provider usually gets for free. IPv4 reaching a
// dual-stack listener as ::ffff:a.b.c.d is grouped as IPv4.
#include <QByteArray>
#include <QHostAddress>

namespace pb::net {

// ::ffff:a.b.c.d becomes a.b.c.d; anything else is returned as is.
QHostAddress normalizedAddress(const QHostAddress& address);

// A key equal for addresses in the same group: "4:" + the /24, "6:" + the /64; the whole
// address when `bySubnet` is false. Empty for a null address.
QByteArray netGroup(const QHostAddress& address, bool bySubnet = true);

// `address` lies in the group of `banned` (bySubnet) or is the same address.
bool sameNetGroup(const QHostAddress& banned, const QHostAddress& address, bool bySubnet);

} // namespace pb::net
