#pragma once
// A node's self-description, signed with its node key: type, key, id, port, protocol
// version, user agent and best height. Peers exchange it; Redis keeps it by node id.
#include "core/crypto/Ed25519.h"
#include "core/net/Messages.h"

#include <QString>

namespace pb {

// 2: the handshake ends with a HelloProof each way (a version-1 node never sends one).
// 3: new blocks with transfers travel as compact blocks (cmpctblock, getblocktxn, blocktxn),
//    which a version-2 node would take for garbage.
constexpr uint32_t kProtocolVersion = 3;

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

// What a HelloProof signs: a domain tag, the network's genesis hash, the other side's hello
// nonce and the other side's node id, so a proof is good for one network, one connection and
// one counterpart only: a proof a node gave someone else cannot be passed on to us.
Bytes handshakeProofBytes(const Hash256& genesis, quint64 theirNonce, const Hash256& theirId);
net::HelloProof proveHandshake(const crypto::Ed25519Key& key, const Hash256& genesis, quint64 theirNonce, const Hash256& theirId);
// True when `proof` is `pack`'s key signing our nonce and our node id on this network.
bool verifyHandshake(const NodePack& pack, const Hash256& genesis, quint64 ourNonce, const Hash256& ourId,
                     const net::HelloProof& proof);

// The pack as it travels in a Hello or Announce, and back. A wire key or signature of the
// wrong length is zero-filled or truncated here; verify() then fails, as it should.
net::WirePack toWire(const NodePack& pack);
NodePack fromWire(const net::WirePack& wire);

} // namespace pb
