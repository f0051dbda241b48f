#pragma once
// Consensus and default parameters of each built-in network.
#include "core/chain/Block.h"
#include "core/chain/Transaction.h"
#include "core/chain/Uint256.h"

namespace pb {

struct NetworkParams {
    std::string name;
    Uint256 powLimit;               // easiest target any block may use
    uint32_t genesisBits = 0;
    uint64_t genesisTime = 0;
    uint64_t targetBlockSeconds = 0;
    uint32_t retargetInterval = 0;  // blocks between retargets; 0 keeps the genesis target
    uint64_t blockReward = kCoin;
    size_t maxBlockBytes = 1 << 20;
    size_t maxPhotoBytes = 2 << 20;
    uint64_t maxFutureSeconds = 2 * 60 * 60;
    uint16_t defaultPeerPort = 7000;

    Block genesisBlock() const;
    Hash256 genesisHash() const { return genesisBlock().hash(); }
};

// "dev": a few seconds per block on a laptop, retargeting toward 5 s.
// "test": near-instant blocks (~20 ms of one core), fixed target, for automated tests.
const NetworkParams* networkByName(std::string_view name);
std::vector<std::string> networkNames();

} // namespace pb
