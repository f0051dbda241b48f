#include "core/chain/NetworkParams.h"

#include "core/chain/Transaction.h"

namespace pb {

namespace {

NetworkParams makeDev()
{
    NetworkParams p;
    p.name = "dev";
    p.powLimit = *Uint256::fromCompact(0x1f00ffff);  // ~65 thousand hashes
    p.genesisBits = 0x1d400000;                      // 2^230: ~67 million hashes
    p.genesisTime = 1793491200;                      // 2026-11-01T00:00:00Z
    p.targetBlockSeconds = 5;
    p.retargetInterval = 10;
    p.defaultPeerPort = 7000;
    return p;
}

NetworkParams makeTest()
{
    NetworkParams p;
    p.name = "test";
    p.powLimit = *Uint256::fromCompact(0x207fffff);  // ~2 hashes: tests may build trivial blocks
    p.genesisBits = 0x1e100000;                      // 2^236: ~1 million hashes, ~20 ms on one core
    p.genesisTime = 1793491200;
    p.targetBlockSeconds = 1;
    p.retargetInterval = 0;
    p.defaultPeerPort = 17000;
    return p;
}

} // namespace

Block NetworkParams::genesisBlock() const
{
    // The genesis coinbase pays the all-zero address, which no key hashes to: unspendable.
    CoinbaseTx coinbase;
    coinbase.height = 0;
    coinbase.amount = blockReward;
    Block b;
    b.transactions.push_back(coinbase.serialize());
    b.header.version = 1;
    b.header.time = genesisTime;
    b.header.bits = genesisBits;
    b.header.contentRoot = b.computeContentRoot();
    return b;
}

const NetworkParams* networkByName(std::string_view name)
{
    static const NetworkParams dev = makeDev();
    static const NetworkParams test = makeTest();
    if (name == "dev") return &dev;
    if (name == "test") return &test;
    return nullptr;
}

std::vector<std::string> networkNames() { return {"dev", "test"}; }

} // namespace pb
