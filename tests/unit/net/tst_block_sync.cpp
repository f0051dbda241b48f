// BlockSync over fake links: which bodies it asks for, from whom, and what happens when a peer
// does not deliver. A chain in memory; the clock is moved by hand.
#include "core/net/BlockSync.h"
#include "tests/unit/chain/BlockFixtures.h"
#include "tests/unit/net/ProtocolFixture.h"

#include <QtTest>

using namespace pb;
using namespace pb::net;

namespace {

std::vector<Hash256> requested(test::FakeLinks& links, PeerId peer)
{
    std::vector<Hash256> hashes;
    for (const GetBlocks& r : links.take<GetBlocks>(peer)) hashes.insert(hashes.end(), r.hashes.begin(), r.hashes.end());
    return hashes;
}

} // namespace

class BlockSyncTest : public QObject {
    Q_OBJECT

    struct Fixture : test::ProtocolFixture {
        std::vector<AcceptResult> connected;
        std::vector<PeerId> connectedFrom;
        SyncSettings settings;
        BlockSync sync{settings, chain, store, channel, log,
                       {[this](const AcceptResult& r, PeerId from) {
                            connected.push_back(r);
                            connectedFrom.push_back(from);
                        },
                        [](const Hash256&, const Bytes&, const Bytes&) {},
                        {}}};  // no recognizer: these blocks claim no label

        // Delivers what `peer` was asked for, in the order asked, until it asks for nothing more.
        void deliverRequested(PeerId peer, const std::vector<Block>& blocks)
        {
            std::map<Hash256, const Block*> byHash;
            for (const Block& b : blocks) byHash[b.hash()] = &b;
            for (auto asked = requested(links, peer); !asked.empty(); asked = requested(links, peer))
                for (const Hash256& h : asked) sync.onBlock(peer, BlockMessage{byHash.at(h)->serialize(), {}});
        }

        // Peer 1 serves a chain of `length` blocks from genesis and we take all of it; what it
        // was asked for is taken from the links.
        std::vector<Block> syncFromPeerOne(int length)
        {
            const auto blocks = branch(genesis(), length, 0xA0);
            sync.peerReady(1, true, uint64_t(length));
            sync.onHeaders(1, headersOf(blocks));
            for (const Block& b : blocks) sync.onBlock(1, BlockMessage{b.serialize(), {}});
            if (chain.tip().hash != blocks.back().hash() || requested(links, 1) != hashes(blocks)) return {};
            links.take<GetHeaders>(1);
            return blocks;
        }
    };

