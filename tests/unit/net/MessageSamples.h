#pragma once
// Random valid messages of every type, and field-by-field equality, for codec tests.
#include "core/net/Messages.h"

#include <random>

namespace pb::net::test {

class MessageSamples {
public:
    explicit MessageSamples(quint64 seed) : rng_(seed) {}

    // A random message of the variant alternative `index`, within every wire limit.
    Message make(size_t index)
    {
        switch (index) {
        case 0: return Hello{hash(), pack(), u64()};
        case 1: return Ping{u64()};
        case 2: return Pong{u64()};
        case 3: return GetPeers{};
        case 4: {
            Peers m;
            for (size_t i = 0, n = upTo(20); i < n; ++i)
                m.peers.push_back(PeerAddress{text(upTo(255)), quint16(u64()), hash(), text(upTo(16)), s64()});
            return m;
        }
        case 5: return Announce{pack(), text(upTo(255))};
        case 6: {
            const size_t blocks = upTo(kMaxInventoryPerMessage);
            return Inventory{hashes(blocks), hashes(upTo(kMaxInventoryPerMessage - blocks))};
        }
        case 7: return GetHeaders{hashes(upTo(kMaxLocatorHashes)), hash()};
        case 8: {
            Headers m;
            for (size_t i = 0, n = upTo(50); i < n; ++i)
                m.headers.push_back(bytes(88));
            return m;
        }
        case 9: return GetBlocks{hashes(upTo(kMaxBlocksPerRequest))};
        case 10: return BlockMessage{bytes(1 + upTo(4000)), bytes(upTo(1) ? upTo(8000) : 0)};
        case 11: return NotFound{hashes(upTo(30))};
        case 12: return GetPhoto{hash()};
        case 13: return PhotoMessage{hash(), bytes(upTo(8000))};
        case 14: return Reject{text(upTo(64)), text(upTo(1024)), hash()};
        case 15: return GetTransactions{hashes(upTo(kMaxInventoryPerMessage))};
        case 16: return TransactionMessage{bytes(upTo(kMaxTransactionBytes))};
        case 17: return GetTip{u64()};
        case 18: return TipMessage{u64(), hash(), hash()};
        case 19: return HelloProof{bytes(64)};
        case 20: {
            CompactBlock m{bytes(upTo(1024)), u64(), {}};
            for (size_t i = 0, n = upTo(300); i < n; ++i) m.shortIds.push_back(u64() & ((quint64(1) << 48) - 1));
            return m;
        }
        case 21: {
            GetBlockTransactions m{hash(), {}};
            for (quint32 next = quint32(upTo(5)); next <= 65535 && m.indexes.size() < 300; next += 1 + quint32(upTo(400)))
                m.indexes.push_back(quint16(next));
            return m;
        }
        default: {
            BlockTransactions m{hash(), {}};
            for (size_t i = 0, n = upTo(40); i < n; ++i) m.transactions.push_back(bytes(upTo(kMaxTransactionBytes)));
            return m;
        }
        }
    }

    Message any() { return make(upTo(std::variant_size_v<Message> - 1)); }

    quint64 u64()
    {
        // Mostly random, sometimes the extremes where integer encodings change width.
        switch (upTo(7)) {
        case 0: return 0;
        case 1: return ~quint64(0);
        case 2: return quint64(1) << upTo(63);
        default: return rng_();
        }
    }

    // 0..max inclusive.
    size_t upTo(size_t max) { return std::uniform_int_distribution<size_t>(0, max)(rng_); }

private:
    qint64 s64() { return qint64(u64()); }

    Hash256 hash()
    {
        Hash256 h;
        for (auto& b : h)
            b = uint8_t(rng_());
        return h;
    }

    Bytes bytes(size_t n)
    {
        Bytes b(n);
        for (auto& x : b)
            x = uint8_t(rng_());
        return b;
    }

    std::vector<Hash256> hashes(size_t n)
    {
        std::vector<Hash256> v(n);
        for (auto& h : v)
            h = hash();
        return v;
    }

