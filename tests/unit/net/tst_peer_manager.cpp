// PeerManager over fake links: the handshake's refusals (a replayed node pack among them),
// misbehaviour scores and the ban at the threshold, and that only ready peers reach the parts
// below. No sockets, no Redis.
#include "core/net/MessageCodec.h"
#include "core/net/NodePack.h"
#include "core/net/PeerManager.h"
#include "tests/unit/net/ProtocolFixture.h"

#include <QtTest>

using namespace pb;
using namespace pb::net;

namespace {

class MemoryCatalogue final : public NodeCatalogue {
public:
    explicit MemoryCatalogue(std::vector<CatalogueNode>& saved) : saved_(saved) {}
    void saveNode(const CatalogueNode& node) override { saved_.push_back(node); }
    std::vector<CatalogueNode> nodes(size_t) override { return {}; }
    void removeNodes(const std::vector<Hash256>&) override {}
    void keepNewest(size_t) override {}

private:
    std::vector<CatalogueNode>& saved_;
};

crypto::Ed25519Key keyFor(uint8_t seedByte)
{
    std::array<uint8_t, 32> seed;
    seed.fill(seedByte);
    return crypto::Ed25519Key::fromRawPrivate(seed);
}

struct Fixture : test::ProtocolFixture {
    crypto::Ed25519Key ownKey = keyFor(0x01);
    std::vector<CatalogueNode> saved;
    std::vector<QString> bans;
    PeerManager manager;

    Fixture()
        : manager(NetSettings{}, chain, store, std::make_unique<MemoryCatalogue>(saved), ownKey, log, links,
                  NetHooks{[this](const QHostAddress& a, qint64, const QString&) { bans.push_back(a.toString()); },
                           [](const QHostAddress&) { return false; }, [](const QString&, quint16) { return PeerId(0); },
                           [] { return true; },
                           [](const AcceptResult&) {}, [](const Bytes&, PeerId) { return TxCheck{}; },
                           [](const Hash256&) { return std::optional<Bytes>(); },
                           [](const std::function<void(const Hash256&, const Bytes&)>&) {},  // an empty mempool
                           [](const Hash256&, const Bytes&, const Bytes&) {}, {}},  // no recognizer: no label claims
                  clock.clock())
    {
    }
    // Opens link `id` from `address` and returns the hello we sent on it.
    Hello open(PeerId id, const QString& address) { return openAs(id, Direction::Inbound, address); }
    Hello openAs(PeerId id, Direction direction, const QString& address)
    {
        manager.linkOpened(links.open(id, direction, address));
        const auto hellos = links.take<Hello>(id);
        if (hellos.size() != 1) throw std::logic_error("expected one hello");
        return hellos.front();
    }
    Hello helloFrom(const crypto::Ed25519Key& key, const QString& type = "full")
    {
        NodePack pack;
        pack.type = type;
        pack.port = 9300;
        pack.bestHeight = 0;
        pack.signWith(key);
        Hello hello;
        hello.genesis = chain.params().genesisHash();
        hello.nonce = 42;
        hello.pack = toWire(pack);
        return hello;
    }
    void receive(PeerId id, const Message& message) { manager.frameReceived(id, encode(message)); }
    // The peer's hello from `key`, then its proof over our hello's nonce: the whole handshake.
    void handshake(PeerId id, const Hello& ours, const crypto::Ed25519Key& key)
    {
        receive(id, helloFrom(key));
        receive(id, proveHandshake(key, chain.params().genesisHash(), ours.nonce, ownId()));
    }
    Hash256 ownId() const { return nodeIdForKey(ownKey.publicKey()); }
    int score(PeerId id) const
    {
        for (const PeerInfo& p : manager.peerTable())
            if (p.connectionId == id) return p.misbehaviour;
        return -1;
    }
};

} // namespace

class PeerManagerTest : public QObject {
    Q_OBJECT
private slots:
    void aVerifiedHelloMakesThePeerReadyAndRecordsIt()
    {
        Fixture f;
        const Hello ours = f.open(1, "127.0.0.11");
        QCOMPARE(ours.genesis, f.chain.params().genesisHash());
        const auto peerKey = keyFor(0x22);
        f.receive(1, f.helloFrom(peerKey));
        // We prove our key over the peer's nonce; the peer is not ready before its own proof.
        const auto proofs = f.links.take<HelloProof>(1);
        QCOMPARE(proofs.size(), size_t(1));
        QVERIFY(verifyHandshake(fromWire(ours.pack), f.chain.params().genesisHash(), 42, nodeIdForKey(peerKey.publicKey()), proofs[0]));
        QVERIFY(f.links.take<GetPeers>(1).empty());
        QVERIFY(f.saved.empty());
        f.receive(1, proveHandshake(peerKey, f.chain.params().genesisHash(), ours.nonce, f.ownId()));

        QCOMPARE(f.manager.peerTable().at(0).nodeId, hexOf(nodeIdForKey(peerKey.publicKey())));
        QCOMPARE(f.links.take<GetPeers>(1).size(), size_t(1));
        QCOMPARE(f.links.take<GetHeaders>(1).size(), size_t(1));  // sync starts at once
        QCOMPARE(f.saved.size(), size_t(1));
        QCOMPARE(f.saved[0].host, QString("127.0.0.11"));
        QCOMPARE(f.saved[0].port, quint16(9300));

        f.receive(1, Ping{7});  // ready peers are answered
        QCOMPARE(f.links.take<Pong>(1).at(0).nonce, quint64(7));
    }

