#pragma once
// The protocol handshake as a raw peer performs it: its hello, then, once the node's hello has
// arrived, its HelloProof over the node's per-connection nonce and node id (NodePack.h).
#include "RawPeer.h"
#include "core/chain/NetworkParams.h"
#include "core/net/MessageCodec.h"
#include "core/net/NodePack.h"

#include <QRandomGenerator>

namespace pb::test {

// A raw peer's hello: a full node's pack signed by `key`, for `genesis` (the test network's
// unless told), advertising `listenPort` (0: not listening), with a fresh nonce.
inline net::Hello helloFrom(const crypto::Ed25519Key& key, const Hash256& genesis = networkByName("test")->genesisHash(),
                            quint16 listenPort = 0)
{
    NodePack pack;
    pack.type = "full";
    pack.port = listenPort;
    pack.userAgent = "raw-test-peer";
    pack.signWith(key);
    net::Hello hello;
    hello.genesis = genesis;
    hello.nonce = QRandomGenerator::global()->generate64();
    hello.pack = toWire(pack);
    return hello;
}

// Reads messages from the node until one of type T (others are skipped); nullopt when none
// comes within `timeoutMs`.
template <class T>
std::optional<T> awaitMessage(RawPeer& peer, int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const auto frame = peer.readMessage(int(timeoutMs - timer.elapsed()));
        if (!frame) return std::nullopt;
        QString error;
        const auto message = net::decode(*frame, &error);
        if (const T* m = message ? std::get_if<T>(&*message) : nullptr) return *m;
    }
    return std::nullopt;
}

inline std::optional<net::Hello> awaitHello(RawPeer& peer, int timeoutMs = 5000) { return awaitMessage<net::Hello>(peer, timeoutMs); }

// Sends `hello` (whose pack `key` signed) and completes the handshake; false when the node's
// hello never came.
inline bool handshake(RawPeer& peer, const crypto::Ed25519Key& key, const net::Hello& hello)
{
    peer.sendFrame(net::encode(hello));
    const auto theirs = awaitHello(peer);
    if (!theirs) return false;
    peer.sendFrame(net::encode(proveHandshake(key, hello.genesis, theirs->nonce, fromWire(theirs->pack).id)));
    return true;
}

} // namespace pb::test
