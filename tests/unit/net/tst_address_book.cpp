// AddressBook over a fake dialler and an in-memory catalogue: whom it dials, in what order, and
// how long it waits after a failure. The clock is moved by hand.
#include "core/net/AddressBook.h"
#include "core/chain/ChainStore.h"
#include "tests/unit/net/ProtocolFixture.h"

#include <QtTest>

using namespace pb;
using namespace pb::net;

namespace {

class MemoryCatalogue final : public NodeCatalogue {
public:
    void saveNode(const CatalogueNode& node) override
    {
        if (failing) throw StoreError("catalogue unavailable");
        nodes_.erase(std::remove_if(nodes_.begin(), nodes_.end(), [&](const CatalogueNode& n) { return n.id == node.id; }),
                     nodes_.end());
        nodes_.insert(nodes_.begin(), node);
    }
    std::vector<CatalogueNode> nodes(size_t max) override
    {
        if (failing) throw StoreError("catalogue unavailable");
        return {nodes_.begin(), nodes_.begin() + long(std::min(max, nodes_.size()))};
    }
    bool failing = false;

private:
    std::vector<CatalogueNode> nodes_;  // most recent first
};

Hash256 nodeId(uint8_t n)
{
    Hash256 h{};
    h.fill(n);
    return h;
}

constexpr quint16 kOwnPort = 17500;

struct Fixture : test::ProtocolFixture {
    MemoryCatalogue catalogue;
    std::vector<QString> dialled;                  // host:port, in order
    std::set<QString> banned = {"127.0.0.2"};
    PeerId nextLink = 100;
    AddressBookSettings settings{kOwnPort, 8};
    std::unique_ptr<AddressBook> book;

    explicit Fixture(int targetOutbound = 8)
    {
        settings.targetOutbound = targetOutbound;
        book = std::make_unique<AddressBook>(settings, nodeId(0xEE), catalogue, channel, log,
                                             DialHooks{[this](const QString& host, quint16 port) {
                                                           dialled.push_back(host + ':' + QString::number(port));
                                                           return ++nextLink;
                                                       },
                                                       [this](const QHostAddress& a) { return banned.count(a.toString()) > 0; }});
    }
    // Runs one upkeep round with nothing connected and returns what it dialled.
    std::vector<QString> dialRound(const std::vector<Endpoint>& connected = {}, int outbound = 0)
    {
        dialled.clear();
        book->maintainOutbound(connected, outbound);
        return dialled;
    }
};

} // namespace

class AddressBookTest : public QObject {
    Q_OBJECT
private slots:
    void backsOffAFailedTargetLongerAfterEachFailure()
    {
        Fixture f;
        f.book->noteNode("127.0.0.5", 9000, nodeId(5));
        QCOMPARE(f.dialRound(), std::vector<QString>{"127.0.0.5:9000"});

        f.book->dialFailed("127.0.0.5", 9000, "refused");
        QVERIFY(f.dialRound().empty());
        f.clock.advance(999);
        QVERIFY(f.dialRound().empty());
        f.clock.advance(1);
        QCOMPARE(f.dialRound(), std::vector<QString>{"127.0.0.5:9000"});  // 1 s after the first failure

        f.book->dialFailed("127.0.0.5", 9000, "refused");
        f.clock.advance(1999);
        QVERIFY(f.dialRound().empty());
        f.clock.advance(1);
        QCOMPARE(f.dialRound(), std::vector<QString>{"127.0.0.5:9000"});  // 2 s after the second
    }

    void backsOffBoundedByTheMaximum()
    {
        Fixture f;
        f.book->noteNode("127.0.0.5", 9000, nodeId(5));
        for (int i = 0; i < 20; ++i) {
            f.dialRound();
            f.book->dialFailed("127.0.0.5", 9000, "refused");
        }
        f.clock.advance(AddressBook::kMaxBackoffMs - 1);
        QVERIFY(f.dialRound().empty());
        f.clock.advance(1);
        QCOMPARE(f.dialRound(), std::vector<QString>{"127.0.0.5:9000"});
    }

