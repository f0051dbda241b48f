#pragma once
// Test helper: finds a nonce for a block header with the fastest nonce scanner, the way the
// miner does, so tests can build valid blocks on the test network in milliseconds.
#include "core/chain/Block.h"
#include "core/chain/Difficulty.h"
#include "core/chain/NetworkParams.h"
#include "core/chain/Transaction.h"
#include "core/chain/Uint256.h"
#include "core/crypto/NonceScanner.h"

#include <stdexcept>

namespace pb::test {

inline void solve(Block& b)
{
    const auto header = b.header.serialize();
    const Hash256 target = blockTarget(b.header)->toBigEndian();  // the photo target for a label claim
    const crypto::HeaderJob job = crypto::makeHeaderJob(header.data(), target);
    const crypto::ScanResult r = crypto::scanNonces(crypto::bestBackend(), job, 0, uint64_t(1) << 40);
    if (!r.found) throw std::runtime_error("no nonce found");
    b.header.nonce = r.nonce;
}

// A solved block on `prev` at `height` and `time` whose only transaction pays the network's
// reward to `payTo`, at the network's genesis bits.
inline Block coinbaseBlockOn(const NetworkParams& net, const Hash256& prev, uint64_t height, uint64_t time,
                             const crypto::AddressHash& payTo)
{
    Block b;
    b.header.prevHash = prev;
    b.header.time = time;
    b.header.bits = net.genesisBits;
    CoinbaseTx coinbase;
    coinbase.height = height;
    coinbase.amount = net.blockReward;
    coinbase.to = payTo;
    b.transactions.push_back(coinbase.serialize());
    b.header.contentRoot = b.computeContentRoot();
    solve(b);
    return b;
}

} // namespace pb::test