    void messagesBeforeTheHandshakeCostFiftyAndReachNobody()
    {
        Fixture f;
        f.open(1, "127.0.0.11");
        f.receive(1, Ping{7});
        QCOMPARE(f.score(1), 50);
        QVERIFY(f.links.take<Pong>(1).empty());
        QVERIFY(f.bans.empty());
        f.receive(1, GetPeers{});  // the second reaches the threshold: banned, every link from it closed
        QCOMPARE(f.bans, std::vector<QString>{"127.0.0.11"});
        QVERIFY(f.links.wasDisconnected(1));
    }

    void aReplayedPackOrAProofForAnotherConnectionOrNetworkIsBanned()
    {
        Fixture f;
        const auto realKey = keyFor(0x22);
        const Hash256 genesis = f.chain.params().genesisHash();
        // The real node's hello and proof, recorded on one connection...
        const Hello first = f.open(1, "127.0.0.11");
        f.handshake(1, first, realKey);
        QCOMPARE(f.saved.size(), size_t(1));
        // ...replayed on another: the proof was over another nonce.
        const Hello second = f.open(2, "127.0.0.66");
        QVERIFY(second.nonce != first.nonce);
        f.receive(2, f.helloFrom(realKey));
        f.receive(2, proveHandshake(realKey, genesis, first.nonce, f.ownId()));
        QCOMPARE(f.bans, std::vector<QString>{"127.0.0.66"});
        QVERIFY(f.links.wasDisconnected(2));
        // A proof by another key, or for another network, fails the same way.
        const Hello third = f.open(3, "127.0.0.67");
        f.receive(3, f.helloFrom(realKey));
        f.receive(3, proveHandshake(keyFor(0x77), genesis, third.nonce, f.ownId()));
        const Hello fourth = f.open(4, "127.0.0.68");
        f.receive(4, f.helloFrom(keyFor(0x78)));
        f.receive(4, proveHandshake(keyFor(0x78), networkByName("dev")->genesisHash(), fourth.nonce, f.ownId()));
        // A proof the real node gave another counterpart (relayed to us with our nonce).
        const Hello sixth = f.open(6, "127.0.0.70");
        f.receive(6, f.helloFrom(realKey));
        f.receive(6, proveHandshake(realKey, genesis, sixth.nonce, nodeIdForKey(keyFor(0x7A).publicKey())));
        QCOMPARE(f.bans, (std::vector<QString>{"127.0.0.66", "127.0.0.67", "127.0.0.68", "127.0.0.70"}));
        QCOMPARE(f.saved.size(), size_t(1));  // the catalogue still points at the real node only
        QCOMPARE(f.saved[0].host, QString("127.0.0.11"));
        // A proof before any hello counts as a message before the handshake.
        const Hello fifth = f.open(5, "127.0.0.69");
        f.receive(5, proveHandshake(keyFor(0x79), genesis, fifth.nonce, f.ownId()));
        QCOMPARE(f.score(5), 50);
    }

    void twoNodesDiallingEachOtherKeepTheLinkTheLowerIdDialled()
    {
        // Either handshake may finish first; the same link survives on both sides.
        for (const uint8_t keyByte : {0x02, 0xF0}) {
            for (const bool outboundFirst : {true, false}) {
                Fixture f;
                const auto other = keyFor(keyByte);
                const bool weAreLower = f.ownId() < nodeIdForKey(other.publicKey());
                const Hello out = f.openAs(1, Direction::Outbound, "127.0.0.21");
                const Hello in = f.openAs(2, Direction::Inbound, "127.0.0.21");
                f.handshake(outboundFirst ? 1 : 2, outboundFirst ? out : in, other);
                f.handshake(outboundFirst ? 2 : 1, outboundFirst ? in : out, other);
                const PeerId kept = weAreLower ? 1 : 2, dropped = weAreLower ? 2 : 1;
                QVERIFY2(f.links.wasDisconnected(dropped), qPrintable(QString("key %1, outbound first %2").arg(keyByte).arg(outboundFirst)));
                QVERIFY2(!f.links.wasDisconnected(kept), qPrintable(QString("key %1, outbound first %2").arg(keyByte).arg(outboundFirst)));
                QVERIFY(f.bans.empty());
            }
        }
    }

