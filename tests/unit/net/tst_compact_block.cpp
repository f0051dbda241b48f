// Compact blocks: a block rebuilt from the mempool when every transfer is known, missing ones
// asked for by position and filled in, a short-id collision falling back to the full block,
// malformed compact blocks refused with their reason (and costing the sender), the per-peer
// bound on blocks waiting for transfers, serving a peer's getblocktxn, and Relay pushing a block
// with transfers compact. A chain in memory, fake links.
#include "core/net/CompactBlock.h"
#include "core/net/CompactBlockRelay.h"
#include "core/net/Relay.h"
#include "tests/unit/chain/BlockFixtures.h"
#include "tests/unit/net/ProtocolFixture.h"

#include <QtTest>

using namespace pb;
using namespace pb::net;

namespace {

crypto::AddressHash addressOf(const crypto::Ed25519Key& key) { return crypto::addressFromPublicKey(key.publicKey()); }

// Transfers of the dust limit from the key with seed 1, nonces from `firstNonce` on.
std::vector<Bytes> transfers(size_t count, uint64_t firstNonce = 0)
{
    crypto::AddressHash to;
    to.fill(0xEE);
    std::vector<Bytes> out;
    for (size_t i = 0; i < count; ++i)
        out.push_back(test::signedTransfer(test::keyFor(1), to, 1000, 1000, firstNonce + i, test::easyNet().genesisHash()).serialize());
    return out;
}

// `block` with `txs` after its coinbase, its content root and proof of work redone.
Block withTransfers(Block block, const std::vector<Bytes>& txs)
{
    block.transactions.insert(block.transactions.end(), txs.begin(), txs.end());
    block.header.contentRoot = block.computeContentRoot();
    test::solve(block);
    return block;
}

struct Pool {
    std::map<Hash256, Bytes> byId;
    void add(const Bytes& raw) { byId[txId(raw)] = raw; }
    PendingTransfers visitor() const
    {
        return [this](const std::function<void(const Hash256&, const Bytes&)>& visit) {
            for (const auto& [id, raw] : byId) visit(id, raw);
        };
    }
};

struct Fixture : test::ProtocolFixture {
    Pool pool;
    BlockSync sync{SyncSettings{}, chain, store, channel, log, {[](const AcceptResult&, PeerId) {}, [](const Hash256&, const Bytes&, const Bytes&) {}, {}}};
    CompactBlockRelay compact{test::easyNet(), store, channel, log,
                              {pool.visitor(), [this](PeerId from, const BlockMessage& block) { sync.onBlock(from, block); }}};
    Block funding;  // pays the key with seed 1, on genesis

    Fixture()
    {
        funding = test::coinbaseBlockOn(test::easyNet(), genesis(), 1, test::easyNet().genesisTime + 60, addressOf(test::keyFor(1)));
        const AcceptResult r = chain.submitBlock(funding.serialize(), nullptr, channel.nowSeconds());
        if (!r.ok()) qFatal("the funding block does not connect");
        for (PeerId p : {1, 2}) sync.peerReady(p, true, 1);
    }
    // A block on the funding block carrying `txs`.
    Block next(const std::vector<Bytes>& txs, uint8_t tag = 0xB0)
    {
        return withTransfers(branch(funding.hash(), 1, tag).front(), txs);
    }
};

} // namespace

class CompactBlockTest : public QObject {
    Q_OBJECT
private slots:
    void aBlockWhoseTransfersAreAllPendingIsRebuiltWithoutAsking()
    {
        Fixture f;
        const auto txs = transfers(5);
        for (const Bytes& t : txs) f.pool.add(t);
        for (const Bytes& t : transfers(3, 100)) f.pool.add(t);  // unrelated pending ones
        const Block block = f.next(txs);

        PartialBlock partial(makeCompactBlock(block, 42), test::easyNet(), f.pool.visitor());
        QCOMPARE(partial.state(), PartialBlock::State::Complete);
        QCOMPARE(partial.blockBytes(), block.serialize());
        QCOMPARE(partial.fromPool(), size_t(5));

        f.compact.onCompactBlock(1, makeCompactBlock(block, 7));
        QCOMPARE(f.chain.tip().hash, block.hash());
        QCOMPARE(f.compact.counts().fromMempool, quint64(1));
        QVERIFY(f.links.take<GetBlockTransactions>(1).empty());
    }

