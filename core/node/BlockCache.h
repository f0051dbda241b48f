#pragma once
// Recently read blocks, kept while the active chain's tip stays the same. A stored block never
// changes, but the votes later blocks cast on it and which block sits at a height change when
// the tip does, so everything is dropped on a new tip. Lookups by height and hash then cost no
// storage round trip: what the REST API's block lookups and a paging GUI ask for repeatedly.
// Thread-safe.
#include "core/node/BlockInfo.h"

#include <map>
#include <mutex>

namespace pb {

class BlockCache {
public:
    static constexpr size_t kMaxBlocks = 1024;

    std::optional<BlockInfo> atHeight(const QString& tip, quint64 height);
    std::optional<BlockInfo> withHash(const QString& tip, const QString& hash);
    // `activeAtHeight`: the block was found by its height, so it is the active chain's block there.
    void store(const QString& tip, const BlockInfo& block, bool activeAtHeight);

private:
    void dropIfStale(const QString& tip);  // with mutex_ held

    std::mutex mutex_;
    QString tip_;
    std::map<quint64, QString> hashAtHeight_;
    std::map<QString, BlockInfo> byHash_;
};

} // namespace pb
