// Chain logic over an in-memory store: connecting blocks, reorganising with undo data, the
// reorganisation depth limit, invalid branches and a failing store. No Redis, no sockets;
// tst_chain_store runs the same logic over the real RedisChainStore.
#include "core/chain/Chain.h"
#include "core/mining/BlockAssembler.h"
#include "tests/support/MemoryChainStore.h"
#include "tests/unit/chain/BlockFixtures.h"

#include <QtTest>

using namespace pb;

namespace {

const uint64_t kNow = 1793500000;

// The test network with the easiest proof of work: a block is solved in a few hashes, so each
// test costs milliseconds whatever the machine's load.
const NetworkParams& fastNet()
{
    static const NetworkParams params = [] {
        NetworkParams p = test::testNet();
        p.genesisBits = 0x207fffff;
        p.powLimit = *Uint256::fromCompact(p.genesisBits);
        return p;
    }();
    return params;
}

crypto::AddressHash address(uint8_t fill)
{
    crypto::AddressHash a;
    a.fill(fill);
    return a;
}

// A solved block on `parent` paying `amount` to address(payTo).
Bytes blockOn(const BlockIndexEntry& parent, uint8_t payTo, uint64_t time, uint64_t amount = kCoin)
{
    Block b;
    b.header.prevHash = parent.hash;
    b.header.time = time;
    b.header.bits = fastNet().genesisBits;
    b.transactions.push_back(test::coinbaseFor(parent.height + 1, amount, payTo));
    test::reseal(b);
    return b.serialize();
}

} // namespace

class ChainMemoryTest : public QObject {
    Q_OBJECT
private:
    const NetworkParams& net_ = fastNet();

    // Mines `count` blocks on the tip with the block assembler, paying address(payTo).
    static void extend(Chain& chain, int count, uint8_t payTo, uint64_t time)
    {
        for (int i = 0; i < count; ++i) {
            mining::BlockTemplate t = mining::BlockAssembler(chain).assemble(address(payTo), time + uint64_t(i));
            test::solve(t.block);
            const AcceptResult r = chain.submitBlock(t.block.serialize(), nullptr, time + uint64_t(i));
            QVERIFY2(r.outcome == AcceptOutcome::Connected, r.validation.detail.c_str());
        }
    }

    // Submits a branch of `count` blocks from `fork`, paying address(payTo); the last result.
    static AcceptResult branch(Chain& chain, test::MemoryChainStore& store, const Hash256& fork, int count, uint8_t payTo,
                               uint64_t time)
    {
        BlockIndexEntry parent = *store.indexEntry(fork);
        AcceptResult r;
        for (int i = 0; i < count; ++i) {
            const Bytes block = blockOn(parent, payTo, time + uint64_t(i));
            r = chain.submitBlock(block, nullptr, time + uint64_t(i));
            if (!r.ok()) return r;
            parent = *store.indexEntry(r.hash);
        }
        return r;
    }

private slots:
    void connectsAssembledBlocksAndMovesAccounts()
    {
        test::MemoryChainStore store;
        Chain chain(net_, store);
        chain.load();
        QCOMPARE(chain.tip().hash, net_.genesisHash());
        extend(chain, 3, 0x11, kNow);
        QCOMPARE(chain.tip().height, uint64_t(3));
        QCOMPARE(store.balance(address(0x11)), 3 * kCoin);
        QCOMPARE(store.activeChain().size(), size_t(4));
        const auto undo = store.undoData(chain.tip().hash);
        QVERIFY(undo);
        QCOMPARE(undo->size(), size_t(1));
        QCOMPARE(undo->front().after - undo->front().before, kCoin);

        // The same block again changes nothing.
        const Bytes tipBlock = *store.blockBytes(chain.tip().hash);
        const int updates = store.updatesApplied;
        const AcceptResult again = chain.submitBlock(tipBlock, nullptr, kNow + 10);
        QCOMPARE(again.outcome, AcceptOutcome::Duplicate);
        QCOMPARE(store.updatesApplied, updates);

        // A restart reads the same tip back.
        Chain reloaded(net_, store);
        reloaded.load();
        QCOMPARE(reloaded.tip().hash, chain.tip().hash);
    }

