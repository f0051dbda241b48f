#pragma once
// The peer-to-peer protocol's messages, as plain structs. On the wire each is one binary
// WebSocket frame holding a CBOR map {"v": protocol version, "t": type name, ...fields};
// MessageCodec is the only code that reads or writes that form.
#include "core/util/Bytes.h"

#include <QString>
#include <variant>
#include <vector>

namespace pb::net {

constexpr int kWireVersion = 1;
constexpr size_t kMaxHeadersPerMessage = 2000;
constexpr size_t kMaxInventoryPerMessage = 1000;
constexpr size_t kMaxPeersPerMessage = 1000;
constexpr size_t kMaxLocatorHashes = 64;
constexpr size_t kMaxBlocksPerRequest = 16;
constexpr size_t kMaxTransactionBytes = 1024;  // far above any transaction type's encoding

// A node's signed self-description (see core/net/NodePack.h for the signed encoding).
struct WirePack {
    QString type;            // head / seed / full / mobile
    Bytes key;               // Ed25519 public key, 32 bytes
    quint16 port = 0;        // where it listens for peers; 0 = not listening
    quint32 protocolVersion = 0;
    QString userAgent;
    quint64 bestHeight = 0;
    Bytes signature;         // 64 bytes
};

// First message on every connection, both directions.
struct Hello {
    Hash256 genesis{};       // identifies the network
    WirePack pack;
    // Random per connection: the challenge the other side signs (HelloProof), and seeing a
    // nonce of one of our own connections means we dialled ourselves.
    quint64 nonce = 0;
};
// Second message on every connection, both directions, once the other side's hello arrived:
// proves that the sender holds its pack's key now, on this connection, for this network
// (a signature over handshakeProofBytes(genesis, the other side's hello nonce and node id),
// NodePack.h).
// A node pack alone can be replayed by anyone who has seen it; this cannot.
struct HelloProof { Bytes signature; };  // 64 bytes

struct Ping { quint64 nonce = 0; };
struct Pong { quint64 nonce = 0; };

struct GetPeers {};
struct PeerAddress {
    QString host;
    quint16 port = 0;
    Hash256 nodeId{};
    QString type;
    qint64 lastSeen = 0;     // seconds since the epoch
};
struct Peers { std::vector<PeerAddress> peers; };
struct Announce { WirePack pack; QString host; };  // a node the sender has verified

struct Inventory { std::vector<Hash256> blocks; std::vector<Hash256> transactions; };

// Headers-first sync: the receiver finds the first locator hash on its active chain and
// answers with up to kMaxHeadersPerMessage headers after it (stopping at `stop` if non-zero).
struct GetHeaders { std::vector<Hash256> locator; Hash256 stop{}; };
struct Headers { std::vector<Bytes> headers; };  // 88-byte serialized headers

struct GetBlocks { std::vector<Hash256> hashes; };
struct BlockMessage { Bytes block; Bytes photo; };  // photo empty when the block has none
struct NotFound { std::vector<Hash256> hashes; };

struct GetPhoto { Hash256 hash{}; };
struct PhotoMessage { Hash256 hash{}; Bytes photo; };

struct Reject {
    QString code;            // snake_case reason, e.g. "wrong_network", "high_hash"
    QString reason;          // human-readable
    Hash256 subject{};       // the block or transaction concerned, zero when none
};

// Transaction relay: inventory announces ids, gettxs asks for the ones the receiver lacks, and
// each answer is one tx message (or a notfound for those no longer pending).
struct GetTransactions { std::vector<Hash256> hashes; };
struct TransactionMessage { Bytes tx; };

// Compact block relay (the idea of BIP 152): a new photo-less block with transfers goes out as
// its `skeleton` (the encoded block with only its coinbase) plus a 6-byte short id for each
// transfer, in block order; the receiver rebuilds it from its mempool, asks for the transfers
// it lacks by position among the transfers (getblocktxn), and gets them in that order
// (blocktxn). Short ids are keyed by the block hash and the sender's random `salt`, so nobody
// can make transfers collide in advance (core/net/CompactBlock.h).
constexpr size_t kShortIdBytes = 6;
constexpr size_t kMaxCompactTransfers = 8192;  // a 1 MiB block holds ~5,700 transfers at most
struct CompactBlock { Bytes skeleton; quint64 salt = 0; std::vector<quint64> shortIds; };
struct GetBlockTransactions { Hash256 block{}; std::vector<quint16> indexes; };  // ascending
struct BlockTransactions { Hash256 block{}; std::vector<Bytes> transactions; };

// Tip cross-check (mobile nodes ask full nodes): the receiver answers with its tip and the
// hash of its active block at the asked `height` (zero when its chain is shorter).
struct GetTip { quint64 height = 0; };
struct TipMessage { quint64 height = 0; Hash256 tip{}; Hash256 atHeight{}; };

using Message = std::variant<Hello, Ping, Pong, GetPeers, Peers, Announce, Inventory, GetHeaders, Headers,
                             GetBlocks, BlockMessage, NotFound, GetPhoto, PhotoMessage, Reject, GetTransactions,
                             TransactionMessage, GetTip, TipMessage, HelloProof, CompactBlock, GetBlockTransactions,
                             BlockTransactions>;

} // namespace pb::net
