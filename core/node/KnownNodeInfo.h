#pragma once
// An entry of the node catalogue, as the API lists it.
#include <QString>

namespace pb {

// A node from the catalogue this node keeps (announced by peers and seeds, signed packs).
struct KnownNodeInfo {
    QString id;                  // hex node id
    QString type;                // head / seed / full / mobile ("" when unknown)
    QString host;                // where it accepts peers ("" when unknown)
    quint16 port = 0;
    qint64 lastSeen = 0;         // seconds since the epoch
};

} // namespace pb
