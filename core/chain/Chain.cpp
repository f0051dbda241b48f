#include "core/chain/Chain.h"

#include "core/chain/Difficulty.h"
#include "core/chain/Transaction.h"

namespace pb {

Chain::Chain(const NetworkParams& params, ChainStore& store) : params_(params), store_(store) {}

void Chain::load()
{
    const Block genesis = params_.genesisBlock();
    const Hash256 genesisHash = genesis.hash();
    if (!store_.tipHash()) connect(genesis, genesis.serialize(), BlockIndexEntry{}, true);

    const auto atZero = store_.hashAtHeight(0);
    if (!atZero || *atZero != genesisHash)
        throw StoreError("the database holds a chain whose genesis is not the '" + params_.name
                         + "' network's genesis " + toHex(genesisHash));
    const BlockIndexEntry tip = requireEntry(*store_.tipHash());
    tip_ = {tip.hash, tip.height, tip.time, tip.bits, tip.chainWork};
}

BlockIndexEntry Chain::requireEntry(const Hash256& hash)
{
    auto entry = store_.indexEntry(hash);
    if (!entry) throw StoreError("block index entry " + toHex(hash) + " is missing from the database");
    return *entry;
}

uint32_t Chain::nextBits(const BlockIndexEntry& parent)
{
    const auto windowStart = retargetWindowStart(params_, parent.height + 1);
    if (!windowStart) return parent.bits;
    BlockIndexEntry first = parent;
    while (first.height > *windowStart) first = requireEntry(first.prevHash);
    return retargetBits(params_, parent.bits, first.time, parent.time);
}

uint64_t Chain::medianTimePastAt(const BlockIndexEntry& last)
{
    std::vector<uint64_t> times{last.time};
    BlockIndexEntry cursor = last;
    while (times.size() < kMedianTimeSpan && cursor.height > 0) {
        cursor = requireEntry(cursor.prevHash);
        times.push_back(cursor.time);
    }
    return medianTimePast(std::move(times));
}

ChainContext Chain::contextAfter(const BlockIndexEntry& parent, uint64_t now)
{
    ChainContext ctx;
    ctx.height = parent.height + 1;
    ctx.expectedBits = nextBits(parent);
    ctx.medianTimePast = medianTimePastAt(parent);
    ctx.now = now;
    return ctx;
}

AcceptResult Chain::submitBlock(const Bytes& encoded, const Bytes* photo, uint64_t now)
{
    AcceptResult result;
    Block block;
    result.validation = checkBlock(encoded, params_, &block);
    if (!result.validation.ok()) return result;
    result.hash = block.hash();
    try {
        if (block.header.prevHash != tip_.hash) {
            result.validation = {BlockError::UnknownParent,
                                 "parent " + toHex(block.header.prevHash) + " is not the tip " + toHex(tip_.hash)};
            return result;
        }
        const BlockIndexEntry parent = requireEntry(tip_.hash);
        ChainContext ctx = contextAfter(parent, now);
        if (block.photoHash) ctx.photoAlreadyOnChain = store_.photoOnChain(*block.photoHash);
        result.height = ctx.height;
        result.validation = checkBlockInContext(block, ctx, params_);
        if (!result.validation.ok()) return result;
        result.validation = checkPhoto(block, photo, params_);
        if (!result.validation.ok()) return result;
        if (photo) store_.storePhoto(*photo);
        connect(block, encoded, parent, false);
    } catch (const StoreError& e) {
        result.storageError = e.what();
    }
    return result;
}

void Chain::connect(const Block& block, const Bytes& encoded, const BlockIndexEntry& parent, bool isGenesis)
{
    BlockConnection c;
    c.entry.hash = block.hash();
    c.entry.prevHash = block.header.prevHash;
    c.entry.height = isGenesis ? 0 : parent.height + 1;
    c.entry.time = block.header.time;
    c.entry.bits = block.header.bits;
    c.entry.chainWork = (isGenesis ? Uint256() : parent.chainWork) + workForTarget(*Uint256::fromCompact(block.header.bits));
    c.blockBytes = encoded;
    c.photoHash = block.photoHash;

    const auto coinbase = Transaction::parse(block.transactions.front());
    const crypto::AddressHash& to = coinbase->coinbase.to;
    const uint64_t before = store_.balance(to);
    c.balances.push_back({to, before, before + coinbase->coinbase.amount});

    store_.connectBlock(c);
    tip_ = {c.entry.hash, c.entry.height, c.entry.time, c.entry.bits, c.entry.chainWork};
}

BlockTemplate Chain::makeTemplate(const crypto::AddressHash& rewardAddress, uint64_t now)
{
    const BlockIndexEntry parent = requireEntry(tip_.hash);
    const ChainContext ctx = contextAfter(parent, now);

    CoinbaseTx coinbase;
    coinbase.height = ctx.height;
    coinbase.to = rewardAddress;
    coinbase.amount = params_.blockReward;

    BlockTemplate t;
    t.height = ctx.height;
    t.block.transactions.push_back(coinbase.serialize());
    t.block.header.version = 1;
    t.block.header.prevHash = tip_.hash;
    t.block.header.time = std::max(now, ctx.medianTimePast + 1);
    t.block.header.bits = ctx.expectedBits;
    t.block.header.contentRoot = t.block.computeContentRoot();
    t.target = Uint256::fromCompact(ctx.expectedBits)->toBigEndian();
    return t;
}

} // namespace pb
