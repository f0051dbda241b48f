#include "core/net/NodePack.h"

#include "core/chain/ByteReader.h"
#include "core/crypto/Sha256.h"

#include <algorithm>

namespace pb {

namespace {
void appendText(Bytes& out, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    appendU32(out, uint32_t(utf8.size()));
    out.insert(out.end(), utf8.begin(), utf8.end());
}
} // namespace

Hash256 nodeIdForKey(const crypto::PublicKey& key) { return crypto::sha256(key.data(), key.size()); }

Bytes NodePack::signedBytes() const
{
    const char domain[] = "photoblocks-node-pack-v1";
    Bytes out(domain, domain + sizeof domain - 1);  // not insert() into an empty vector: GCC 12 -O3 warns falsely there
    appendText(out, type);
    appendArray(out, key);
    appendArray(out, id);
    appendU32(out, port);
    appendU32(out, protocolVersion);
    appendText(out, userAgent);
    appendU64(out, bestHeight);
    return out;
}

void NodePack::signWith(const crypto::Ed25519Key& signer)
{
    key = signer.publicKey();
    id = nodeIdForKey(key);
    const Bytes message = signedBytes();
    signature = signer.sign(message.data(), message.size());
}

bool NodePack::verify() const
{
    if (id != nodeIdForKey(key)) return false;
    const Bytes message = signedBytes();
    return crypto::ed25519Verify(key, message.data(), message.size(), signature);
}

Bytes handshakeProofBytes(const Hash256& genesis, quint64 theirNonce, const Hash256& theirId)
{
    static const QByteArray kDomain = "photoblocks handshake v2";
    Bytes message(kDomain.begin(), kDomain.end());
    message.insert(message.end(), genesis.begin(), genesis.end());
    for (int shift = 56; shift >= 0; shift -= 8) message.push_back(uint8_t(theirNonce >> shift));
    message.insert(message.end(), theirId.begin(), theirId.end());
    return message;
}

net::HelloProof proveHandshake(const crypto::Ed25519Key& key, const Hash256& genesis, quint64 theirNonce, const Hash256& theirId)
{
    const Bytes message = handshakeProofBytes(genesis, theirNonce, theirId);
    const crypto::Signature signature = key.sign(message.data(), message.size());
    return {Bytes(signature.begin(), signature.end())};
}

bool verifyHandshake(const NodePack& pack, const Hash256& genesis, quint64 ourNonce, const Hash256& ourId,
                     const net::HelloProof& proof)
{
    if (proof.signature.size() != 64) return false;
    crypto::Signature signature{};
    std::copy(proof.signature.begin(), proof.signature.end(), signature.begin());
    const Bytes message = handshakeProofBytes(genesis, ourNonce, ourId);
    return crypto::ed25519Verify(pack.key, message.data(), message.size(), signature);
}

net::WirePack toWire(const NodePack& p)
{
    return {p.type, Bytes(p.key.begin(), p.key.end()), p.port, p.protocolVersion, p.userAgent, p.bestHeight,
            Bytes(p.signature.begin(), p.signature.end())};
}

NodePack fromWire(const net::WirePack& w)
{
    NodePack p;
    p.type = w.type;
    std::copy_n(w.key.begin(), std::min<size_t>(w.key.size(), p.key.size()), p.key.begin());
    p.id = nodeIdForKey(p.key);
    p.port = w.port;
    p.protocolVersion = w.protocolVersion;
    p.userAgent = w.userAgent;
    p.bestHeight = w.bestHeight;
    std::copy_n(w.signature.begin(), std::min<size_t>(w.signature.size(), p.signature.size()), p.signature.begin());
    return p;
}

} // namespace pb