    void aLostConnectionWaitsBeforeItIsDialledAgain()
    {
        Fixture f;
        f.book->noteNode("127.0.0.5", 9000, nodeId(5));
        f.dialRound();
        const PeerId link = f.nextLink;
        const auto endpoint = f.book->linkOpened(link);
        QVERIFY(endpoint);
        QCOMPARE(endpoint->key(), QString("127.0.0.5:9000"));
        QVERIFY(f.dialRound({*endpoint}, 1).empty());  // connected: not dialled twice

        f.book->linkClosed(link, endpoint);
        QVERIFY(f.dialRound().empty());
        f.clock.advance(1000);
        QCOMPARE(f.dialRound(), std::vector<QString>{"127.0.0.5:9000"});
    }

    void neverDialsBannedOwnOrSelfAddresses()
    {
        Fixture f;
        f.book->noteNode("127.0.0.2", 9000, nodeId(2));          // banned
        f.book->noteNode("127.0.0.1", kOwnPort, nodeId(3));      // our own listening port
        f.book->noteNode("localhost", kOwnPort, nodeId(4));
        f.book->noteNode("127.0.0.6", 9000, nodeId(0xEE));       // a node with our id
        f.book->noteNode("127.0.0.7", 9000, nodeId(7));          // a hello there had our nonce
        f.book->markSelf({"127.0.0.7", 9000});
        f.book->noteNode("127.0.0.8", 9000, nodeId(8));          // a stranger: fine
        f.book->addSeeds({"127.0.0.2:9001"});                    // banned, even as a seed

        // Every round the stranger's dial fails, so each later round could pick another target.
        std::vector<QString> all;
        for (int round = 0; round < 5; ++round) {
            for (const QString& d : f.dialRound()) {
                all.push_back(d);
                f.book->dialFailed("127.0.0.8", 9000, "refused");
            }
            f.clock.advance(AddressBook::kMaxBackoffMs);
        }
        QCOMPARE(all, std::vector<QString>(5, "127.0.0.8:9000"));
    }

    void dialsSeedsFirstAndStopsAtTheTarget()
    {
        Fixture f(2);
        f.book->noteNode("127.0.0.10", 9000, nodeId(10));
        f.book->noteNode("127.0.0.11", 9000, nodeId(11));
        f.book->addSeeds({"127.0.0.20:9000"});
        QCOMPARE(f.dialRound(), (std::vector<QString>{"127.0.0.20:9000", "127.0.0.10:9000"}));
        // Both dials still pending count against the target.
        f.clock.advance(AddressBook::kMaxBackoffMs);
        QVERIFY(f.dialRound().empty());
    }

    void recordsVerifiedNodesAndAnswersGetPeersFromTheCatalogue()
    {
        Fixture f;
        NodePack pack;
        pack.type = "full";
        pack.port = 9100;
        std::array<uint8_t, 32> seed;
        seed.fill(0x31);
        pack.signWith(crypto::Ed25519Key::fromRawPrivate(seed));
        f.book->recordVerified(pack, "127.0.0.9");

        const Peers answer = f.book->knownPeers();
        QCOMPARE(answer.peers.size(), size_t(1));
        QCOMPARE(answer.peers[0].host, QString("127.0.0.9"));
        QCOMPARE(answer.peers[0].port, quint16(9100));
        QCOMPARE(answer.peers[0].nodeId, pack.id);
        QCOMPARE(answer.peers[0].lastSeen, f.clock.nowMs / 1000);

        // A fresh book finds it in the catalogue; one that cannot read it still dials its seeds.
        Fixture g;
        g.catalogue.saveNode(f.catalogue.nodes(1).front());
        g.book->loadCatalogue();
        QCOMPARE(g.dialRound(), std::vector<QString>{"127.0.0.9:9100"});
        Fixture h;
        h.catalogue.failing = true;
        h.book->loadCatalogue();
        h.book->addSeeds({"127.0.0.20:9000"});
        QCOMPARE(h.dialRound(), std::vector<QString>{"127.0.0.20:9000"});
    }
};

QTEST_GUILESS_MAIN(AddressBookTest)
#include "tst_address_book.moc"
