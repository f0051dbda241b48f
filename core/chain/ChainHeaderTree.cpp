// The chain's header tree: which headers we know and accept, the most-work header chain sync
// aims for, the context (bits, median time past) a block on a given parent must meet, and what
// peers are told and asked for (locators, headers, missing bodies). Chain.cpp holds the rest:
// loading, the block index cache, and connecting blocks to the active chain.
#include "core/chain/Chain.h"

#include "core/chain/Difficulty.h"

#include <algorithm>

namespace pb {

namespace {

std::string hex(const Hash256& h) { return toHex(h); }

} // namespace

void Chain::recordHeader(const BlockHeader& header, const BlockIndexEntry& parent)
{
    const BlockIndexEntry entry = entryFor(header, parent, BlockIndexEntry::Status::HeaderOnly);
    const auto bytes = header.serialize();
    store_.storeHeader(entry, Bytes(bytes.begin(), bytes.end()));
    remember(entry);
    noteBestHeader(entry);
}

bool Chain::knows(const Hash256& hash) { return findEntry(hash).has_value(); }

void Chain::lookUp(const std::vector<Hash256>& hashes)
{
    std::vector<Hash256> unseen;
    for (const Hash256& hash : hashes)
        if (!index_.count(hash) && !absent_.count(hash)) unseen.push_back(hash);
    if (unseen.empty()) return;
    if (absent_.size() + unseen.size() > kMaxAbsent) absent_.clear();
    const std::vector<std::optional<BlockIndexEntry>> entries = store_.indexEntries(unseen);
    for (size_t i = 0; i < unseen.size(); ++i) {
        if (entries[i]) remember(*entries[i]);
        else absent_.insert(unseen[i]);
    }
}

bool Chain::extendsTipOrLeads(const BlockHeader& header)
{
    const auto work = workAfter(header);
    return work && (header.prevHash == tip_.hash || *work > tip_.chainWork);
}

std::optional<Uint256> Chain::workAfter(const BlockHeader& header)
{
    const auto parent = findEntry(header.prevHash);
    const auto target = blockTarget(header);
    if (!parent || !target) return std::nullopt;
    return parent->chainWork + workForTarget(*target);
}

bool Chain::forksTooDeep(const BlockHeader& header)
{
    const auto parent = findEntry(header.prevHash);
    return parent && forkTooDeep(*parent, header.prevHash).has_value();
}

std::optional<ValidationResult> Chain::forkTooDeep(const BlockIndexEntry& parent, const Hash256& hash)
{
    if (!isActive(parent) || tip_.height - parent.height <= maxReorgDepth_) return std::nullopt;
    return fail(BlockError::ReorgTooDeep, "block " + hex(hash) + " forks " + std::to_string(tip_.height - parent.height) +
                                              " blocks below the tip; the limit is " + std::to_string(maxReorgDepth_));
}

std::optional<uint64_t> Chain::heightOf(const Hash256& hash)
{
    const auto entry = findEntry(hash);
    if (!entry) return std::nullopt;
    return entry->height;
}

std::optional<uint64_t> Chain::activeHeightOf(const Hash256& hash)
{
    const auto entry = findEntry(hash);
    if (!entry || !isActive(*entry)) return std::nullopt;
    return entry->height;
}

void Chain::noteBestHeader(const BlockIndexEntry& entry)
{
    if (entry.status == BlockIndexEntry::Status::Invalid || entry.chainWork <= bestHeader_.chainWork) return;
    // Usually a child of the current best header; otherwise replace the branch above the fork.
    std::vector<Hash256> branch;
    BlockIndexEntry cursor = entry;
    while (!onBestChain(cursor)) {
        branch.push_back(cursor.hash);
        cursor = requireEntry(cursor.prevHash);
    }
    bestChain_.resize(cursor.height + 1);
    bestChain_.insert(bestChain_.end(), branch.rbegin(), branch.rend());
    bestHeader_ = entry;
}

void Chain::resetBestHeaderToTip()
{
    bestHeader_ = requireEntry(tip_.hash);
    bestChain_ = active_;
}

uint64_t Chain::forkWithBestChain() const
{
    // Both chains start at genesis; during sync the active chain is a prefix of the best one.
    uint64_t height = std::min(active_.size(), bestChain_.size()) - 1;
    while (active_[height] != bestChain_[height]) --height;
    return height;
}

uint32_t Chain::nextBits(const BlockIndexEntry& parent)
{
    const auto window = retargetWindow(params_, parent.height + 1);
    if (!window) return parent.bits;
    BlockIndexEntry first = parent;
    while (first.height > window->startHeight) first = requireEntry(first.prevHash);
    return retargetBits(params_, parent.bits, *window, first.time, parent.time);
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

HeaderResult Chain::acceptHeader(const BlockHeader& header, uint64_t now)
{
    HeaderResult result;
    result.validation = checkHeader(header, params_);
    if (!result.validation.ok()) return result;
    try {
        const Hash256 hash = header.hash();
        if (const auto known = findEntry(hash)) {
            if (known->status == BlockIndexEntry::Status::Invalid)
                result.validation = fail(BlockError::KnownInvalid, "header " + hex(hash) + " was found invalid before");
            else
                noteBestHeader(*known);  // after a restart, headers stored earlier still lead the way
            return result;
        }
        const auto parent = findEntry(header.prevHash);
        if (!parent) {
            result.validation = fail(BlockError::UnknownParent, "parent " + hex(header.prevHash) + " is unknown");
            return result;
        }
        if (parent->status == BlockIndexEntry::Status::Invalid) {
            result.validation = fail(BlockError::KnownInvalid, "parent " + hex(header.prevHash) + " is invalid");
            return result;
        }
        if (auto tooDeep = forkTooDeep(*parent, hash)) {  // nothing stored: a branch we could never follow
            result.validation = std::move(*tooDeep);
            return result;
        }
        result.validation = checkHeaderInContext(header, contextAfter(*parent, now), params_);
        if (!result.validation.ok()) {
            if (result.validation.error != BlockError::TimeTooNew) rememberInvalid(header, *parent);
            return result;
        }
        recordHeader(header, *parent);
        result.isNew = true;
    } catch (const StoreError& e) {
        result.storageError = e.what();
    }
    return result;
}

std::vector<Hash256> Chain::locator()
{
    std::vector<Hash256> hashes;
    uint64_t step = 1;
    for (uint64_t h = tip_.height;; h = h > step ? h - step : 0) {
        if (const auto hash = activeAt(h)) hashes.push_back(*hash);
        if (h == 0) break;
        if (hashes.size() >= 10) step *= 2;
    }
    return hashes;
}

std::vector<Bytes> Chain::headersAfter(const std::vector<Hash256>& locator, const Hash256& stop, size_t max)
{
    uint64_t start = 0;
    for (const Hash256& hash : locator) {
        if (const auto height = activeHeightOf(hash)) {
            start = *height;
            break;
        }
    }
    std::vector<Hash256> hashes;
    for (uint64_t h = start + 1; h <= tip_.height && hashes.size() < max; ++h) {
        hashes.push_back(*activeAt(h));
        if (hashes.back() == stop) break;
    }
    std::vector<Bytes> headers;
    std::vector<std::optional<Bytes>> stored = store_.headersBytes(hashes);  // one round trip, not one per header
    for (size_t i = 0; i < hashes.size(); ++i) {
        if (i >= stored.size() || !stored[i])
            throw StoreError("active block at height " + std::to_string(start + 1 + i) + " has no stored header");
        headers.push_back(std::move(*stored[i]));
    }
    return headers;
}

std::vector<BlockIndexEntry> Chain::missingBodies(size_t max)
{
    std::vector<BlockIndexEntry> missing;
    for (uint64_t height = forkWithBestChain() + 1; height < bestChain_.size() && missing.size() < max; ++height) {
        BlockIndexEntry entry = requireEntry(bestChain_[height]);
        if (entry.status == BlockIndexEntry::Status::HeaderOnly) missing.push_back(std::move(entry));
    }
    return missing;
}

} // namespace pb
