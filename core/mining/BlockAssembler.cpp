#include "core/mining/BlockAssembler.h"

#include "core/chain/Difficulty.h"
#include "core/chain/Transaction.h"

#include <algorithm>

namespace pb::mining {

BlockTemplate BlockAssembler::assemble(const crypto::AddressHash& rewardAddress, uint64_t now, const PhotoClaim* claim,
                                       const std::vector<Bytes>& transfers)
{
    const ChainContext ctx = chain_.nextBlockContext(now);

    BlockTemplate t;
    t.height = ctx.height;
    t.block.transactions.push_back({});
    t.block.transactions.insert(t.block.transactions.end(), transfers.begin(), transfers.end());
    CoinbaseTx coinbase;
    coinbase.height = ctx.height;
    coinbase.to = rewardAddress;
    // The caller's transfers come from a pool whose fees were summed overflow-checked.
    coinbase.amount = chain_.params().blockReward + blockFees(t.block).value_or(0);
    t.block.transactions.front() = coinbase.serialize();
    t.block.header.version = BlockHeader::kVersion;
    if (claim) {
        t.block.photoHash = claim->photoHash;
        t.block.label = claim->label;
        t.block.vote = claim->vote;
        if (!claim->label.empty()) t.block.header.version |= BlockHeader::kLabelClaimFlag;
    }
    t.block.header.prevHash = chain_.tip().hash;
    t.block.header.time = std::max(now, ctx.medianTimePast + 1);
    t.block.header.bits = ctx.expectedBits;
    t.block.header.contentRoot = t.block.computeContentRoot();
    t.target = blockTarget(t.block.header)->toBigEndian();
    return t;
}

} // namespace pb::mining
