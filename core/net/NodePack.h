#pragma once
// A node's self-description, signed with its node key: type, key, id, port, protocol
// version, user agent and best height. Peers exchange it; Redis keeps it by node id.
#include "core/crypto/Ed25519.h"
#include "core/net/Messages.h"

#include <QString>

namespace pb {

constexpr uint32_t kProtocolVersion = 1;

struct NodePack {
    QString type;                  // head / seed / full / mobile
    crypto::PublicKey key{};
    Hash256 id{};                  // sha256(key)
    uint16_t port = 0;
    uint32_t protocolVersion = kProtocolVersion;
    QString userAgent;
    uint64_t bestHeight = 0;
    crypto::Signature signature{};

    Bytes signedBytes() const;     // canonical encoding of every field but the signature
    void signWith(const crypto::Ed25519Key& key);
    bool verify() const;           // id matches key and the signature verifies
};

Hash256 nodeIdForKey(const crypto::PublicKey& key);

// The pack as it travels in a Hello or Announce, and back. A wire key or signature of the
// wrong length is zero-filled or truncated here; verify() then fails, as it should.
net::WirePack toWire(const NodePack& pack);
NodePack fromWire(const net::WirePack& wire);

} // namespace pb
