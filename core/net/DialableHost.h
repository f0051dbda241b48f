#pragma once
// Whether a host and port someone told us about may enter the address book, and the one
// spelling it is kept under. A peer chooses these strings, so nothing reaches the dialler that
// could not be dialled or that points where no peer can listen: otherwise one bad entry would
// cost a dial slot, or (as QUrl refused it) stop dialling altogether.
#include <QString>
#include <optional>

namespace pb::net {

// The canonical host (an IP address as QHostAddress::toString() spells it, IPv4-mapped IPv6
// as plain IPv4; a host name in lower case), or nullopt for: empty or longer than 253
// characters; the unspecified address (0.0.0.0/8, ::), multicast, 255.255.255.255, an IPv6
// scope id (a peer cannot name our interfaces); a name that is not letters, digits, hyphens
// and dots in labels of 1 to 63 characters; and anything QUrl would refuse as a host.
std::optional<QString> dialableHost(const QString& host);

} // namespace pb::net
