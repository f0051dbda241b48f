// BlockServer over fake links: what a peer's requests cost it against its serving budget. A
// chain in memory; the clock is moved by hand.
#include "core/net/BlockServer.h"
#include "tests/unit/net/ProtocolFixture.h"

#include <QtTest>

using namespace pb;
using namespace pb::net;

class BlockServerTest : public QObject {
    Q_OBJECT

    // A serving budget small enough that one getheaders of five headers overdraws it.
    struct TightServingFixture : test::ProtocolFixture {
        ServeLimits limits = [] {
            ServeLimits l;
            l.bytesPerSecond = 1000;
            l.burstBytes = 1000;
            l.storeReadBytes = 100;
            l.maxHeldRequests = 2;
            return l;
        }();
        BlockServer server{limits, chain, store, channel};
    };

private slots:
    void aGetheadersFloodIsServedWithinItsBudgetHeldThenScored()
    {
        TightServingFixture f;
        const auto blocks = f.branch(f.genesis(), 5, 0xA0);
        for (const Block& b : blocks) QVERIFY(f.chain.submitBlock(b.serialize(), nullptr, f.channel.nowSeconds()).ok());
        QCOMPARE(f.chain.tip().hash, blocks.back().hash());

        // Each answer costs 6 reads x 100 + 5 headers x 88 bytes = 1,040 budget bytes.
        for (int i = 0; i < 4; ++i) f.server.onGetHeaders(2, GetHeaders{{f.genesis()}, {}});
        const auto first = f.links.take<Headers>(2);
        QCOMPARE(first.size(), size_t(1));
        QCOMPARE(first[0].headers.size(), size_t(5));
        QCOMPARE(f.misbehaviour.size(), size_t(1));  // two held, the fourth refused
        QCOMPARE(f.misbehaviour[0].peer, PeerId(2));
        QCOMPARE(f.misbehaviour[0].score, BlockServer::kOverBudgetScore);
        QVERIFY2(f.misbehaviour[0].reason.contains("getheaders beyond its serving budget"), qPrintable(f.misbehaviour[0].reason));

        f.server.serveHeld();  // no time has passed: still in debt
        QVERIFY(f.links.take<Headers>(2).empty());
        f.clock.advance(1000);
        f.server.serveHeld();
        QCOMPARE(f.links.take<Headers>(2).size(), size_t(1));
        f.clock.advance(1000);
        f.server.serveHeld();
        QCOMPARE(f.links.take<Headers>(2).size(), size_t(1));
        f.clock.advance(10'000);
        f.server.serveHeld();
        QVERIFY(f.links.take<Headers>(2).empty());  // the refused one is not served later
        // Another peer was never affected.
        f.server.onGetHeaders(3, GetHeaders{{f.genesis()}, {}});
        QCOMPARE(f.links.take<Headers>(3).size(), size_t(1));
    }

    void blocksAreServedWithTheirPhotosAndUnknownOnesAreNamed()
    {
        test::ProtocolFixture f;
        BlockServer server{ServeLimits{}, f.chain, f.store, f.channel};
        const auto blocks = f.branch(f.genesis(), 2, 0xA0);
        for (const Block& b : blocks) QVERIFY(f.chain.submitBlock(b.serialize(), nullptr, f.channel.nowSeconds()).ok());
        Hash256 unknown{};
        unknown.fill(0xEE);
        server.onGetBlocks(4, GetBlocks{{blocks[1].hash(), unknown, blocks[0].hash()}});
        const auto sent = f.links.take<BlockMessage>(4);
        QCOMPARE(sent.size(), size_t(2));
        QCOMPARE(sent[0].block, blocks[1].serialize());
        QCOMPARE(sent[1].block, blocks[0].serialize());
        const auto missing = f.links.take<NotFound>(4);
        QCOMPARE(missing.size(), size_t(1));
        QCOMPARE(missing[0].hashes, std::vector<Hash256>{unknown});
        QVERIFY(f.misbehaviour.empty());
    }
};

QTEST_GUILESS_MAIN(BlockServerTest)
#include "tst_block_server.moc"
