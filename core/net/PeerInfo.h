#pragma once
// Snapshot rows of the peer table and the ban list, as the GUI and the API show them.
#include <QString>
#include <cstddef>

namespace pb {

struct PeerInfo {
    quint64 connectionId = 0;
    QString nodeId;              // hex; empty until the handshake completes
    QString address;             // host:port of the connection
    QString type;                // head / seed / full / mobile
    QString direction;           // inbound / outbound
    quint32 version = 0;
    QString userAgent;
    quint64 height = 0;
    double pingMs = -1;          // -1 until measured
    quint64 bytesIn = 0, bytesOut = 0;
    int misbehaviour = 0;
    qint64 connectedSince = 0;   // seconds since the epoch
    quint16 listenPort = 0;      // where the peer accepts connections
};

struct BanInfo {
    QString address;             // IP address
    qint64 until = 0;            // seconds since the epoch
    QString reason;
    qint64 bannedAt = 0;         // seconds since the epoch; 0 when unknown (bans saved by older versions)
};

// The address book's tables (core/net/AddressTable.h) and the node catalogue, by size.
struct AddressBookSize {
    size_t heardOf = 0;    // `new`: addresses heard of, not reached in this run
    size_t tried = 0;      // addresses where a dial ended in a handshake
    size_t catalogue = 0;  // verified nodes recorded in storage
};

} // namespace pb
