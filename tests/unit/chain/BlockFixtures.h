#pragma once
// Builds valid test-network blocks for the chain unit tests.
#include "core/chain/Chain.h"
#include "core/chain/Transaction.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/Sha256.h"
#include "tests/support/SolveBlock.h"

namespace pb::test {

inline const NetworkParams& testNet() { return *networkByName("test"); }

inline Bytes coinbaseFor(uint64_t height, uint64_t amount = kCoin, uint8_t addressByte = 7)
{
    CoinbaseTx cb;
    cb.height = height;
    cb.amount = amount;
    cb.to.fill(addressByte);
    return cb.serialize();
}

// A solved block at `height` on top of `prev`, with the network's genesis bits.
inline Block makeBlock(const Hash256& prev, uint64_t height, uint64_t time)
{
    Block b;
    b.header.prevHash = prev;
    b.header.time = time;
    b.header.bits = testNet().genesisBits;
    b.transactions.push_back(coinbaseFor(height));
    b.header.contentRoot = b.computeContentRoot();
    solve(b);
    return b;
}

// Recomputes the content root and the proof of work after a test edits the body.
inline void reseal(Block& b)
{
    b.header.contentRoot = b.computeContentRoot();
    solve(b);
}

inline Bytes jpegBytes(uint8_t fill = 1)
{
    Bytes b = {0xFF, 0xD8, 0xFF, 0xE0};
    b.resize(200, fill);
    return b;
}

// The context of a block at `height` whose parent's median time past is 100 s before `now`.
inline ChainContext contextAt(uint64_t height, uint64_t now)
{
    ChainContext ctx;
    ctx.height = height;
    ctx.expectedBits = testNet().genesisBits;
    ctx.medianTimePast = now - 100;
    ctx.now = now;
    return ctx;
}

// A key whose seed is `seedByte` repeated: the same account in every run.
inline crypto::Ed25519Key keyFor(uint8_t seedByte)
{
    std::array<uint8_t, 32> seed;
    seed.fill(seedByte);
    return crypto::Ed25519Key::fromRawPrivate(seed);
}

// A transfer signed by `from` for the test network.
inline TransferTx signedTransfer(const crypto::Ed25519Key& from, const crypto::AddressHash& to, uint64_t amount,
                                 uint64_t fee, uint64_t nonce, const Hash256& network = testNet().genesisHash())
{
    TransferTx t;
    t.network = network;
    t.to = to;
    t.amount = amount;
    t.fee = fee;
    t.nonce = nonce;
    t.signWith(from);
    return t;
}

} // namespace pb::test