    void nextBlockContextFollowsTheTip()
    {
        test::MemoryChainStore store;
        Chain chain(net_, store);
        chain.load();
        extend(chain, 2, 0x11, kNow);
        const ChainContext ctx = chain.nextBlockContext(kNow + 100);
        QCOMPARE(ctx.height, chain.tip().height + 1);
        QCOMPARE(ctx.expectedBits, net_.genesisBits);
        QVERIFY(ctx.medianTimePast >= kNow);
        QVERIFY(ctx.medianTimePast < kNow + 2);
        const mining::BlockTemplate t = mining::BlockAssembler(chain).assemble(address(0x11), kNow + 100);
        QCOMPARE(t.height, ctx.height);
        QCOMPARE(t.block.header.prevHash, chain.tip().hash);
        QCOMPARE(t.block.header.bits, ctx.expectedBits);
        QCOMPARE(t.block.header.time, kNow + 100);
    }

    void reorganisesToMoreWorkAndUndoesAccounts()
    {
        test::MemoryChainStore store;
        Chain chain(net_, store);
        chain.load();
        const Hash256 genesis = chain.tip().hash;
        extend(chain, 2, 0x11, kNow);
        const Hash256 oldTip = chain.tip().hash;
        QCOMPARE(store.balance(address(0x11)), 2 * kCoin);

        // Equal work stays on the side; one more block takes over.
        const AcceptResult tie = branch(chain, store, genesis, 2, 0x22, kNow + 50);
        QCOMPARE(tie.outcome, AcceptOutcome::Stored);
        QCOMPARE(chain.tip().hash, oldTip);
        const AcceptResult r = branch(chain, store, tie.hash, 1, 0x22, kNow + 60);
        QCOMPARE(r.outcome, AcceptOutcome::Connected);
        QCOMPARE(r.disconnected.size(), size_t(2));
        QCOMPARE(r.disconnected.front().hash, oldTip);
        QCOMPARE(r.connected.size(), size_t(3));
        QCOMPARE(chain.tip().height, uint64_t(3));
        QCOMPARE(chain.tip().hash, r.hash);

        // Accounts are as if the first branch never happened; its undo data is gone.
        QCOMPARE(store.balance(address(0x11)), uint64_t(0));
        QCOMPARE(store.balance(address(0x22)), 3 * kCoin);
        QVERIFY(!store.undoData(oldTip));
        QCOMPARE(*store.hashAtHeight(3), r.hash);
    }

    void refusesReorganisationsDeeperThanItsLimit()
    {
        test::MemoryChainStore store;
        Chain chain(net_, store, 1);
        chain.load();
        const Hash256 genesis = chain.tip().hash;
        extend(chain, 2, 0x11, kNow);
        const Hash256 tip = chain.tip().hash;

        const AcceptResult r = branch(chain, store, genesis, 3, 0x22, kNow + 50);
        QCOMPARE(r.outcome, AcceptOutcome::Rejected);
        QCOMPARE(r.validation.error, BlockError::ReorgTooDeep);
        QVERIFY(!store.indexEntry(r.hash));  // refused before it was stored
        QCOMPARE(chain.tip().hash, tip);
        QCOMPARE(store.balance(address(0x11)), 2 * kCoin);
        QCOMPARE(store.balance(address(0x22)), uint64_t(0));
    }

    void remembersAnInvalidBlockAndRefusesItsChildren()
    {
        test::MemoryChainStore store;
        Chain chain(net_, store);
        chain.load();
        extend(chain, 1, 0x11, kNow);
        const BlockIndexEntry tip = *store.indexEntry(chain.tip().hash);

        // A coinbase claiming twice the reward breaks a permanent rule.
        const Bytes greedy = blockOn(tip, 0x33, kNow + 5, 2 * kCoin);
        const AcceptResult bad = chain.submitBlock(greedy, nullptr, kNow + 5);
        QVERIFY(!bad.ok());
        QVERIFY(bad.validation.error != BlockError::KnownInvalid);
        QCOMPARE(chain.tip().hash, tip.hash);

        const AcceptResult badAgain = chain.submitBlock(greedy, nullptr, kNow + 6);
        QCOMPARE(badAgain.validation.error, BlockError::KnownInvalid);

        BlockIndexEntry invalidParent = tip;
        invalidParent.hash = bad.hash;
        invalidParent.height = tip.height + 1;
        const AcceptResult child = chain.submitBlock(blockOn(invalidParent, 0x33, kNow + 7), nullptr, kNow + 7);
        QCOMPARE(child.validation.error, BlockError::KnownInvalid);
        QCOMPARE(chain.tip().hash, tip.hash);
        QCOMPARE(store.balance(address(0x33)), uint64_t(0));
    }

