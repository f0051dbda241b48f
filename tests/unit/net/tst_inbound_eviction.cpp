// Which inbound peer makes room when every slot is taken (InboundEviction.h): pure logic.
#include "core/net/InboundEviction.h"
#include "core/net/NetGroup.h"

#include <QtTest>

using namespace pb::net;

namespace {

EvictionCandidate peer(PeerId id, const char* address, qint64 connectedAtMs)
{
    return {id, netGroup(QHostAddress(QString(address))), connectedAtMs, 0, -1};
}

EvictionProtection groupsOnly(int distinct)
{
    EvictionProtection p;
    p.distinctGroups = distinct;
    p.longestConnectedShare = 0;
    return p;
}

} // namespace

class InboundEvictionTest : public QObject {
    Q_OBJECT
private slots:
    void groupsAreSlash24AndSlash64()
    {
        QCOMPARE(netGroup(QHostAddress("10.1.2.3")), netGroup(QHostAddress("10.1.2.250")));
        QVERIFY(netGroup(QHostAddress("10.1.2.3")) != netGroup(QHostAddress("10.1.3.3")));
        QCOMPARE(netGroup(QHostAddress("::ffff:10.1.2.3")), netGroup(QHostAddress("10.1.2.9")));
        QCOMPARE(netGroup(QHostAddress("2001:db8:1:2::1")), netGroup(QHostAddress("2001:db8:1:2:ffff::9")));
        QVERIFY(netGroup(QHostAddress("2001:db8:1:2::1")) != netGroup(QHostAddress("2001:db8:1:3::1")));
        QVERIFY(netGroup(QHostAddress("10.1.2.3"), false) != netGroup(QHostAddress("10.1.2.4"), false));
        QVERIFY(sameNetGroup(QHostAddress("10.1.2.3"), QHostAddress("10.1.2.200"), true));
        QVERIFY(!sameNetGroup(QHostAddress("10.1.2.3"), QHostAddress("10.1.2.200"), false));
        QVERIFY(!sameNetGroup(QHostAddress(), QHostAddress(), true));
    }

    void theMostCrowdedGroupLosesItsNewestPeer()
    {
        std::vector<EvictionCandidate> c{peer(1, "10.0.0.1", 100), peer(2, "10.0.0.2", 300), peer(3, "10.0.0.3", 200),
                                         peer(4, "10.9.0.1", 400), peer(5, "10.8.0.1", 500)};
        QCOMPARE(selectInboundToEvict(c, 7, groupsOnly(0)), std::optional<PeerId>(2));
    }

    void recentBlockRelayersAndFastPeersAreProtected()
    {
        std::vector<EvictionCandidate> c{peer(1, "10.0.0.1", 100), peer(2, "10.0.0.2", 200), peer(3, "10.0.0.3", 300)};
        c[2].lastBlockMs = 1000;  // the newest relayed a block
        c[1].minPingMs = 3;       // the middle one is fast
        EvictionProtection p = groupsOnly(0);
        p.recentBlocks = 1;
        p.lowestPing = 1;
        QCOMPARE(selectInboundToEvict(c, 7, p), std::optional<PeerId>(1));
        // When everyone is protected there is no one to evict: the newcomer is refused instead.
        c[0].minPingMs = 1;
        p.lowestPing = 2;
        QCOMPARE(selectInboundToEvict(c, 7, p), std::nullopt);
    }

    void aFloodFromOneSubnetCannotPushOutOtherNetworks()
    {
        // 60 attacker links from one /24, four honest peers from elsewhere, all idle.
        std::vector<EvictionCandidate> c;
        for (PeerId i = 0; i < 60; ++i) c.push_back(peer(100 + i, qPrintable(QString("203.0.113.%1").arg(i + 1)), 1000 + qint64(i)));
        c.push_back(peer(1, "198.51.100.7", 5000));
        c.push_back(peer(2, "192.0.2.7", 5001));
        c.push_back(peer(3, "2001:db8::7", 5002));
        c.push_back(peer(4, "100.64.0.7", 5003));
        for (quint64 key = 0; key < 50; ++key) {
            const auto victim = selectInboundToEvict(c, key);
            QVERIFY(victim);
            QVERIFY2(*victim >= 100, qPrintable(QString("key %1 evicted honest peer %2").arg(key).arg(*victim)));
        }
    }
};

QTEST_APPLESS_MAIN(InboundEvictionTest)
#include "tst_inbound_eviction.moc"
