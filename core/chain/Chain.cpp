#include "core/chain/Chain.h"

#include "core/chain/Difficulty.h"
#include "core/chain/Transaction.h"

#include <algorithm>
#include <map>

namespace pb {

namespace {

std::string hex(const Hash256& h) { return toHex(h); }

// Accounts and photo placements as they will be after the update being built, over the store.
class PendingState {
public:
    PendingState(ChainStore& store, AccountLookup accountsBefore) : accounts(std::move(accountsBefore)), store_(store) {}

    AccountOverlay accounts;

    bool photoOnChain(const Hash256& photo)
    {
        const auto it = photos_.find(photo);
        return it != photos_.end() ? it->second : store_.photoBlock(photo).has_value();
    }
    void setPhoto(const Hash256& photo, bool onChain) { photos_[photo] = onChain; }

private:
    ChainStore& store_;
    std::map<Hash256, bool> photos_;
};

// The index entries of a block's transactions: each listed under the addresses it touches.
std::vector<TxRecord> txRecords(const Block& block)
{
    std::vector<TxRecord> records;
    for (size_t i = 0; i < block.transactions.size(); ++i) {
        const auto tx = Transaction::parse(block.transactions[i]);
        if (!tx) continue;
        TxRecord r{txId(block.transactions[i]), uint32_t(i), {}};
        if (tx->type == TxType::Coinbase) {
            r.addresses = {tx->coinbase.to};
        } else {
            r.addresses = {tx->transfer.from()};
            if (tx->transfer.to != r.addresses.front()) r.addresses.push_back(tx->transfer.to);
        }
        records.push_back(std::move(r));
    }
    return records;
}

} // namespace

Chain::Chain(const NetworkParams& params, ChainStore& store, uint64_t maxReorgDepth)
    : params_(params), store_(store), maxReorgDepth_(maxReorgDepth)
{
}

void Chain::load()
{
    const Block genesis = params_.genesisBlock();
    const Hash256 genesisHash = genesis.hash();
    if (!store_.tipHash()) {
        BlockIndexEntry entry = entryFor(genesis.header, BlockIndexEntry{}, BlockIndexEntry::Status::HaveBody);
        entry.height = 0;
        entry.chainWork = workForTarget(*Uint256::fromCompact(genesis.header.bits));
        store_.storeBlock(entry, genesis.serialize());
        const auto coinbase = Transaction::parse(genesis.transactions.front());
        store_.applyUpdate({{}, {{entry, std::nullopt, {{coinbase->coinbase.to, 0, coinbase->coinbase.amount, 0, 0}}, std::nullopt,
                                  txRecords(genesis)}}});
    }
    const auto atZero = store_.hashAtHeight(0);
    if (!atZero || *atZero != genesisHash)
        throw StoreError("the database holds a chain whose genesis is not the '" + params_.name
                         + "' network's genesis " + hex(genesisHash));
    index_.clear();
    absent_.clear();
    accounts_.clear();
    active_ = store_.activeChain();
    const BlockIndexEntry tip = requireEntry(*store_.tipHash());
    if (active_.size() != tip.height + 1 || active_.back() != tip.hash)
        throw StoreError("the active chain index does not end at the tip " + hex(tip.hash));
    tip_ = {tip.hash, tip.height, tip.time, tip.bits, tip.chainWork};
    resetBestHeaderToTip();
}

std::optional<BlockIndexEntry> Chain::findEntry(const Hash256& hash)
{
    if (const auto it = index_.find(hash); it != index_.end()) return it->second;
    if (absent_.count(hash)) return std::nullopt;
    auto entry = store_.indexEntry(hash);
    if (entry) {
        remember(*entry);
    } else {
        if (absent_.size() >= kMaxAbsent) absent_.clear();
        absent_.insert(hash);
    }
    return entry;
}

std::optional<Hash256> Chain::activeAt(uint64_t height) const
{
    if (height >= active_.size()) return std::nullopt;
    return active_[height];
}

BlockIndexEntry Chain::requireEntry(const Hash256& hash)
{
    auto entry = findEntry(hash);
    if (!entry) throw StoreError("block index entry " + hex(hash) + " is missing from the database");
    return *entry;
}

BlockIndexEntry Chain::entryFor(const BlockHeader& header, const BlockIndexEntry& parent, BlockIndexEntry::Status status)
{
    BlockIndexEntry e;
    e.hash = header.hash();
    e.prevHash = header.prevHash;
    e.height = parent.height + 1;
    e.time = header.time;
    e.bits = header.bits;
    // Work actually done: a label claim's photo target counts for 16x less than its bits.
    e.chainWork = parent.chainWork + workForTarget(*blockTarget(header));
    e.lastClaim = header.claimsLabel() ? e.hash : parent.lastClaim;
    e.status = status;
    return e;
}

bool Chain::isActive(const BlockIndexEntry& entry)
{
    const auto atHeight = activeAt(entry.height);
    return atHeight && *atHeight == entry.hash;
}

void Chain::rememberInvalid(const BlockHeader& header, const BlockIndexEntry& parent)
{
    const auto bytes = header.serialize();
    const BlockIndexEntry entry = entryFor(header, parent, BlockIndexEntry::Status::Invalid);
    store_.storeHeader(entry, Bytes(bytes.begin(), bytes.end()));
    remember(entry);
}

AcceptResult Chain::submitBlock(const Bytes& encoded, const Bytes* photo, uint64_t now, const PhotoVerdict* verdict,
                                Connect connect)
{
    AcceptResult result;
    Block block;
    result.validation = checkBlock(encoded, params_, &block, *signatures_);
    if (!result.validation.ok()) return result;
    result.hash = block.hash();
    try {
        const auto known = findEntry(result.hash);
        if (known && known->status == BlockIndexEntry::Status::HaveBody) {
            result.outcome = AcceptOutcome::Duplicate;
            result.height = known->height;
            // Stored but never connected (the node or its Redis died in between): connect it now,
            // which turns the outcome into Connected.
            noteBestHeader(*known);
            if (known->chainWork > tip_.chainWork) activate(*known, now, result);
            return result;
        }
        if (known && known->status == BlockIndexEntry::Status::Invalid) {
            result.validation = fail(BlockError::KnownInvalid, "block " + hex(result.hash) + " was found invalid before");
            return result;
        }
        const auto parent = findEntry(block.header.prevHash);
        if (!parent) {
            result.validation = fail(BlockError::UnknownParent, "parent " + hex(block.header.prevHash) + " is unknown");
            return result;
        }
        if (parent->status == BlockIndexEntry::Status::Invalid) {
            rememberInvalid(block.header, *parent);
            result.validation = fail(BlockError::KnownInvalid, "parent " + hex(block.header.prevHash) + " is invalid");
            return result;
        }
        if (auto tooDeep = forkTooDeep(*parent, result.hash)) {  // before the photo check, and nothing stored
            result.validation = std::move(*tooDeep);
            return result;
        }
        result.height = parent->height + 1;
        // Everything but the photo's uniqueness, which depends on the branch it ends up on.
        ChainContext ctx = contextAfter(*parent, now);
        result.validation = checkBlockInContext(block, ctx, params_);
        if (result.validation.ok()) result.validation = checkPhoto(block, photo, params_);
        // Last, as it is the slow check: the recognizer must see the claimed label.
        if (result.validation.ok() && !block.label.empty()) {
            std::optional<PhotoVerdict> judged;
            if (verdict) judged = *verdict;
            else if (verifier_) judged = verifier_(*block.photoHash, *photo, block.label);
            else judged = PhotoVerdict{PhotoVerdict::Kind::Unverifiable, "this node runs no recognizer"};
            if (!judged) {
                // Its header is valid: recorded as headers-first sync would, so the blocks a peer
                // builds on it meanwhile find their parent. The body waits for the verdict.
                if (!known) recordHeader(block.header, *parent);
                result.outcome = AcceptOutcome::PhotoCheckPending;
                result.photoCheck = PhotoCheck{*block.photoHash, block.label};
                return result;
            }
            result.validation = checkLabelClaim(block, *judged);
        }
        if (!result.validation.ok()) {
            // Not the block's fault: it may be valid once the clock, the photo or a recognizer is there.
            const BlockError e = result.validation.error;
            if (e != BlockError::TimeTooNew && e != BlockError::PhotoMissing && e != BlockError::PhotoUnverifiable) {
                rememberInvalid(block.header, *parent);
                // Its header led while its photo was checked: sync must not aim at it any more.
                if (bestHeader_.hash == result.hash) resetBestHeaderToTip();
            }
            return result;
        }
        if (photo) store_.storePhoto(*photo);
        const BlockIndexEntry entry = entryFor(block.header, *parent, BlockIndexEntry::Status::HaveBody);
        store_.storeBlock(entry, encoded);
        remember(entry);
        noteBestHeader(entry);
        result.outcome = AcceptOutcome::Stored;
        holdBlock(result.hash, std::move(block), encoded.size());
        if (connect == Connect::Later) return result;

        if (const auto target = bestActivatable()) activate(*target, now, result);
        if (result.outcome == AcceptOutcome::Stored && entry.chainWork > tip_.chainWork) activate(entry, now, result);
        store_.flush();  // a block stored off the active chain is on disk like a connected one
    } catch (const StoreError& e) {
        result.outcome = AcceptOutcome::Rejected;
        result.storageError = e.what();
    }
    return result;
}

AcceptResult Chain::connectStored(uint64_t now)
{
    AcceptResult result;
    result.outcome = AcceptOutcome::Stored;
    try {
        if (const auto target = bestActivatable()) {
            result.hash = target->hash;
            result.height = target->height;
            activate(*target, now, result);
        }
        store_.flush();
    } catch (const StoreError& e) {
        result.outcome = AcceptOutcome::Rejected;
        result.storageError = e.what();
    }
    return result;
}

std::optional<BlockIndexEntry> Chain::bestActivatable()
{
    // The highest block of the best header chain whose path from the fork has every body.
    std::optional<BlockIndexEntry> best;
    for (uint64_t height = forkWithBestChain() + 1; height < bestChain_.size(); ++height) {
        BlockIndexEntry entry = requireEntry(bestChain_[height]);  // its body may have arrived since
        if (entry.status != BlockIndexEntry::Status::HaveBody) break;
        best = std::move(entry);
    }
    if (best && best->chainWork > tip_.chainWork) return best;
    return std::nullopt;
}

std::optional<VoteCast> Chain::voteOf(const Block& block, const BlockIndexEntry& parent)
{
    if (parent.lastClaim == Hash256{}) return std::nullopt;  // nothing claimed yet: no label to vote on
    return VoteCast{parent.lastClaim, block.vote};
}

AccountState Chain::accountOf(const crypto::AddressHash& address)
{
    if (const auto it = accounts_.find(address); it != accounts_.end()) return it->second;
    const AccountState state = store_.account(address);
    if (accounts_.size() >= kMaxCachedAccounts) accounts_.clear();
    accounts_.emplace(address, state);
    return state;
}

void Chain::rememberAccounts(const ChainUpdate& applied)
{
    // What applyUpdate wrote, in its order.
    for (const BlockDisconnection& d : applied.disconnect)
        for (auto it = d.balances.rbegin(); it != d.balances.rend(); ++it) accounts_[it->address] = {it->before, it->nonceBefore};
    for (const BlockConnection& c : applied.connect)
        for (const BalanceChange& b : c.balances) accounts_[b.address] = {b.after, b.nonceAfter};
}

void Chain::activate(const BlockIndexEntry& target, uint64_t now, AcceptResult& result)
{
    if (target.chainWork <= tip_.chainWork) return;
    std::vector<BlockIndexEntry> branch;
    BlockIndexEntry fork = target;
    while (!isActive(fork)) {
        if (fork.status != BlockIndexEntry::Status::HaveBody) return;  // wait for the missing body
        branch.push_back(fork);
        fork = requireEntry(fork.prevHash);
    }
    std::reverse(branch.begin(), branch.end());
    if (tip_.height - fork.height > maxReorgDepth_) {
        result.outcome = AcceptOutcome::Rejected;
        result.validation = fail(BlockError::ReorgTooDeep, "switching to " + hex(target.hash) + " would undo "
                                                               + std::to_string(tip_.height - fork.height)
                                                               + " blocks; the limit is " + std::to_string(maxReorgDepth_));
        return;
    }

    ChainUpdate update;
    PendingState pending(store_, [this](const crypto::AddressHash& a) { return accountOf(a); });
    for (BlockIndexEntry cursor = requireEntry(tip_.hash); cursor.hash != fork.hash; cursor = requireEntry(cursor.prevHash)) {
        const auto undo = store_.undoData(cursor.hash);
        const auto bytes = store_.blockBytes(cursor.hash);
        if (undo && !bytes) {
            // A mobile node pruned this body: it cannot undo the block, so it stays on its branch.
            result.outcome = AcceptOutcome::Rejected;
            result.validation = fail(BlockError::ReorgTooDeep, "switching to " + hex(target.hash) + " would undo block "
                                                                   + hex(cursor.hash) + ", whose body was pruned here");
            return;
        }
        const auto block = bytes ? Block::parse(*bytes) : std::nullopt;
        if (!undo || !block) throw StoreError("undo data or body of active block " + hex(cursor.hash) + " is missing");
        for (auto it = undo->rbegin(); it != undo->rend(); ++it) pending.accounts.set(it->address, {it->before, it->nonceBefore});
        if (block->photoHash) pending.setPhoto(*block->photoHash, false);
        update.disconnect.push_back({cursor, block->photoHash, *undo, voteOf(*block, requireEntry(cursor.prevHash)), txRecords(*block)});
    }

    BlockIndexEntry parent = fork;
    for (const BlockIndexEntry& entry : branch) {
        const auto inHand = inHand_.find(entry.hash);
        const auto bytes = inHand != inHand_.end() ? std::nullopt : store_.blockBytes(entry.hash);
        const auto block = inHand != inHand_.end() ? std::optional<Block>(inHand->second.block) : bytes ? Block::parse(*bytes) : std::nullopt;
        if (!block) throw StoreError("stored body of block " + hex(entry.hash) + " is missing or damaged");
        ChainContext ctx = contextAfter(parent, now);
        if (block->photoHash) ctx.photoAlreadyOnChain = pending.photoOnChain(*block->photoHash);
        std::vector<BalanceChange> changes;
        ValidationResult r = checkBlockInContext(*block, ctx, params_);
        if (r.ok()) r = applyBlockTransactions(*block, pending.accounts, &changes);
        if (!r.ok()) {
            rejectInBranch(entry, r, branch, update.connect.size(), result);
            // The blocks below it are valid: connect them when they beat the tip.
            if (update.connect.empty() || parent.chainWork <= tip_.chainWork) return;
            break;
        }
        if (block->photoHash) pending.setPhoto(*block->photoHash, true);
        update.connect.push_back({entry, block->photoHash, std::move(changes), voteOf(*block, parent), txRecords(*block)});
        parent = entry;
    }

    try {
        store_.applyUpdate(update);
    } catch (const StoreError&) {
        accounts_.clear();  // the update may or may not have been applied
        throw;
    }
    rememberAccounts(update);
    active_.resize(fork.height + 1);
    for (const auto& c : update.connect) {
        active_.push_back(c.entry.hash);
        releaseHeld(c.entry.hash);
    }
    for (const auto& d : update.disconnect) result.disconnected.push_back(d.entry);
    for (const auto& c : update.connect) result.connected.push_back(c.entry);
    const BlockIndexEntry& newTip = update.connect.back().entry;
    const uint64_t oldHeight = tip_.height;
    tip_ = {newTip.hash, newTip.height, newTip.time, newTip.bits, newTip.chainWork};
    noteBestHeader(newTip);
    if (result.outcome != AcceptOutcome::Rejected) result.outcome = AcceptOutcome::Connected;
    if (oldHeight / kSideBodySweepInterval != tip_.height / kSideBodySweepInterval) dropUnreachableSideBodies();
}

void Chain::dropUnreachableSideBodies()
{
    // A block off the active chain at height h forks at h - 1 or lower: once that is more than
    // the reorganisation limit below the tip, the branch can never be followed again.
    if (tip_.height <= maxReorgDepth_) return;
    try {
        std::vector<Hash256> dropped, photos;
        for (const Hash256& hash : store_.sideBodiesBelow(tip_.height - maxReorgDepth_, kSideBodiesPerSweep)) {
            const auto entry = findEntry(hash);
            if (!entry || isActive(*entry)) continue;  // never an active block's body
            dropped.push_back(hash);
            const auto bytes = store_.blockBytes(hash);
            const auto block = bytes ? Block::parse(*bytes) : std::nullopt;
            // A photo an active block carries stays.
            if (block && block->photoHash && !store_.photoBlock(*block->photoHash)) photos.push_back(*block->photoHash);
        }
        if (dropped.empty()) return;
        store_.dropSideBodies(dropped, photos);
        for (const Hash256& hash : dropped) index_.erase(hash);  // read again, header-only, when needed
    } catch (const StoreError&) {
        // The bodies stay listed and are dropped at a later sweep; the tip has moved regardless.
    }
}

void Chain::holdBlock(const Hash256& hash, Block block, size_t bytes)
{
    if (inHand_.size() >= kMaxBlocksInHand || bytesInHand_ + bytes > kMaxBytesInHand) {
        inHand_.clear();
        bytesInHand_ = 0;
    }
    if (inHand_.emplace(hash, HeldBlock{std::move(block), bytes}).second) bytesInHand_ += bytes;
}

void Chain::releaseHeld(const Hash256& hash)
{
    const auto held = inHand_.find(hash);
    if (held == inHand_.end()) return;
    bytesInHand_ -= held->second.bytes;
    inHand_.erase(held);
}

void Chain::rejectInBranch(const BlockIndexEntry& entry, const ValidationResult& why, const std::vector<BlockIndexEntry>& branch,
                           size_t position, AcceptResult& result)
{
    store_.markInvalid(entry.hash);
    index_.erase(entry.hash);
    releaseHeld(entry.hash);
    result.invalidBlock = entry.hash;
    if (onBestChain(entry)) {
        // Sync goes on up to the invalid block's parent when that still leads, else from the tip.
        const BlockIndexEntry parent = requireEntry(entry.prevHash);
        if (parent.chainWork > tip_.chainWork) {
            bestHeader_ = parent;
            bestChain_.resize(entry.height);
        } else {
            resetBestHeaderToTip();
        }
    }
    // The submitted block fails with it when it is this block or one of its descendants.
    const auto submitted = std::find_if(branch.begin() + long(position), branch.end(),
                                        [&](const BlockIndexEntry& e) { return e.hash == result.hash; });
    if (submitted == branch.end()) return;
    result.outcome = AcceptOutcome::Rejected;
    result.validation = why;
    if (entry.hash != result.hash) result.validation.detail = "ancestor " + hex(entry.hash) + ": " + why.detail;
}

ChainContext Chain::nextBlockContext(uint64_t now)
{
    return contextAfter(requireEntry(tip_.hash), now);
}

} // namespace pb
