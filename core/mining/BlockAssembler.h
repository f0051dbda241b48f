#pragma once
// Builds the block a miner works on: the coinbase (reward plus fees) to the reward address,
// pending transfers, the photo job's claim, and a header that meets the chain's next-block
// context. Pure assembly: the chain decides what is valid, the engine decides what to include.
#include "core/chain/Chain.h"

namespace pb::mining {

// What a photo job adds to a block: a photo, the label claimed for it (may be empty) and the
// vote on the label of the latest label-claiming block before it.
struct PhotoClaim {
    Hash256 photoHash{};
    std::string label;
    LabelVote vote = LabelVote::Abstain;
};

struct BlockTemplate {
    Block block;          // header complete except the nonce
    Hash256 target{};     // big-endian; the header hash must not exceed it
    uint64_t height = 0;
};

class BlockAssembler {
public:
    explicit BlockAssembler(Chain& chain) : chain_(chain) {}

    // A block to mine on the tip; with a claim, it carries the photo, label and vote, and a
    // label makes its target the photo target. `transfers` (valid on the tip, in order) follow
    // the coinbase, which claims the reward plus their fees.
    BlockTemplate assemble(const crypto::AddressHash& rewardAddress, uint64_t now, const PhotoClaim* claim = nullptr,
                           const std::vector<Bytes>& transfers = {});

private:
    Chain& chain_;
};

} // namespace pb::mining
