// PeerManager over fake links: the handshake's refusals, misbehaviour scores and the ban at the
// threshold, and that only ready peers reach the parts below. No sockets, no Redis.
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
                           [](const Hash256&, const Bytes&, const Bytes&) {}},
                  clock.clock())
    {
    }
    // Opens link `id` from `address` and returns the hello we sent on it.
    Hello open(PeerId id, const QString& address)
    {
        manager.linkOpened(links.open(id, Direction::Inbound, address));
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

    void refusesOurselvesAnotherNetworkAForgedPackAndASecondLinkToOneNode()
    {
        Fixture f;
        const Hello ours = f.open(1, "127.0.0.11");
        Hello echo = f.helloFrom(f.ownKey);
        echo.nonce = ours.nonce;  // we dialled ourselves
        f.receive(1, echo);
        QCOMPARE(f.links.take<Reject>(1).at(0).code, QString("self_connection"));
        QVERIFY(f.links.wasDisconnected(1));
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

        f.open(4, "127.0.0.14");
        f.receive(4, f.helloFrom(keyFor(0x55)));
        f.open(5, "127.0.0.15");
        f.receive(5, f.helloFrom(keyFor(0x55)));
        QCOMPARE(f.links.take<Reject>(5).at(0).code, QString("duplicate"));
        QVERIFY(f.links.wasDisconnected(5));
        QVERIFY(!f.links.wasDisconnected(4));
        QCOMPARE(f.saved.size(), size_t(1));  // only the verified one is recorded
    }
};

QTEST_GUILESS_MAIN(PeerManagerTest)
#include "tst_peer_manager.moc"
