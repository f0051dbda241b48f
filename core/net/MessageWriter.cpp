#include "core/net/MessageWriter.h"

namespace pb::net {

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr quint64 kPackFields = 7;
constexpr quint64 kPeerAddressFields = 5;
} // namespace

void MessageWriter::start(quint64 fields)
{
    cbor_.startMap(2 + fields);
    cbor_.append("v"_L1);
    cbor_.append(quint64(kWireVersion));
    cbor_.append("t"_L1);
    cbor_.append(QLatin1StringView(type_));
}

void MessageWriter::pack(QLatin1StringView name, const WirePack& p)
{
    key(name);
    cbor_.startMap(kPackFields);
    text("type"_L1, p.type);
    bytes("key"_L1, p.key);
    uint("port"_L1, p.port);
    uint("protocol"_L1, p.protocolVersion);
    text("agent"_L1, p.userAgent);
    uint("height"_L1, p.bestHeight);
    bytes("sig"_L1, p.signature);
    cbor_.endMap();
}

void MessageWriter::peers(QLatin1StringView name, const std::vector<PeerAddress>& peers)
{
    key(name);
    cbor_.startArray(peers.size());
    for (const PeerAddress& a : peers) {
        cbor_.startMap(kPeerAddressFields);
        text("host"_L1, a.host);
        uint("port"_L1, a.port);
        hash("id"_L1, a.nodeId);
        text("type"_L1, a.type);
        sint("seen"_L1, a.lastSeen);
        cbor_.endMap();
    }
    cbor_.endArray();
}

} // namespace pb::net
