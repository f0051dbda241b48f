// The Peers page's hints: a peer's ping against the median of the connected peers (noise on
// fast links is not called slow), its height against ours.
#include "ui/PeerQuality.h"

#include <QtTest>

using namespace pb::ui;

namespace {
pb::PeerInfo withPing(double ms)
{
    pb::PeerInfo p;
    p.pingMs = ms;
    return p;
}
} // namespace

class PeerQualityTest : public QObject {
    Q_OBJECT
private slots:
    void medianIgnoresUnmeasuredPeers()
    {
        QVERIFY(!medianPingMs({withPing(-1)}));
        QCOMPARE(*medianPingMs({withPing(10), withPing(-1), withPing(30), withPing(20)}), 20.0);
        QCOMPARE(*medianPingMs({withPing(10), withPing(40)}), 25.0);
    }

    void pingHintComparesWithTheMedian()
    {
        const QList<pb::PeerInfo> peers{withPing(40), withPing(38), withPing(310), withPing(12), withPing(-1)};
        QCOMPARE(pingHint(peers[2], peers), QString("310 ms, 7.9× the median (39 ms): slow"));
        QCOMPARE(pingHint(peers[0], peers), QString("40 ms, about the median (39 ms)"));
        QCOMPARE(pingHint(peers[3], peers), QString("12 ms, faster than the median (39 ms)"));
        QCOMPARE(pingHint(peers[4], peers), QString("not measured yet"));
        QCOMPARE(pingHint(withPing(80), {withPing(80), withPing(40)}), QString("80 ms, 1.3× the median (60 ms)"));
        QCOMPARE(pingHint(withPing(70), {withPing(70), withPing(40)}), QString("70 ms, about the median (55 ms)"));
        // Loopback pings differ by noise: 2.4 ms against a median of 0.8 ms is not slow.
        const QList<pb::PeerInfo> local{withPing(0.8), withPing(0.7), withPing(2.4)};
        QCOMPARE(pingHint(local[2], local), QString("2.4 ms, about the median (0.8 ms)"));
        // Alone: nothing to compare with.
        QCOMPARE(pingHint(withPing(50), {withPing(50)}), QString("50 ms"));
    }

    void heightHintSaysLagOrLead()
    {
        QCOMPARE(heightHint(100, 100), QString("at our tip"));
        QCOMPARE(heightHint(99, 100), QString("1 block behind us"));
        QCOMPARE(heightHint(88, 100), QString("12 blocks behind us"));
        QCOMPARE(heightHint(103, 100), QString("3 blocks ahead of us: we are syncing from it"));
    }
};

QTEST_GUILESS_MAIN(PeerQualityTest)
#include "tst_peer_quality.moc"
