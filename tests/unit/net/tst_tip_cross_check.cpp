#include "core/net/TipCrossCheck.h"

#include <QtTest>

using namespace pb;
using namespace pb::net;

namespace {
Hash256 block(uint8_t n)
{
    Hash256 h{};
    h[0] = n;
    return h;
}
const TipCrossCheck::Tip kTip{100, block(100), 1700000000};
} // namespace

class TipCrossCheckTest : public QObject {
    Q_OBJECT
private slots:
    void judgesAgreementDisagreementAndLag()
    {
        // Same block at our height (the peer may be ahead): agrees.
        QCOMPARE(judgeTip(block(100), TipMessage{105, block(105), block(100)}, false), TipVerdict::Agrees);
        // Another block at our height: disagrees.
        QCOMPARE(judgeTip(block(100), TipMessage{105, block(205), block(200)}, false), TipVerdict::Disagrees);
        // Shorter chain: lagging on ours says nothing, a tip off our chain disagrees.
        QCOMPARE(judgeTip(block(100), TipMessage{98, block(98), Hash256{}}, true), TipVerdict::Lags);
        QCOMPARE(judgeTip(block(100), TipMessage{98, block(198), Hash256{}}, false), TipVerdict::Disagrees);
    }

    void threeAgreeingPeersCheckTheTip()
    {
        TipCrossCheck check;
        QCOMPARE(check.info().state, QString("unchecked"));
        check.start(kTip, {1, 2, 3}, 1000);
        QVERIFY(check.record(1, TipVerdict::Agrees, 1100));
        QVERIFY(check.record(2, TipVerdict::Agrees, 1100));
        QCOMPARE(check.info().state, QString("unchecked"));  // undecided until all answered
        QVERIFY(check.record(3, TipVerdict::Agrees, 1200));
        QCOMPARE(check.info().state, QString("checked"));
        QCOMPARE(check.info().agreeing, 3);
        QCOMPARE(check.info().peersAsked, 3);
        QCOMPARE(check.info().checkedHeight, quint64(100));
        QCOMPARE(check.info().checkedHash, QString::fromStdString(toHex(block(100))));
        QVERIFY(!check.roundOpen());
        QVERIFY(!check.record(3, TipVerdict::Disagrees, 1300));  // late: ignored
    }

    void oneDisagreeingPeerIsADisagreementAndKeepsTheLastCheckedTip()
    {
        TipCrossCheck check;
        check.start(kTip, {1, 2, 3}, 0);
        for (PeerId p : {1, 2, 3}) check.record(p, TipVerdict::Agrees, 10);
        check.start({101, block(101), 0}, {1, 2, 3, 4}, 5000);
        for (PeerId p : {1, 2, 3}) check.record(p, TipVerdict::Agrees, 5010);
        QVERIFY(!check.record(9, TipVerdict::Agrees, 5010));  // not asked
        check.record(4, TipVerdict::Disagrees, 5020);
        QCOMPARE(check.info().state, QString("disagreement"));
        QCOMPARE(check.info().agreeing, 3);
        QCOMPARE(check.info().disagreeing, 1);
        QCOMPARE(check.info().checkedHeight, quint64(100));
    }

    void fewPeersSilentPeersAndLaggards()
    {
        TipCrossCheck few;
        few.start(kTip, {1, 2}, 0);
        few.record(1, TipVerdict::Agrees, 1);
        few.record(2, TipVerdict::Agrees, 1);
        QCOMPARE(few.info().state, QString("too_few_peers"));
        TipCrossCheck none;
        none.start(kTip, {}, 0);
        QCOMPARE(none.info().state, QString("too_few_peers"));

        TipCrossCheck silent;
        silent.start(kTip, {1, 2, 3, 4}, 0);
        for (PeerId p : {1, 2, 3}) silent.record(p, TipVerdict::Agrees, 1);
        silent.expire(TipCrossCheck::kRoundTimeoutMs - 1);
        QVERIFY(silent.roundOpen());
        silent.expire(TipCrossCheck::kRoundTimeoutMs);
        QCOMPARE(silent.info().state, QString("checked"));

        TipCrossCheck gone;
        gone.start(kTip, {1, 2, 3, 4}, 0);
        for (PeerId p : {1, 2}) gone.record(p, TipVerdict::Agrees, 1);
        gone.record(3, TipVerdict::Lags, 1);
        gone.peerGone(4, 2);
        QCOMPARE(gone.info().state, QString("unchecked"));
        QCOMPARE(gone.info().peersAsked, 3);
    }
};

QTEST_APPLESS_MAIN(TipCrossCheckTest)
#include "tst_tip_cross_check.moc"
