// AddressBook over a fake dialler and an in-memory catalogue: whom it dials, in what order, how
// long it waits after a failure, which hosts it refuses, and that its tables and the catalogue
// stay bounded under floods. The clock is moved by hand; the random source is seeded.
#include "core/net/AddressBook.h"
#include "core/chain/ChainStore.h"
#include "tests/unit/net/ProtocolFixture.h"

#include <QtTest>
#include <random>

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
    void removeNodes(const std::vector<Hash256>& ids) override
    {
        nodes_.erase(std::remove_if(nodes_.begin(), nodes_.end(),
                                    [&](const CatalogueNode& n) { return std::find(ids.begin(), ids.end(), n.id) != ids.end(); }),
                     nodes_.end());
    }
    void keepNewest(size_t max) override { nodes_.resize(std::min(max, nodes_.size())); }
    bool contains(const Hash256& id) const
    {
        return std::any_of(nodes_.begin(), nodes_.end(), [&](const CatalogueNode& n) { return n.id == id; });
    }
    size_t size() const { return nodes_.size(); }
    bool failing = false;

private:
    std::vector<CatalogueNode> nodes_;  // most recent first
};

Hash256 nodeId(int n)
{
    Hash256 h{};
    h[0] = uint8_t(n >> 8);
    h[1] = uint8_t(n);
    h[2] = 0x77;
    return h;
}

// A signed node pack listening on `port`; `n` picks its key.
NodePack packFor(int n, quint16 port)
{
    std::array<uint8_t, 32> seed{};
    seed[0] = uint8_t(n >> 8);
    seed[1] = uint8_t(n);
    seed[2] = 0x42;
    NodePack pack;
    pack.type = "full";
    pack.port = port;
    pack.signWith(crypto::Ed25519Key::fromRawPrivate(seed));
    return pack;
}

// 10.a.b.c, distinct for each i below 2^24.
QString hostNumber(int i) { return QString("10.%1.%2.%3").arg((i >> 16) & 0xff).arg((i >> 8) & 0xff).arg(i & 0xff); }

constexpr quint16 kOwnPort = 17500;
const QByteArray kFlooder = "4:flood";

struct Fixture : test::ProtocolFixture {
    MemoryCatalogue catalogue;
    std::vector<QString> dialled;                  // host:port, in order
    std::set<QString> banned = {"127.0.0.2"};
    std::set<QString> undialable;                  // hosts the fake transport refuses
    bool slotFree = true;
    PeerId nextLink = 100;
    AddressBookSettings settings{kOwnPort, 8};
    std::mt19937_64 random{7};
    std::unique_ptr<AddressBook> book;

    explicit Fixture(int targetOutbound = 8)
    {
        settings.targetOutbound = targetOutbound;
        book = std::make_unique<AddressBook>(
            settings, nodeId(0xEE), catalogue, channel, log,
            DialHooks{[this](const QString& host, quint16 port) {
                          if (undialable.count(host)) return PeerId(0);
                          dialled.push_back(host + ':' + QString::number(port));
                          return ++nextLink;
                      },
                      [this] { return slotFree; },
                      [this](const QHostAddress& a) { return banned.count(a.toString()) > 0; }},
            [this](quint64 bound) { return std::uniform_int_distribution<quint64>(0, bound - 1)(random); });
    }
    void note(const QString& host, quint16 port, const QByteArray& source = "4:peer", int id = 5)
    {
        book->noteNode(host, port, nodeId(id), source);
    }
    size_t heardOf() const { return book->table().newCount(); }
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
        f.note("127.0.0.5", 9000);
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
        f.book->addSeeds({"127.0.0.5:9000"});  // a seed: never dropped, however often it fails
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
        f.note("127.0.0.5", 9000);
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
        f.note("127.0.0.2", 9000, "4:peer", 2);                  // banned
        f.note("127.0.0.1", kOwnPort, "4:peer", 3);              // our own listening port
        f.note("localhost", kOwnPort, "4:peer", 4);
        f.book->noteNode("127.0.0.6", 9000, nodeId(0xEE), "4:peer");  // a node with our id
        f.note("127.0.0.7", 9000, "4:peer", 7);                  // a hello there had our nonce
        f.book->markSelf({"127.0.0.7", 9000});
        f.note("127.0.0.8", 9000, "4:peer", 8);                  // a stranger: fine
        f.book->addSeeds({"127.0.0.2:9001"});                    // banned, even as a seed

