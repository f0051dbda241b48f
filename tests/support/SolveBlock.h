#pragma once
// Test helper: finds a nonce for a block header with the fastest nonce scanner, the way the
// miner does, so tests can build valid blocks on the test network in milliseconds.
#include "core/chain/Block.h"
#include "core/chain/Difficulty.h"
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

} // namespace pb::test
