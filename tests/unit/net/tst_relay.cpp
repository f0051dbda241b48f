// Relay over fake links: who hears about a new block or transaction, in which form, and what
// a peer's transaction costs it when it is invalid. A chain in memory.
#include "core/net/Relay.h"
#include "core/chain/Transaction.h"
#include "tests/unit/net/ProtocolFixture.h"

#include <QtTest>

using namespace pb;
using namespace pb::net;

namespace {

struct Fixture : test::ProtocolFixture {
    std::map<Hash256, Bytes> mempool;
    TxCheck nextCheck;  // what the mempool says about the next transaction
    std::vector<PeerId> transactionsFrom;
    std::unique_ptr<Relay> relay;
    BlockSync sync{SyncSettings{}, chain, store, channel, log,
                   {[this](const AcceptResult& r, PeerId from) {
                        std::vector<Hash256> connected;
                        for (const BlockIndexEntry& e : r.connected) connected.push_back(e.hash);
                        relay->announce(connected, from);
                    },
                    [](const Hash256&, const Bytes&, const Bytes&) {},
                    {}}};  // no recognizer: these blocks claim no label

    Fixture()
    {
        relay = std::make_unique<Relay>(store, sync, channel, log,
                                        RelayHooks{[this](const Bytes&, PeerId from) {
                                                       transactionsFrom.push_back(from);
                                                       return nextCheck;
                                                   },
                                                   [this](const Hash256& id) -> std::optional<Bytes> {
                                                       const auto it = mempool.find(id);
                                                       return it == mempool.end() ? std::nullopt : std::optional<Bytes>(it->second);
                                                   }});
    }
    void ready(PeerId peer, uint64_t height)
    {
        sync.peerReady(peer, true, height);
        relay->peerReady(peer);
    }
    // Connects `blocks` to our chain directly, as if mined here.
    void connect(const std::vector<Block>& blocks)
    {
        for (const Block& b : blocks) QVERIFY(chain.submitBlock(b.serialize(), nullptr, channel.nowSeconds()).ok());
    }
};

Hash256 id(uint8_t n)
{
    Hash256 h{};
    h.fill(n);
    return h;
}

} // namespace

class RelayTest : public QObject {
    Q_OBJECT
private slots:
    void pushesAConnectedBlockToEveryPeerExceptItsSource()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 1, 0xA0);
        for (PeerId p : {1, 2, 3}) f.ready(p, 0);
        // Peer 2 sends the block; it connects, and the others get it whole.
        f.sync.onBlock(2, BlockMessage{blocks[0].serialize(), {}});
        QCOMPARE(f.chain.tip().hash, blocks[0].hash());

        for (PeerId p : {1, 3}) {
            const auto pushed = f.links.take<BlockMessage>(p);
            QCOMPARE(pushed.size(), size_t(1));
            QCOMPARE(pushed[0].block, blocks[0].serialize());
            QCOMPARE(f.sync.knownHeight(p), uint64_t(1));  // they have it now
        }
        QVERIFY(f.links.take<BlockMessage>(2).empty());
        QVERIFY(f.links.take<Inventory>(2).empty());
    }

    void pushesOnlyToPeersOneBlockBehindAndAnnouncesToOthers()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 3, 0xA0);
        f.connect(blocks);
        f.ready(1, 2);
        f.ready(2, 3);  // has a block at that height already, maybe on another branch
        f.ready(3, 0);  // far behind: the block would not connect there, and pushing it would cost it
        f.relay->announce({blocks[2].hash()});

        QCOMPARE(f.links.take<BlockMessage>(1).size(), size_t(1));
        for (PeerId told : {2, 3}) {
            QVERIFY(f.links.take<BlockMessage>(told).empty());
            const auto inventories = f.links.take<Inventory>(told);
            QCOMPARE(inventories.size(), size_t(1));
            QCOMPARE(inventories[0].blocks, std::vector<Hash256>{blocks[2].hash()});
        }
    }

    void announcesSeveralBlocksAsInventoryToAllButTheSource()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 3, 0xA0);
        f.connect(blocks);
        for (PeerId p : {1, 2, 3}) f.ready(p, 0);
        f.relay->announce(f.hashes(blocks), 3);

        for (PeerId p : {1, 2}) {
            const auto told = f.links.take<Inventory>(p);
            QCOMPARE(told.size(), size_t(1));
            QCOMPARE(told[0].blocks, f.hashes(blocks));
            QVERIFY(f.links.take<BlockMessage>(p).empty());
        }
        QVERIFY(f.links.pending(3).empty());
    }

    void announcesTransactionsAndAsksOnlyForUnknownOnes()
    {
        Fixture f;
        for (PeerId p : {1, 2}) f.ready(p, 0);
        f.relay->announceTransactions({id(1), id(2)}, 2);
        QCOMPARE(f.links.take<Inventory>(1).at(0).transactions, (std::vector<Hash256>{id(1), id(2)}));
        QVERIFY(f.links.pending(2).empty());

        // Peer 2 offers three; we have one pending already; a repeat is not asked twice.
        f.mempool[id(3)] = Bytes{1};
        f.relay->onInventory(2, Inventory{{}, {id(3), id(4), id(5)}});
        f.relay->onInventory(2, Inventory{{}, {id(4)}});
        const auto asked = f.links.take<GetTransactions>(2);
        QCOMPARE(asked.size(), size_t(1));
        QCOMPARE(asked[0].hashes, (std::vector<Hash256>{id(4), id(5)}));
        // Once it said it no longer has id(4), it may be asked again.
        f.relay->onNotFound(2, NotFound{{id(4)}});
        f.relay->onInventory(2, Inventory{{}, {id(4)}});
        QCOMPARE(f.links.take<GetTransactions>(2).at(0).hashes, std::vector<Hash256>{id(4)});
    }

    void anInvalidTransactionCostsItsSenderAPolicyRefusalDoesNot()
    {
        Fixture f;
        f.ready(1, 0);
        f.nextCheck.error = TxError::BadSignature;
        f.relay->onTransaction(1, TransactionMessage{Bytes{1, 2, 3}});
        QCOMPARE(f.misbehaviour.size(), size_t(1));
        QCOMPARE(f.misbehaviour[0].score, 50);
        QCOMPARE(f.links.take<Reject>(1).at(0).subject, txId(Bytes{1, 2, 3}));

        f.nextCheck.error = TxError::FeeTooLow;
        f.relay->onTransaction(1, TransactionMessage{Bytes{4, 5, 6}});
        QCOMPARE(f.misbehaviour.size(), size_t(1));
        QVERIFY(f.links.take<Reject>(1).empty());
        QCOMPARE(f.transactionsFrom, (std::vector<PeerId>{1, 1}));
    }

    void answersTransactionRequestsFromTheMempool()
    {
        Fixture f;
        f.ready(1, 0);
        f.mempool[id(7)] = Bytes{7, 7};
        f.relay->onGetTransactions(1, GetTransactions{{id(7), id(8)}});
        QCOMPARE(f.links.take<TransactionMessage>(1).at(0).tx, (Bytes{7, 7}));
        QCOMPARE(f.links.take<NotFound>(1).at(0).hashes, std::vector<Hash256>{id(8)});
    }
};

QTEST_GUILESS_MAIN(RelayTest)
#include "tst_relay.moc"