    // Up to maxUtf8Bytes of UTF-8: ASCII, two-, three- and four-byte characters.
    QString text(size_t maxUtf8Bytes)
    {
        static const char32_t kAlphabet[] = {U'a', U'Z', U'7', U'-', U' ', U'é', U'ß', U'€', U'山', U'😀'};
        QString s;
        size_t used = 0;
        for (;;) {
            const char32_t c = kAlphabet[upTo(std::size(kAlphabet) - 1)];
            const size_t width = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (used + width > maxUtf8Bytes || upTo(30) == 0)
                return s;
            s += QString::fromUcs4(&c, 1);
            used += width;
        }
    }

    WirePack pack()
    {
        static const char* kTypes[] = {"head", "seed", "full", "mobile"};
        return WirePack{QString::fromLatin1(kTypes[upTo(3)]), bytes(32), quint16(u64()), quint32(u64()),
                        text(upTo(256)), u64(), bytes(64)};
    }

    std::mt19937_64 rng_;
};

} // namespace pb::net::test

// Field-by-field equality, declared where argument-dependent lookup finds it (std::variant and
// std::vector comparisons included).
namespace pb::net {

inline bool operator==(const WirePack& a, const WirePack& b)
{
    return a.type == b.type && a.key == b.key && a.port == b.port && a.protocolVersion == b.protocolVersion
        && a.userAgent == b.userAgent && a.bestHeight == b.bestHeight && a.signature == b.signature;
}
inline bool operator==(const PeerAddress& a, const PeerAddress& b)
{
    return a.host == b.host && a.port == b.port && a.nodeId == b.nodeId && a.type == b.type && a.lastSeen == b.lastSeen;
}
inline bool operator==(const Hello& a, const Hello& b) { return a.genesis == b.genesis && a.pack == b.pack && a.nonce == b.nonce; }
inline bool operator==(const HelloProof& a, const HelloProof& b) { return a.signature == b.signature; }
inline bool operator==(const Ping& a, const Ping& b) { return a.nonce == b.nonce; }
inline bool operator==(const Pong& a, const Pong& b) { return a.nonce == b.nonce; }
inline bool operator==(const GetPeers&, const GetPeers&) { return true; }
inline bool operator==(const Peers& a, const Peers& b) { return a.peers == b.peers; }
inline bool operator==(const Announce& a, const Announce& b) { return a.pack == b.pack && a.host == b.host; }
inline bool operator==(const Inventory& a, const Inventory& b) { return a.blocks == b.blocks && a.transactions == b.transactions; }
inline bool operator==(const GetHeaders& a, const GetHeaders& b) { return a.locator == b.locator && a.stop == b.stop; }
inline bool operator==(const Headers& a, const Headers& b) { return a.headers == b.headers; }
inline bool operator==(const GetBlocks& a, const GetBlocks& b) { return a.hashes == b.hashes; }
inline bool operator==(const BlockMessage& a, const BlockMessage& b) { return a.block == b.block && a.photo == b.photo; }
inline bool operator==(const NotFound& a, const NotFound& b) { return a.hashes == b.hashes; }
inline bool operator==(const GetPhoto& a, const GetPhoto& b) { return a.hash == b.hash; }
inline bool operator==(const PhotoMessage& a, const PhotoMessage& b) { return a.hash == b.hash && a.photo == b.photo; }
inline bool operator==(const GetTransactions& a, const GetTransactions& b) { return a.hashes == b.hashes; }
inline bool operator==(const TransactionMessage& a, const TransactionMessage& b) { return a.tx == b.tx; }
inline bool operator==(const GetTip& a, const GetTip& b) { return a.height == b.height; }
inline bool operator==(const TipMessage& a, const TipMessage& b)
{
    return a.height == b.height && a.tip == b.tip && a.atHeight == b.atHeight;
}
inline bool operator==(const CompactBlock& a, const CompactBlock& b)
{
    return a.skeleton == b.skeleton && a.salt == b.salt && a.shortIds == b.shortIds;
}
inline bool operator==(const GetBlockTransactions& a, const GetBlockTransactions& b)
{
    return a.block == b.block && a.indexes == b.indexes;
}
inline bool operator==(const BlockTransactions& a, const BlockTransactions& b)
{
    return a.block == b.block && a.transactions == b.transactions;
}
inline bool operator==(const Reject& a, const Reject& b)
{
    return a.code == b.code && a.reason == b.reason && a.subject == b.subject;
}

} // namespace pb::net
