#include "core/chain/Difficulty.h"

#include <QtTest>

using namespace pb;

class DifficultyTest : public QObject {
    Q_OBJECT
private:
    const NetworkParams& dev = *networkByName("dev");
    double targetOf(uint32_t bits) { return Uint256::fromCompact(bits)->toDouble(); }
    uint64_t span() { return dev.targetBlockSeconds * dev.retargetInterval; }

private slots:
    void retargetsOnlyAtIntervalBoundaries()
    {
        QVERIFY(!retargetWindowStart(dev, 0));
        QVERIFY(!retargetWindowStart(dev, 9));
        QCOMPARE(*retargetWindowStart(dev, 10), uint64_t(0));
        QCOMPARE(*retargetWindowStart(dev, 20), uint64_t(10));
        QVERIFY(!retargetWindowStart(*networkByName("test"), 10));
    }

    void onTimeKeepsTarget()
    {
        const uint32_t bits = retargetBits(dev, dev.genesisBits, 1000, 1000 + span());
        QCOMPARE(bits, dev.genesisBits);
    }

    void fastBlocksMakeItHarderProportionally()
    {
        const uint32_t bits = retargetBits(dev, dev.genesisBits, 1000, 1000 + span() / 2);
        QCOMPARE(targetOf(bits), targetOf(dev.genesisBits) / 2);
    }

    void slowBlocksMakeItEasier()
    {
        const uint32_t bits = retargetBits(dev, dev.genesisBits, 1000, 1000 + span() * 2);
        QCOMPARE(targetOf(bits), targetOf(dev.genesisBits) * 2);
    }

    void adjustmentIsClampedToFactorFour()
    {
        QCOMPARE(targetOf(retargetBits(dev, dev.genesisBits, 1000, 1000)), targetOf(dev.genesisBits) / 4);
        QCOMPARE(targetOf(retargetBits(dev, dev.genesisBits, 1000, 1000 + span() * 100)), targetOf(dev.genesisBits) * 4);
    }

    void neverEasierThanPowLimit()
    {
        const uint32_t nearLimit = dev.powLimit.toCompact();
        const uint32_t bits = retargetBits(dev, nearLimit, 1000, 1000 + span() * 4);
        QCOMPARE(*Uint256::fromCompact(bits), dev.powLimit);
    }

    void medianTimePastIsTheMiddleValue()
    {
        QCOMPARE(medianTimePast({5, 1, 9}), uint64_t(5));
        QCOMPARE(medianTimePast({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), uint64_t(6));
        QCOMPARE(medianTimePast({}), uint64_t(0));
    }
};

QTEST_APPLESS_MAIN(DifficultyTest)
#include "tst_difficulty.moc"
