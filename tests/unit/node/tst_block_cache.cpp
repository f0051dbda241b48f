// BlockCache: blocks read under one tip are served from memory, and nothing read under an
// older tip survives a new one (votes and the block at a height may have changed).
#include "core/node/BlockCache.h"

#include <QtTest>

using pb::BlockCache;
using pb::BlockInfo;

namespace {

BlockInfo block(quint64 height, const QString& hash)
{
    BlockInfo b;
    b.height = height;
    b.hash = hash;
    return b;
}

} // namespace

class BlockCacheTest : public QObject {
    Q_OBJECT
private slots:
    void servesBlocksReadUnderTheSameTip()
    {
        BlockCache cache;
        cache.store("tip1", block(5, "aa"), true);
        cache.store("tip1", block(6, "side"), false);  // found by hash: maybe not the active block at 6
        QCOMPARE(cache.atHeight("tip1", 5)->hash, QString("aa"));
        QCOMPARE(cache.withHash("tip1", "aa")->height, quint64(5));
        QCOMPARE(cache.withHash("tip1", "side")->height, quint64(6));
        QVERIFY(!cache.atHeight("tip1", 6));
        QVERIFY(!cache.withHash("tip1", "bb"));
    }

    void aNewTipDropsEverything()
    {
        BlockCache cache;
        cache.store("tip1", block(5, "aa"), true);
        QVERIFY(!cache.atHeight("tip2", 5));
        QVERIFY(!cache.withHash("tip1", "aa"));  // the tip moved on and back: still read again
    }

    void staysBounded()
    {
        BlockCache cache;
        for (quint64 h = 0; h <= BlockCache::kMaxBlocks; ++h) cache.store("tip", block(h, QString::number(h)), true);
        QVERIFY(!cache.atHeight("tip", 0));
        QVERIFY(cache.atHeight("tip", BlockCache::kMaxBlocks));
    }
};

QTEST_GUILESS_MAIN(BlockCacheTest)
#include "tst_block_cache.moc"