    void blocksStoredToConnectLaterConnectInOneStoreUpdate()
    {
        test::MemoryChainStore store;
        Chain chain(net_, store);
        chain.load();
        BlockIndexEntry parent = *store.indexEntry(chain.tip().hash);
        std::vector<Hash256> stored;
        size_t bytes = 0;
        for (uint64_t i = 0; i < 3; ++i) {
            const Bytes block = blockOn(parent, 0x11, kNow + i);
            bytes += block.size();
            const AcceptResult r = chain.submitBlock(block, nullptr, kNow + i, nullptr, Chain::Connect::Later);
            QCOMPARE(r.outcome, AcceptOutcome::Stored);
            stored.push_back(r.hash);
            parent = *store.indexEntry(r.hash);
        }
        QCOMPARE(chain.bytesInHand(), bytes);  // kept parsed: connecting reads no body back
        QCOMPARE(chain.tip().height, uint64_t(0));
        QCOMPARE(store.balance(address(0x11)), uint64_t(0));

        const int updates = store.updatesApplied, reads = store.bodyReads;
        const AcceptResult r = chain.connectStored(kNow + 3);
        QCOMPARE(store.bodyReads, reads);
        QCOMPARE(chain.bytesInHand(), size_t(0));
        QCOMPARE(r.outcome, AcceptOutcome::Connected);
        QCOMPARE(r.hash, stored.back());
        QCOMPARE(r.connected.size(), size_t(3));
        QCOMPARE(store.updatesApplied, updates + 1);
        QCOMPARE(chain.tip().hash, stored.back());
        QCOMPARE(store.balance(address(0x11)), 3 * kCoin);

        // Nothing is left to connect.
        QVERIFY(chain.connectStored(kNow + 4).connected.empty());
        QCOMPARE(store.updatesApplied, updates + 1);
    }

    void blocksHeldForLaterAreBoundedAndReadBackBeyondTheBound()
    {
        test::MemoryChainStore store;
        Chain chain(net_, store);
        chain.load();
        BlockIndexEntry parent = *store.indexEntry(chain.tip().hash);
        constexpr int kBlocks = 130;  // two past the 128 a chain keeps parsed
        size_t lastBytes = 0;
        for (int i = 0; i < kBlocks; ++i) {
            const Bytes block = blockOn(parent, 0x12, kNow + uint64_t(i));
            lastBytes = block.size();
            const AcceptResult r = chain.submitBlock(block, nullptr, kNow + uint64_t(i), nullptr, Chain::Connect::Later);
            QCOMPARE(r.outcome, AcceptOutcome::Stored);
            parent = *store.indexEntry(r.hash);
        }
        // The 129th started the held set again: the last two are held, the first 128 are not.
        QCOMPARE(chain.bytesInHand(), 2 * lastBytes);
        const int reads = store.bodyReads;
        const AcceptResult r = chain.connectStored(kNow + kBlocks);
        QCOMPARE(r.connected.size(), size_t(kBlocks));
        QCOMPARE(store.bodyReads - reads, kBlocks - 2);
        QCOMPARE(chain.bytesInHand(), size_t(0));
        QCOMPARE(store.balance(address(0x12)), uint64_t(kBlocks) * kCoin);
    }

    void aFailingStoreLeavesTheChainWhereItWas()
    {
        test::MemoryChainStore store;
        Chain chain(net_, store);
        chain.load();
        extend(chain, 1, 0x11, kNow);
        const TipInfo before = chain.tip();

        mining::BlockTemplate t = mining::BlockAssembler(chain).assemble(address(0x11), kNow + 5);
        test::solve(t.block);
        store.failWrites = true;
        const AcceptResult r = chain.submitBlock(t.block.serialize(), nullptr, kNow + 5);
        QVERIFY(!r.ok());
        QVERIFY(!r.storageError.empty());
        QCOMPARE(chain.tip().hash, before.hash);
        QCOMPARE(store.balance(address(0x11)), kCoin);

        // Once storage works again the same block connects.
        store.failWrites = false;
        const AcceptResult retry = chain.submitBlock(t.block.serialize(), nullptr, kNow + 6);
        QCOMPARE(retry.outcome, AcceptOutcome::Connected);
        QCOMPARE(store.balance(address(0x11)), 2 * kCoin);
    }
};

QTEST_GUILESS_MAIN(ChainMemoryTest)
#include "tst_chain_memory.moc"