    // Header branches are stored from three blocks' work above genesis on.
    struct MinimumWorkFixture : test::ProtocolFixture {
        SyncSettings settings = [this] {
            SyncSettings s;
            const Uint256 perBlock = workForTarget(*Uint256::fromCompact(test::easyNet().genesisBits));
            s.minimumChainWork = chain.tip().chainWork + perBlock + perBlock + perBlock;
            return s;
        }();
        BlockSync sync{settings, chain, store, channel, log,
                       {[](const AcceptResult&, PeerId) {}, [](const Hash256&, const Bytes&, const Bytes&) {}, {}}};
    };

private slots:
    void unrequestedSideBranchBlocksKeepOnlyTheirHeaderUntilTheirBranchLeads()
    {
        Fixture f;
        const auto blocks = f.syncFromPeerOne(8);
        QCOMPARE(blocks.size(), size_t(8));

        // A block on genesis nobody asked for: neither its body nor its header is kept, and its
        // sender is scored for pushing a fork 8 blocks below the tip.
        const auto deep = f.branch(f.genesis(), 2, 0xB0);
        f.sync.peerReady(2, true, 1);
        f.sync.onBlock(2, BlockMessage{deep[0].serialize(), {}});
        QVERIFY(!f.store.indexEntry(deep[0].hash()));
        QCOMPARE(f.misbehaviour.size(), size_t(1));
        QCOMPARE(f.misbehaviour[0].peer, PeerId(2));
        QCOMPARE(f.misbehaviour[0].score, f.settings.staleForkScore);
        QVERIFY2(f.misbehaviour[0].reason.contains("on a fork 8 blocks below the tip"), qPrintable(f.misbehaviour[0].reason));
        // Its child: the parent is unknown to the chain, but known as that stale fork's.
        f.sync.onBlock(2, BlockMessage{deep[1].serialize(), {}});
        QVERIFY(!f.store.indexEntry(deep[1].hash()));
        QCOMPARE(f.misbehaviour.size(), size_t(2));
        QCOMPARE(f.misbehaviour[1].score, f.settings.staleForkScore);
        QVERIFY2(f.misbehaviour[1].reason.contains("stale fork it pushed before"), qPrintable(f.misbehaviour[1].reason));
        QVERIFY(f.links.take<GetHeaders>(2).empty());  // nothing to learn about where it belongs

        // A sibling of the tip (a race two miners ran): equal work, header kept, nobody scored.
        const auto race = f.branch(blocks[6].hash(), 1, 0xC0);
        f.sync.peerReady(3, true, 8);
        f.sync.onBlock(3, BlockMessage{race[0].serialize(), {}});
        QCOMPARE(f.store.indexEntry(race[0].hash())->status, BlockIndexEntry::Status::HeaderOnly);
        QCOMPARE(f.misbehaviour.size(), size_t(2));
        QCOMPARE(f.chain.tip().hash, blocks.back().hash());

        // Its child makes the branch lead: kept with its body, and the missing parent body is
        // asked for; once it arrives the chain switches.
        const auto next = f.branch(race[0].hash(), 1, 0xC0);
        f.sync.onBlock(3, BlockMessage{next[0].serialize(), {}});
        QCOMPARE(f.store.indexEntry(next[0].hash())->status, BlockIndexEntry::Status::HaveBody);
        PeerId asked = 0;
        for (PeerId id : {1, 2, 3})
            if (requested(f.links, id) == std::vector<Hash256>{race[0].hash()}) asked = id;
        QVERIFY(asked != 0);
        f.sync.onBlock(asked, BlockMessage{race[0].serialize(), {}});
        QCOMPARE(f.chain.tip().hash, next[0].hash());
        QCOMPARE(f.misbehaviour.size(), size_t(2));
    }

    void aPushedBlockWeAlreadyHoldIsDroppedWithoutBlame()
    {
        Fixture f;
        const auto blocks = f.syncFromPeerOne(8);
        QCOMPARE(blocks.size(), size_t(8));
        // A lagging peer pushes back blocks of our chain, deep below the tip and at the tip:
        // nothing to do, and no stale fork (which, on a shared address, would ban everyone).
        f.sync.peerReady(2, true, 1);
        const size_t connectedBefore = f.connected.size();
        for (size_t i : {size_t(1), size_t(7)}) f.sync.onBlock(2, BlockMessage{blocks[i].serialize(), {}});
        QVERIFY(f.misbehaviour.empty());
        QCOMPARE(f.connected.size(), connectedBefore);
        QCOMPARE(f.sync.knownHeight(2), uint64_t(8));  // it evidently has them
    }

    void asksForBodiesOnlyAlongTheBestHeaderBranch()
    {
        Fixture f;
        const auto shortBranch = f.branch(f.genesis(), 2, 0xB0);
        const auto longBranch = f.branch(f.genesis(), 3, 0xA0);
        f.sync.peerReady(1, true, 3);
        // One message holding both branches: the short one first, so it was briefly the best.
        Headers both = f.headersOf(shortBranch);
        const Headers longer = f.headersOf(longBranch);
        both.headers.insert(both.headers.end(), longer.headers.begin(), longer.headers.end());
        f.sync.onHeaders(1, both);

        QCOMPARE(requested(f.links, 1), f.hashes(longBranch));
        QCOMPARE(f.links.expectedReplies(1), 3);
        QVERIFY(f.misbehaviour.empty());
    }