    void missingTransfersAreAskedForAndCompleteTheBlock()
    {
        Fixture f;
        const auto txs = transfers(5);
        for (size_t i : {0, 2, 4}) f.pool.add(txs[i]);
        const Block block = f.next(txs);

        f.compact.onCompactBlock(1, makeCompactBlock(block, 7));
        const auto asked = f.links.take<GetBlockTransactions>(1);
        QCOMPARE(asked.size(), size_t(1));
        QCOMPARE(asked[0].block, block.hash());
        QCOMPARE(asked[0].indexes, (std::vector<quint16>{1, 3}));
        QCOMPARE(f.compact.pendingFor(1), size_t(1));
        QCOMPARE(f.chain.tip().hash, f.funding.hash());

        f.compact.onBlockTransactions(1, BlockTransactions{block.hash(), {txs[1], txs[3]}});
        QCOMPARE(f.chain.tip().hash, block.hash());
        QCOMPARE(f.compact.counts().afterRequest, quint64(1));
        QCOMPARE(f.compact.pendingFor(1), size_t(0));
        QVERIFY(f.misbehaviour.empty());
    }

    void theWrongNumberOfTransfersIsRefusedAndTheWrongOnesFallBackToTheFullBlock()
    {
        Fixture f;
        const auto txs = transfers(3);
        const Block block = f.next(txs);
        PartialBlock tooFew(makeCompactBlock(block, 1), test::easyNet(), f.pool.visitor());
        QCOMPARE(tooFew.state(), PartialBlock::State::Missing);
        QCOMPARE(tooFew.fill({txs[0]}), PartialBlock::State::Invalid);
        QCOMPARE(tooFew.reason(), QString("1 transfers sent for 3 asked"));

        PartialBlock swapped(makeCompactBlock(block, 1), test::easyNet(), f.pool.visitor());
        QCOMPARE(swapped.fill({txs[1], txs[0], txs[2]}), PartialBlock::State::FullBlockNeeded);
    }

    void aShortIdCollisionFallsBackToTheFullBlock()
    {
        Fixture f;
        const auto txs = transfers(3);
        const Block block = f.next(txs);

        // Two of the block's transfers under one short id: nothing to rebuild from.
        CompactBlock twice = makeCompactBlock(block, 9);
        twice.shortIds[2] = twice.shortIds[0];
        PartialBlock partial(twice, test::easyNet(), f.pool.visitor());
        QCOMPARE(partial.state(), PartialBlock::State::FullBlockNeeded);

        // A pending transfer that is not the block's matches a short id: the rebuilt block does
        // not match its header, and the whole block is asked for.
        const Bytes other = transfers(1, 50).front();
        f.pool.add(txs[0]);
        f.pool.add(other);
        CompactBlock lookalike = makeCompactBlock(block, 9);
        lookalike.shortIds[1] = ShortIds(block.hash(), 9).of(txId(other));
        f.pool.add(txs[2]);
        f.compact.onCompactBlock(1, lookalike);
        const auto fallback = f.links.take<GetBlocks>(1);
        QCOMPARE(fallback.size(), size_t(1));
        QCOMPARE(fallback[0].hashes, std::vector<Hash256>{block.hash()});
        QCOMPARE(f.compact.counts().fullBlocks, quint64(1));
        QVERIFY(f.misbehaviour.empty());  // a collision is nobody's fault

        // The full block answers it.
        f.sync.onBlock(1, BlockMessage{block.serialize(), {}});
        QCOMPARE(f.chain.tip().hash, block.hash());
    }