    void refusesOurselvesAnotherNetworkAForgedPackAndASecondLinkToOneNode()
    {
        Fixture f;
        const Hello ours = f.open(1, "127.0.0.11");
        f.open(9, "127.0.0.11");  // the other end of the same connection, when we dialled ourselves
        Hello echo = f.helloFrom(f.ownKey);
        echo.nonce = ours.nonce;
        f.receive(9, echo);
        QCOMPARE(f.links.take<Reject>(9).at(0).code, QString("self_connection"));
        QVERIFY(f.links.wasDisconnected(9));
        QVERIFY(f.bans.empty());

        f.open(2, "127.0.0.12");
        Hello foreign = f.helloFrom(keyFor(0x33));
        foreign.genesis.fill(0x99);
        f.receive(2, foreign);
        QCOMPARE(f.links.take<Reject>(2).at(0).code, QString("wrong_network"));
        QCOMPARE(f.bans, std::vector<QString>{"127.0.0.12"});

        f.open(3, "127.0.0.13");
        Hello forged = f.helloFrom(keyFor(0x44));
        forged.pack.bestHeight = 1000;  // changed after signing
        f.receive(3, forged);
        QCOMPARE(f.bans, (std::vector<QString>{"127.0.0.12", "127.0.0.13"}));

        f.handshake(4, f.open(4, "127.0.0.14"), keyFor(0x55));
        f.handshake(5, f.open(5, "127.0.0.15"), keyFor(0x55));
        QCOMPARE(f.links.take<Reject>(5).at(0).code, QString("duplicate"));
        QVERIFY(f.links.wasDisconnected(5));
        QVERIFY(!f.links.wasDisconnected(4));
        QCOMPARE(f.saved.size(), size_t(1));  // only the verified one is recorded
    }
    // A peer's handshake height goes stale as it syncs; what it asks for and its `tip` tell how
    // far it got, so the next block is pushed to it rather than announced. Claims about blocks
    // off our active chain, or unknown ones, teach nothing.
    void aPeerThatSyncedAfterItsHandshakeGetsTheNextBlockPushed()
    {
        Fixture f;
        const auto blocks = f.branch(f.genesis(), 4, 0xA0);
        for (size_t i = 0; i < 3; ++i) QVERIFY(f.chain.submitBlock(blocks[i].serialize(), nullptr, f.channel.nowSeconds()).ok());
        const auto side = f.branch(f.genesis(), 1, 0xB0);  // known, on another branch
        QVERIFY(f.chain.submitBlock(side[0].serialize(), nullptr, f.channel.nowSeconds()).ok());
        QCOMPARE(f.chain.tip().hash, blocks[2].hash());
        for (PeerId p : {1, 2, 3, 4, 5}) f.handshake(p, f.open(p, QString("127.0.0.%1").arg(10 + p)), keyFor(uint8_t(0x20 + p)));

        f.receive(1, GetHeaders{{f.genesis()}, {}});  // a late joiner syncing from us
        f.receive(1, GetBlocks{{blocks[0].hash(), blocks[1].hash(), blocks[2].hash()}});
        QCOMPARE(f.links.take<BlockMessage>(1).size(), size_t(3));
        f.receive(2, GetHeaders{{blocks[2].hash(), blocks[1].hash(), f.genesis()}, {}});  // synced elsewhere
        f.receive(3, TipMessage{3, blocks[2].hash(), blocks[2].hash()});
        // Peer 4 says nothing; peer 5 claims a side block and asks for one we do not have.
        f.receive(5, GetHeaders{{side[0].hash(), f.genesis()}, {}});
        Hash256 unknown{};
        unknown.fill(0xEE);
        f.receive(5, GetBlocks{{side[0].hash(), unknown}});
        f.links.clear();

        QVERIFY(f.chain.submitBlock(blocks[3].serialize(), nullptr, f.channel.nowSeconds()).ok());
        f.manager.announce({blocks[3].hash()});
        for (PeerId pushed : {1, 2, 3}) {
            const auto got = f.links.take<BlockMessage>(pushed);
            QCOMPARE(got.size(), size_t(1));
            QCOMPARE(got[0].block, blocks[3].serialize());
            QVERIFY(f.links.take<Inventory>(pushed).empty());
        }
        for (PeerId told : {4, 5}) {
            QVERIFY(f.links.take<BlockMessage>(told).empty());
            QCOMPARE(f.links.take<Inventory>(told).at(0).blocks, std::vector<Hash256>{blocks[3].hash()});
        }
        for (PeerId p : {1, 2, 3, 4, 5}) QCOMPARE(f.score(p), 0);
    }
};

QTEST_GUILESS_MAIN(PeerManagerTest)
#include "tst_peer_manager.moc"