    void asksOnlyPeersKnownToHaveTheBlocksAndNeverMobileOnes()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 3, 0xA0);
        f.sync.peerReady(1, false, 3);  // mobile: serves no bodies
        f.sync.peerReady(2, true, 1);   // has only the first block
        f.sync.peerReady(3, true, 0);
        f.sync.onHeaders(3, f.headersOf(blocks));  // peer 3 sent them: it has all three now

        QVERIFY(requested(f.links, 1).empty());
        QCOMPARE(requested(f.links, 2), std::vector<Hash256>{blocks[0].hash()});
        QCOMPARE(requested(f.links, 3), (std::vector<Hash256>{blocks[1].hash(), blocks[2].hash()}));
    }

    void reasksAnotherPeerAfterTheDeadline()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 3, 0xA0);
        f.sync.peerReady(1, true, 3);
        f.sync.peerReady(2, true, 3);
        f.sync.onHeaders(1, f.headersOf(blocks));
        QCOMPARE(requested(f.links, 1), f.hashes(blocks));  // the first peer with room takes them all
        QVERIFY(requested(f.links, 2).empty());

        // Not yet due: nobody is asked again.
        f.clock.advance(f.settings.blockDownloadTimeoutMs);
        f.sync.expireDownloads();
        f.sync.requestBodies();
        QVERIFY(requested(f.links, 1).empty());
        QVERIFY(requested(f.links, 2).empty());

        // Past the deadline: the other peer is asked, and the slow one stays connected.
        f.clock.advance(1);
        f.sync.expireDownloads();
        f.sync.requestBodies();
        QCOMPARE(requested(f.links, 2), f.hashes(blocks));
        QVERIFY(requested(f.links, 1).empty());
        QVERIFY(!f.links.wasDisconnected(1));
        QVERIFY(f.misbehaviour.empty());
    }

    void aSlowPeerIsAskedAgainWhenNoOtherPeerHasTheBlocks()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 2, 0xA0);
        f.sync.peerReady(1, true, 2);
        f.sync.onHeaders(1, f.headersOf(blocks));
        QCOMPARE(requested(f.links, 1), f.hashes(blocks));
        f.clock.advance(f.settings.blockDownloadTimeoutMs + 1);
        f.sync.expireDownloads();
        f.sync.requestBodies();
        QCOMPARE(requested(f.links, 1), f.hashes(blocks));
    }

    void deliveredBodiesConnectAndAreReportedWithTheirSender()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 2, 0xA0);
        f.sync.peerReady(4, true, 2);
        f.sync.onHeaders(4, f.headersOf(blocks));
        QCOMPARE(requested(f.links, 4).size(), size_t(2));
        for (const Block& b : blocks) f.sync.onBlock(4, BlockMessage{b.serialize(), {}});

        QCOMPARE(f.chain.tip().hash, blocks.back().hash());
        QCOMPARE(f.connected.size(), size_t(2));
        QCOMPARE(f.connectedFrom, (std::vector<PeerId>{4, 4}));
        QVERIFY(f.misbehaviour.empty());
    }

    void farBehindBlocksConnectInRunsAndAreAskedForOncePerRun()
    {
        Fixture f;
        const size_t window = size_t(f.settings.maxBlocksInFlightPerPeer);
        const size_t wideWindow = size_t(f.settings.syncBlocksInFlightPerPeer);
        const size_t run = wideWindow / 2;
        const auto blocks = f.branch(f.genesis(), 200, 0xA0);
        f.sync.peerReady(1, true, blocks.size());
        f.sync.onHeaders(1, f.headersOf(blocks));
        // Before any block has come their size is unknown: the normal window.
        QCOMPARE(requested(f.links, 1), f.hashes({blocks.begin(), blocks.begin() + long(window)}));
        // The first one shows they are small: it connects, and the window widens, asked for in
        // requests of at most kMaxBlocksPerRequest.
        f.sync.onBlock(1, BlockMessage{blocks[0].serialize(), {}});
        QCOMPARE(f.chain.tip().hash, blocks[0].hash());
        const auto asked = f.links.take<GetBlocks>(1);
        std::vector<Hash256> widened;
        for (const GetBlocks& r : asked) {
            QVERIFY(r.hashes.size() <= kMaxBlocksPerRequest);
            widened.insert(widened.end(), r.hashes.begin(), r.hashes.end());
        }
        QCOMPARE(widened, f.hashes({blocks.begin() + long(window), blocks.begin() + long(1 + wideWindow)}));
        QCOMPARE(f.links.expectedReplies(1), int(window + widened.size()));

        // A run (half the wide window) short of one block: stored, not connected, nothing reported or asked.
        for (size_t i = 1; i < run; ++i) f.sync.onBlock(1, BlockMessage{blocks[i].serialize(), {}});
        QCOMPARE(f.chain.tip().hash, blocks[0].hash());
        QCOMPARE(f.store.indexEntry(blocks[1].hash())->status, BlockIndexEntry::Status::HaveBody);
        QCOMPARE(f.connected.size(), size_t(1));
        QVERIFY(requested(f.links, 1).empty());
        // Its last block connects the run in one store update and one report, and asks once for more.
        const int updates = f.store.updatesApplied;
        f.sync.onBlock(1, BlockMessage{blocks[run].serialize(), {}});
        QCOMPARE(f.chain.tip().hash, blocks[run].hash());
        QCOMPARE(f.store.updatesApplied, updates + 1);
        QCOMPARE(f.connected.size(), size_t(2));
        QCOMPARE(f.connected[1].connected.size(), run);
        QCOMPARE(f.connectedFrom, (std::vector<PeerId>{1, 1}));
        QCOMPARE(requested(f.links, 1), f.hashes({blocks.begin() + long(1 + wideWindow), blocks.begin() + long(1 + wideWindow + run)}));

        // Runs go on while the tip is ConnectRun::kFarBehind below the best header; then blocks
        // connect one by one.
        for (size_t i = run + 1; i < 1 + wideWindow + run; ++i) f.sync.onBlock(1, BlockMessage{blocks[i].serialize(), {}});
        f.deliverRequested(1, blocks);
        QCOMPARE(f.chain.tip().hash, blocks.back().hash());
        size_t runs = 1;
        while (runs < f.connected.size() && f.connected[runs].connected.size() == run) ++runs;
        const uint64_t tipAfterRuns = f.connected[runs - 1].connected.back().height;
        QVERIFY(runs >= 4);
        QVERIFY(tipAfterRuns + ConnectRun::kFarBehind > blocks.size());
        QCOMPARE(f.connected.size(), runs + size_t(blocks.size() - tipAfterRuns));
        QVERIFY(f.misbehaviour.empty());
    }

    void theWideWindowFitsLargeBlocks()
    {
        Fixture f;
        // Blocks carrying half-MiB photos: far fewer than syncBlocksInFlightPerPeer fit kSyncWindowBytes.
        const size_t photoBytes = 512 * 1024;
        crypto::AddressHash payTo;
        payTo.fill(0xA0);
        std::vector<Block> blocks;
        std::vector<Bytes> photos;
        for (uint64_t height = 1; height <= 80; ++height) {
            Bytes photo = test::jpegBytes(uint8_t(height));
            photo.resize(photoBytes, uint8_t(height));
            Block b = test::coinbaseBlockOn(test::easyNet(), height == 1 ? f.genesis() : blocks.back().hash(), height,
                                            test::easyNet().genesisTime + 60 * height, payTo);
            b.photoHash = crypto::sha256(photo);
            test::reseal(b);
            blocks.push_back(b);
            photos.push_back(std::move(photo));
        }
        f.sync.peerReady(1, true, blocks.size());
        f.sync.onHeaders(1, f.headersOf(blocks));
        const size_t window = size_t(f.settings.maxBlocksInFlightPerPeer);
        QCOMPARE(requested(f.links, 1).size(), window);

        f.sync.onBlock(1, BlockMessage{blocks[0].serialize(), photos[0]});
        QCOMPARE(f.chain.tip().hash, blocks[0].hash());
        const size_t fitting = ConnectRun::kSyncWindowBytes / (blocks[0].serialize().size() + photoBytes);
        QVERIFY(fitting > window && fitting < size_t(f.settings.syncBlocksInFlightPerPeer));
        QCOMPARE(requested(f.links, 1), f.hashes({blocks.begin() + long(window), blocks.begin() + long(1 + fitting)}));
    }

    void aRunWaitingForLateBlocksIsConnectedAtTheTick()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 100, 0xA0);
        f.sync.peerReady(1, true, blocks.size());
        f.sync.onHeaders(1, f.headersOf(blocks));
        f.sync.onBlock(1, BlockMessage{blocks[0].serialize(), {}});  // connects alone: the window widens
        requested(f.links, 1);
        for (size_t i = 1; i < 6; ++i) f.sync.onBlock(1, BlockMessage{blocks[i].serialize(), {}});
        QCOMPARE(f.chain.tip().hash, blocks[0].hash());

        f.sync.connectRun();
        QCOMPARE(f.chain.tip().hash, blocks[5].hash());
        QCOMPARE(f.connected.size(), size_t(2));
        QCOMPARE(f.connected[1].connected.size(), size_t(5));
        QCOMPARE(f.connectedFrom, (std::vector<PeerId>{1, 1}));
    }

    void aBlockFoundInvalidWhileARunConnectsIsChargedToItsSender()
    {
        Fixture f;
        crypto::AddressHash payTo;
        payTo.fill(0xA0);
        std::vector<Block> blocks = f.branch(f.genesis(), 2, 0xA0);
        // Block 3 spends from an empty account: valid on its own, invalid once connected.
        Block bad = test::coinbaseBlockOn(test::easyNet(), blocks[1].hash(), 3, test::easyNet().genesisTime + 180, payTo);
        bad.transactions.push_back(test::signedTransfer(test::keyFor(9), payTo, kCoin, 0, 0, f.genesis()).serialize());
        test::reseal(bad);
        blocks.push_back(bad);
        for (uint64_t height = 4; height <= 100; ++height)
            blocks.push_back(test::coinbaseBlockOn(test::easyNet(), blocks.back().hash(), height,
                                                   test::easyNet().genesisTime + 60 * height, payTo));
        f.sync.peerReady(1, true, 2);  // has the first two blocks only
        f.sync.peerReady(2, true, blocks.size());
        f.sync.onHeaders(2, f.headersOf(blocks));
        QCOMPARE(requested(f.links, 1), f.hashes({blocks.begin(), blocks.begin() + 2}));
        requested(f.links, 2);

        // Blocks 1 and 2 connect as they come (peer 1 has nothing more in flight); block 3 starts a run.
        const size_t run = size_t(f.settings.syncBlocksInFlightPerPeer / 2);
        for (size_t i = 0; i < 2 + run; ++i) f.sync.onBlock(i < 2 ? 1 : 2, BlockMessage{blocks[i].serialize(), {}});
        QCOMPARE(f.chain.tip().hash, blocks[1].hash());  // the valid blocks below it connect
        QCOMPARE(f.misbehaviour.size(), size_t(1));
        QCOMPARE(f.misbehaviour[0].peer, PeerId(2));
        QCOMPARE(f.misbehaviour[0].score, f.settings.misbehaviourThreshold);
        QCOMPARE(f.misbehaviour[0].reason, "invalid block " + hexOf(bad.hash()).left(16) + ": invalid_transfer");
    }

    void aHeaderBranchWithLessWorkThanTheTipIsNotStoredUntilItLeads()
    {
        Fixture f;
        const auto blocks = f.syncFromPeerOne(8);
        QCOMPARE(blocks.size(), size_t(8));

        // A branch from genesis, as long as ours: equal work, so none of it is stored, nobody
        // is scored, and the next request continues after the branch's last header.
        const auto fork = f.branch(f.genesis(), 9, 0xB0);
        f.sync.peerReady(2, true, 9);
        f.links.take<GetHeaders>(2);
        f.sync.onHeaders(2, f.headersOf({fork.begin(), fork.begin() + 8}));
        for (const Block& b : fork) QVERIFY(!f.store.indexEntry(b.hash()));
        QVERIFY(f.misbehaviour.empty());
        f.sync.onBlockInventory(2, {fork[8].hash()});
        const auto headersAsked = f.links.take<GetHeaders>(2);
        QCOMPARE(headersAsked.size(), size_t(1));
        QCOMPARE(headersAsked[0].locator.front(), fork[7].hash());

        // Its ninth header gives it more work: the whole branch is stored and its bodies asked for.
        f.sync.onHeaders(2, f.headersOf({fork[8]}));
        for (const Block& b : fork) QCOMPARE(f.store.indexEntry(b.hash())->status, BlockIndexEntry::Status::HeaderOnly);
        QCOMPARE(f.chain.bestHeader().hash, fork.back().hash());
        std::vector<Hash256> asked = requested(f.links, 1);  // by height, peer 1 may have them too
        for (const Hash256& h : requested(f.links, 2)) asked.push_back(h);
        std::sort(asked.begin(), asked.end());
        std::vector<Hash256> wanted = f.hashes(fork);
        std::sort(wanted.begin(), wanted.end());
        QCOMPARE(asked, wanted);
        QVERIFY(f.misbehaviour.empty());
    }

    void headersBelowTheMinimumChainWorkAreNotStoredEvenOnTheTip()
    {
        MinimumWorkFixture f;
        const auto blocks = f.branch(f.genesis(), 4, 0xA0);
        f.sync.peerReady(1, true, 4);
        f.links.take<GetHeaders>(1);
        f.sync.onHeaders(1, f.headersOf({blocks[0], blocks[1]}));  // two blocks' work of the three needed
        QVERIFY(!f.store.indexEntry(blocks[0].hash()));
        QVERIFY(requested(f.links, 1).empty());
        f.sync.onHeaders(1, f.headersOf({blocks[2], blocks[3]}));
        for (const Block& b : blocks) QVERIFY(f.store.indexEntry(b.hash()));
        QCOMPARE(requested(f.links, 1), f.hashes(blocks));
    }

    void asksOneHeadersRequestAtATimeAndAgainForWhatWasAnnouncedMeanwhile()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 3, 0xA0);
        f.sync.peerReady(1, true, 3);
        f.sync.requestHeaders(1);
        QCOMPARE(f.links.take<GetHeaders>(1).size(), size_t(1));
        // Announcements while the answer is awaited ask nothing more (a peer in debt with its
        // serving budget would otherwise see a request per block pile up).
        for (const Block& b : blocks) f.sync.onBlockInventory(1, {b.hash()});
        QVERIFY(f.links.take<GetHeaders>(1).empty());

        // The answer holds the first block only; what was announced meanwhile is asked for now.
        f.sync.onHeaders(1, f.headersOf({blocks[0]}));
        QCOMPARE(f.links.take<GetHeaders>(1).size(), size_t(1));
        f.sync.onHeaders(1, f.headersOf({blocks[1], blocks[2]}));
        QVERIFY(f.links.take<GetHeaders>(1).empty());  // nothing announced meanwhile

        // A peer that never answers is asked again after the timeout, not before.
        f.sync.requestHeaders(1);
        QCOMPARE(f.links.take<GetHeaders>(1).size(), size_t(1));
        f.clock.advance(BlockSync::kHeadersAnswerTimeoutMs - 1);
        f.sync.requestHeaders(1);
        QVERIFY(f.links.take<GetHeaders>(1).empty());
        f.clock.advance(1);
        f.sync.requestHeaders(1);
        QCOMPARE(f.links.take<GetHeaders>(1).size(), size_t(1));
    }

    void anUnrequestedBlockOnAnUnknownParentCostsItsSender()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 2, 0xA0);
        f.sync.peerReady(1, true, 2);
        f.sync.onBlock(1, BlockMessage{blocks[1].serialize(), {}});  // its parent never arrived

        QCOMPARE(f.misbehaviour.size(), size_t(1));
        QCOMPARE(f.misbehaviour[0].score, 5);
        QCOMPARE(f.links.take<GetHeaders>(1).size(), size_t(1));  // asks where it belongs
        QVERIFY(f.connected.empty());
    }

    void aHeaderBreakingARuleCostsTheThreshold()
    {
        Fixture f;
        auto blocks = f.branch(f.genesis(), 1, 0xA0);
        blocks[0].header.bits = 0x1d00ffff;  // not the expected target (and no work done for it)
        f.sync.peerReady(1, true, 1);
        f.sync.onHeaders(1, f.headersOf(blocks));

        QCOMPARE(f.misbehaviour.size(), size_t(1));
        QCOMPARE(f.misbehaviour[0].score, f.settings.misbehaviourThreshold);
        QVERIFY(requested(f.links, 1).empty());
    }
};

QTEST_GUILESS_MAIN(BlockSyncTest)
#include "tst_block_sync.moc"
