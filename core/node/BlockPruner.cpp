#include "core/node/BlockPruner.h"

#include "core/chain/PruningRule.h"
#include "core/chain/Validation.h"
#include "core/storage/PhotoStore.h"
#include "core/storage/RedisPruneStore.h"
#include "core/util/HexText.h"

namespace pb {

BlockPruner::BlockPruner(uint64_t window, const NetworkParams& params, ChainStore& chain,
                         storage::RedisPruneStore& store, storage::PhotoStore& photos, Logger& log)
    : window_(window), params_(params), chain_(chain), store_(store), photos_(photos), log_(log)
{
}

void BlockPruner::prune(uint64_t tip, qint64 now)
{
    const uint64_t mark = store_.prunedBelow();
    const PrunePlan plan = planPruning(tip, window_, mark, {0}, kBatch);
    const uint64_t windowStart = tip + 1 > window_ ? tip + 1 - window_ : 0;
    std::vector<storage::PrunedBody> blocks;
    std::vector<Hash256> photos;
    const auto take = [&](const Hash256& hash) {
        const auto bytes = chain_.blockBytes(hash);
        if (!bytes) return;  // gone already
        storage::PrunedBody pruned{hash, std::nullopt, {}, "abstain", bytes->size()};
        if (const auto block = Block::parse(*bytes)) {
            pruned.photo = block->photoHash;
            pruned.label = block->label;
            pruned.vote = labelVoteName(block->vote);
            if (block->photoHash) photos.push_back(*block->photoHash);
        }
        blocks.push_back(std::move(pruned));
    };
    for (uint64_t height : plan.heights)
        if (const auto hash = chain_.hashAtHeight(height)) take(*hash);
    for (const Hash256& hash : store_.expiredRestoredBodies(now)) {
        const auto entry = chain_.indexEntry(hash);
        if (entry && entry->height >= windowStart && chain_.hashAtHeight(entry->height) == hash) continue;
        take(hash);
    }
    // Photos a block inside the window carries stay on disk.
    std::set<Hash256> referenced;
    for (const Hash256& p : photos) {
        const auto holder = chain_.photoBlock(p);
        const auto entry = holder ? chain_.indexEntry(*holder) : std::nullopt;
        if (entry && entry->height >= windowStart && chain_.blockBytes(*holder)) referenced.insert(p);
    }
    const std::vector<Hash256> deletable = photosToDelete(photos, referenced);
    if (!blocks.empty() || plan.prunedBelow != mark)
        store_.dropBodies(blocks, plan.prunedBelow != mark ? std::optional<uint64_t>(plan.prunedBelow) : std::nullopt,
                          deletable);
    if (!blocks.empty())
        log_.info(QString("pruned %1 block bodies and %2 photos (keeping the newest %3 blocks; tip %4)")
                      .arg(blocks.size()).arg(deletable.size()).arg(window_).arg(tip));
    deleteQueuedPhotos();
}

void BlockPruner::deleteQueuedPhotos()
{
    std::vector<Hash256> done;
    for (const Hash256& p : store_.queuedPhotoDeletions()) {
        QString error;
        if (!photos_.remove(p, &error)) {
            log_.warning(QString("cannot delete pruned photo %1: %2").arg(hexText(p), error));
            continue;
        }
        done.push_back(p);
    }
    store_.dequeuePhotos(done);
}

bool BlockPruner::restore(const Hash256& hash, const Bytes& body, const Bytes& photo, qint64 now, QString* why)
{
    const auto fail = [why](const QString& reason) {
        if (why) *why = reason;
        return false;
    };
    const auto header = chain_.headerBytes(hash);
    if (!header || !chain_.indexEntry(hash)) return fail("not a block this node knows");
    if (body.size() < header->size() || !std::equal(header->begin(), header->end(), body.begin()))
        return fail("its header is not the one stored here");
    Block block;
    if (const ValidationResult r = checkBlock(body, params_, &block); !r.ok())
        return fail(QString("%1: %2").arg(blockErrorCode(r.error), QString::fromStdString(r.detail)));
    if (block.photoHash) {
        if (const ValidationResult r = checkPhoto(block, &photo, params_); !r.ok())
            return fail(QString("its photo: %1").arg(blockErrorCode(r.error)));
        store_.dequeuePhotos({*block.photoHash});
        QString error;
        if (!photos_.put(photo, &error)) return fail("cannot write its photo: " + error);
    }
    if (chain_.blockBytes(hash)) return true;
    store_.restoreBody(hash, body, now + kKeepRefetchedSeconds);
    return true;
}

} // namespace pb
