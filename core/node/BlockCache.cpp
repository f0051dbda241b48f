#include "core/node/BlockCache.h"

namespace pb {

void BlockCache::dropIfStale(const QString& tip)
{
    if (tip == tip_ && byHash_.size() < kMaxBlocks) return;
    tip_ = tip;
    hashAtHeight_.clear();
    byHash_.clear();
}

std::optional<BlockInfo> BlockCache::atHeight(const QString& tip, quint64 height)
{
    std::lock_guard lock(mutex_);
    dropIfStale(tip);
    const auto hash = hashAtHeight_.find(height);
    if (hash == hashAtHeight_.end()) return std::nullopt;
    const auto block = byHash_.find(hash->second);
    if (block == byHash_.end()) return std::nullopt;
    return block->second;
}

std::optional<BlockInfo> BlockCache::withHash(const QString& tip, const QString& hash)
{
    std::lock_guard lock(mutex_);
    dropIfStale(tip);
    const auto block = byHash_.find(hash);
    if (block == byHash_.end()) return std::nullopt;
    return block->second;
}

void BlockCache::store(const QString& tip, const BlockInfo& block, bool activeAtHeight)
{
    std::lock_guard lock(mutex_);
    dropIfStale(tip);
    byHash_[block.hash] = block;
    if (activeAtHeight) hashAtHeight_[block.height] = block.hash;
}

} // namespace pb