        // Every round the stranger's dial fails, so each later round could pick another target
        // (after a third failure the stranger itself is dropped).
        std::vector<QString> all;
        for (int round = 0; round < 2; ++round) {
            for (const QString& d : f.dialRound()) {
                all.push_back(d);
                f.book->dialFailed("127.0.0.8", 9000, "refused");
            }
            f.clock.advance(AddressBook::kMaxBackoffMs);
        }
        QCOMPARE(all, std::vector<QString>(2, "127.0.0.8:9000"));
    }

    void dialsSeedsFirstAndStopsAtTheTarget()
    {
        Fixture f(2);
        f.note("127.0.0.10", 9000, "4:peer", 10);
        f.note("127.0.0.11", 9000, "4:peer", 11);
        f.book->addSeeds({"127.0.0.20:9000"});
        const std::vector<QString> first = f.dialRound();
        QCOMPARE(first.size(), size_t(2));
        QCOMPARE(first[0], QString("127.0.0.20:9000"));
        QVERIFY(first[1] == "127.0.0.10:9000" || first[1] == "127.0.0.11:9000");
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
        f.book->recordVerified(pack, "127.0.0.9", false);

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

    void refusesHostsThatCannotBeDialled()
    {
        Fixture f;
        const QString longName = QString("a").repeated(63) + "." + QString("b").repeated(63) + "." + QString("c").repeated(63)
                                 + "." + QString("d").repeated(63);  // 255 characters
        for (const QString& host : {QString(), QString("0.0.0.0"), QString("0.1.2.3"), QString("::"), QString("224.0.0.1"),
                                    QString("ff02::1"), QString("255.255.255.255"), QString("fe80::1%eth0"),
                                    QString("not a host"), QString("a..b"), QString("-bad.example"), QString("bad-.example"),
                                    QString("under_score.example"), QString("x/y"), QString("[::1]"), longName})
            f.note(host, 9000);
        f.note("127.0.0.5", 0);  // no port
        QCOMPARE(f.heardOf(), size_t(0));

        f.note("Node.Example.ORG", 9000);     // kept in lower case
        f.note("::ffff:127.0.0.9", 9000);     // IPv4-mapped: kept as IPv4
        f.note("127.0.0.9", 9000);            // ... and the same entry
        f.note("2001:db8::1", 9000);
        QCOMPARE(f.heardOf(), size_t(3));
        std::vector<QString> round = f.dialRound();
        std::sort(round.begin(), round.end());
        QCOMPARE(round, (std::vector<QString>{"127.0.0.9:9000", "2001:db8::1:9000", "node.example.org:9000"}));
    }

    void aTargetTheTransportRefusesIsDroppedAndDiallingGoesOn()
    {
        Fixture f;
        for (int i = 1; i <= 5; ++i) f.note(QString("127.0.0.%1").arg(i + 10), 9000, "4:peer", i);
        f.undialable = {"127.0.0.11", "127.0.0.12"};
        QCOMPARE(f.dialRound().size(), size_t(3));  // the refused two did not end the round
        QCOMPARE(f.heardOf(), size_t(3));           // ...and are gone
    }

    void aBusyTransportEndsTheRoundAndDropsNothing()
    {
        Fixture f;
        for (int i = 1; i <= 5; ++i) f.note(QString("127.0.0.%1").arg(i + 10), 9000, "4:peer", i);
        f.slotFree = false;
        QVERIFY(f.dialRound().empty());
        QCOMPARE(f.heardOf(), size_t(5));
        f.slotFree = true;
        QCOMPARE(f.dialRound().size(), size_t(5));
    }

    void oneSourceFillsOnlyItsShareOfNew()
    {
        Fixture f;
        f.note("127.0.0.50", 9000, "4:honest", 50);
        for (int i = 0; i < 100'000; ++i) f.note(hostNumber(i), 9000, kFlooder, i);
        QCOMPARE(f.book->table().newFrom(kFlooder), AddressTable::kMaxNewPerSource);
        QCOMPARE(f.heardOf(), AddressTable::kMaxNewPerSource + 1);
        // The flood displaced only its own entries: the honest one is still dialled.
        std::vector<QString> dialled;
        for (int round = 0; round < 20; ++round) {
            for (const QString& d : f.dialRound()) {
                dialled.push_back(d);
                const int colon = int(d.lastIndexOf(':'));
                f.book->dialFailed(d.left(colon), 9000, "refused");
            }
            f.clock.advance(AddressBook::kMaxBackoffMs);
        }
        QVERIFY(std::find(dialled.begin(), dialled.end(), "127.0.0.50:9000") != dialled.end());
    }

    void newIsBoundedWhateverTheNumberOfSources()
    {
        Fixture f;
        for (int source = 0; source < 100; ++source)
            for (int i = 0; i < 64; ++i)
                f.note(hostNumber(source * 64 + i), 9000, "4:" + QByteArray::number(source), i);
        QCOMPARE(f.heardOf(), AddressTable::kMaxNew);
    }

    void triedIsBoundedAndItsOldestGoesBackToNew()
    {
        Fixture f;
        const size_t total = AddressTable::kMaxTried + 20;
        for (size_t i = 0; i < total; ++i) {
            f.book->recordVerified(packFor(int(i), 9000), hostNumber(int(i)), true);
            f.clock.advance(1000);
        }
        QCOMPARE(f.book->table().triedCount(), AddressTable::kMaxTried);
        QCOMPARE(f.heardOf(), size_t(20));
        QVERIFY(!f.book->table().find(hostNumber(0) + ":9000")->tried);
        QVERIFY(f.book->table().find(hostNumber(int(total - 1)) + ":9000")->tried);
    }

    void failedAndStaleEntriesAreDroppedButSeedsStay()
    {
        Fixture f;
        f.note("127.0.0.30", 9000, "4:peer", 30);
        for (int i = 0; i < AddressTable::kMaxNewFailures; ++i) f.book->dialFailed("127.0.0.30", 9000, "refused");
        QCOMPARE(f.heardOf(), size_t(0));

        f.note("127.0.0.31", 9000, "4:peer", 31);
        f.book->addSeeds({"127.0.0.32:9000"});
        f.slotFree = false;  // only the upkeep runs
        f.dialRound();
        f.clock.advance(AddressTable::kHorizonMs + 1);
        f.dialRound();
        QVERIFY(!f.book->table().find("127.0.0.31:9000"));
        QVERIFY(f.book->table().find("127.0.0.32:9000"));
    }

    void getPeersAnswersABoundedSampleOfVerifiedEntries()
    {
        Fixture f;
        std::set<QString> verified;
        for (int i = 0; i < 300; ++i) {
            f.book->recordVerified(packFor(i, 9100), hostNumber(i * 256), false);
            verified.insert(hostNumber(i * 256));
        }
        for (int i = 0; i < 1000; ++i) f.note(hostNumber(i * 256 + 1), 9000, "4:gossip", i);  // heard of only
        const Peers first = f.book->knownPeers();
        QCOMPARE(first.peers.size(), AddressBook::kMaxPeersAnswered);
        std::set<QString> firstHosts;
        for (const PeerAddress& a : first.peers) {
            QVERIFY2(verified.count(a.host), qPrintable(a.host));
            firstHosts.insert(a.host);
        }
        QCOMPARE(firstHosts.size(), AddressBook::kMaxPeersAnswered);  // no duplicates
        std::set<QString> secondHosts;
        for (const PeerAddress& a : f.book->knownPeers().peers) secondHosts.insert(a.host);
        QVERIFY(secondHosts != firstHosts);  // a sample, not the same head of a list
    }

    void throwawayHandshakesFromOneAddressAddABoundedNumberOfCatalogueEntries()
    {
        Fixture f;
        const NodePack honest = packFor(9999, 9000);
        f.book->recordVerified(honest, "192.0.2.7", true);
        for (int i = 0; i < 500; ++i) f.book->recordVerified(packFor(i, quint16(20000 + i)), "198.51.100.1", false);
        QCOMPARE(f.catalogue.size(), CatalogueKeeper::kMaxPerGroup + 1);
        QVERIFY(f.catalogue.contains(honest.id));
        QVERIFY(f.catalogue.contains(packFor(499, 20499).id));  // the newest of the group stay
        QVERIFY(!f.catalogue.contains(packFor(0, 20000).id));
        QVERIFY(f.book->table().newFrom(hostGroup("198.51.100.1")) <= AddressTable::kMaxNewPerSource);
    }

    void theCatalogueIsBoundedAndTheLargestGroupsLoseFirst()
    {
        Fixture f;
        const NodePack honest = packFor(9999, 9000);
        f.book->recordVerified(honest, "192.0.2.7", true);
        // 16 nodes in each of 80 /24s: more than the catalogue holds.
        for (int i = 0; i < 80 * 16; ++i) {
            f.clock.advance(1000);
            f.book->recordVerified(packFor(i, 9000), hostNumber((i / 16) * 256 + i % 16), false);
        }
        QCOMPARE(f.catalogue.size(), CatalogueKeeper::kMaxNodes);
        QVERIFY(f.catalogue.contains(honest.id));  // the oldest of all, but alone in its group

        // A restart trims a catalogue that outgrew the bounds (written before they existed).
        Fixture g;
        for (int i = 0; i < 40; ++i) {
            const NodePack pack = packFor(i, quint16(20000 + i));
            g.catalogue.saveNode({pack.id, pack.signedBytes(), Bytes(64, 1), "198.51.100.1", pack.port, "full", 1000 + i});
        }
        g.book->loadCatalogue();
        QCOMPARE(g.catalogue.size(), CatalogueKeeper::kMaxPerGroup);
        QCOMPARE(g.book->catalogueSize(), CatalogueKeeper::kMaxPerGroup);
    }
};

QTEST_GUILESS_MAIN(AddressBookTest)
#include "tst_address_book.moc"