    void malformedCompactBlocksAreRefusedWithTheirReason_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("garbage skeleton") << 0 << "the skeleton does not decode as a block";
        QTest::newRow("transfers in the skeleton") << 1 << "the skeleton holds 2 transactions, not just the coinbase";
        QTest::newRow("photo block") << 2 << "a photo block cannot travel compact";
        QTest::newRow("no proof of work") << 3 << "header: high_hash";
    }

    void malformedCompactBlocksAreRefusedWithTheirReason()
    {
        QFETCH(int, kind);
        QFETCH(QString, reason);
        Fixture f;
        const auto txs = transfers(2);
        Block block = f.next(txs);
        CompactBlock message = makeCompactBlock(block, 3);
        if (kind == 0) message.skeleton.resize(40);
        if (kind == 1) {
            Block fat = block;
            fat.transactions.resize(2);
            message.skeleton = fat.serialize();
        }
        if (kind == 2) {
            Block photo = block;
            photo.transactions.resize(1);
            photo.photoHash = Hash256{};
            message.skeleton = photo.serialize();
        }
        if (kind == 3) {
            Block unsolved = block;
            unsolved.transactions.resize(1);
            unsolved.header.bits = 0x1d00ffff;  // a target the nonce almost surely misses
            message.skeleton = unsolved.serialize();
        }
        f.compact.onCompactBlock(2, message);
        const auto rejects = f.links.take<Reject>(2);
        QCOMPARE(rejects.size(), size_t(1));
        QCOMPARE(rejects[0].code, QString("malformed_compact_block"));
        QVERIFY2(rejects[0].reason.startsWith(reason), qPrintable(rejects[0].reason));
        QCOMPARE(f.misbehaviour.size(), size_t(1));
        QCOMPARE(f.misbehaviour[0].peer, PeerId(2));
        QCOMPARE(f.misbehaviour[0].score, CompactBlockRelay::kMalformedScore);
        QCOMPARE(f.compact.counts().invalid, quint64(1));
        QCOMPARE(f.chain.tip().hash, f.funding.hash());
    }

    void atMostTwoBlocksPerPeerWaitForTransfers()
    {
        Fixture f;
        std::vector<Block> blocks;
        for (uint8_t tag : {0xC1, 0xC2, 0xC3}) blocks.push_back(f.next(transfers(2), tag));
        for (const Block& b : blocks) f.compact.onCompactBlock(1, makeCompactBlock(b, 5));
        QCOMPARE(f.compact.pendingFor(1), CompactBlockRelay::kMaxPendingPerPeer);
        QCOMPARE(f.links.take<GetBlockTransactions>(1).size(), size_t(3));
        // The oldest was given up for its full block.
        const auto full = f.links.take<GetBlocks>(1);
        QCOMPARE(full.size(), size_t(1));
        QCOMPARE(full[0].hashes, std::vector<Hash256>{blocks[0].hash()});
        // A late answer for it is dropped without blame.
        f.compact.onBlockTransactions(1, BlockTransactions{blocks[0].hash(), transfers(2)});
        QVERIFY(f.misbehaviour.empty());
        f.compact.peerGone(1);
        QCOMPARE(f.compact.pendingFor(1), size_t(0));
    }

    void servesTheTransfersAPeerAsksForByPosition()
    {
        Fixture f;
        const auto txs = transfers(3);
        const Block block = f.next(txs);
        QVERIFY(f.chain.submitBlock(block.serialize(), nullptr, f.channel.nowSeconds()).ok());

        f.compact.onGetBlockTransactions(2, GetBlockTransactions{block.hash(), {0, 2}});
        const auto answer = f.links.take<BlockTransactions>(2);
        QCOMPARE(answer.size(), size_t(1));
        QCOMPARE(answer[0].transactions, (std::vector<Bytes>{txs[0], txs[2]}));

        f.compact.onGetBlockTransactions(2, GetBlockTransactions{block.hash(), {3}});
        QVERIFY(f.links.take<BlockTransactions>(2).empty());
        QCOMPARE(f.misbehaviour.size(), size_t(1));
        QVERIFY(f.misbehaviour[0].reason.contains("asked for transfer 3 of a block with 3"));
    }

    void relayPushesCompactOnlyToPeersHoldingEveryTransfer()
    {
        Fixture f;
        Relay relay(f.store, f.sync, f.channel, f.log, {[](const Bytes&, PeerId) { return TxCheck{}; }, [](const Hash256&) { return std::nullopt; }});
        for (PeerId p : {1, 2}) relay.peerReady(p);
        const auto txs = transfers(2);
        // Peer 1 announced both transfers; peer 2 only one of them.
        relay.onInventory(1, Inventory{{}, {txId(txs[0]), txId(txs[1])}});
        relay.onInventory(2, Inventory{{}, {txId(txs[0])}});
        const Block block = f.next(txs);
        QVERIFY(f.chain.submitBlock(block.serialize(), nullptr, f.channel.nowSeconds()).ok());
        relay.announce({block.hash()});
        const auto pushed = f.links.take<CompactBlock>(1);
        QCOMPARE(pushed.size(), size_t(1));
        QCOMPARE(pushed[0].shortIds.size(), size_t(2));
        QVERIFY(f.links.take<BlockMessage>(1).empty());
        // Compact, peer 2 would have to ask for the other one: a round trip more than the block.
        QVERIFY(f.links.take<CompactBlock>(2).empty());
        QCOMPARE(f.links.take<BlockMessage>(2).size(), size_t(1));

        const Block empty = test::coinbaseBlockOn(test::easyNet(), block.hash(), 3, block.header.time + 60, addressOf(test::keyFor(1)));
        QVERIFY(f.chain.submitBlock(empty.serialize(), nullptr, f.channel.nowSeconds()).ok());
        relay.announce({empty.hash()});
        QCOMPARE(f.links.take<BlockMessage>(1).size(), size_t(1));
        QVERIFY(f.links.take<CompactBlock>(1).empty());
    }
};

QTEST_GUILESS_MAIN(CompactBlockTest)
#include "tst_compact_block.moc"
