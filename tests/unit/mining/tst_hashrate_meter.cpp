#include "core/mining/HashrateMeter.h"

#include <QtTest>

using pb::mining::HashrateMeter;
using namespace std::chrono;

class HashrateMeterTest : public QObject {
    Q_OBJECT
private slots:
    void averagesOverEachWindow()
    {
        HashrateMeter meter;
        const auto t0 = HashrateMeter::Clock::now();
        // 100 H in each of 120 seconds, then 1000 H in each of the last 10.
        for (int s = 0; s < 120; ++s) meter.add(100, t0 + seconds(s));
        for (int s = 120; s < 130; ++s) meter.add(1000, t0 + seconds(s));
        const auto now = t0 + seconds(129) + milliseconds(999);
        QVERIFY(qAbs(meter.rate(10, now) - 1000.0) < 5.0);
        QVERIFY(qAbs(meter.rate(60, now) - (50 * 100 + 10 * 1000) / 60.0) < 5.0);
        // The 15-minute window only covers the 130 s that have data.
        QVERIFY(qAbs(meter.rate(900, now) - (120 * 100 + 10 * 1000) / 130.0) < 5.0);
    }

    void idleTimeDecaysTheRate()
    {
        HashrateMeter meter;
        const auto t0 = HashrateMeter::Clock::now();
        for (int s = 0; s < 10; ++s) meter.add(500, t0 + seconds(s));
        QVERIFY(meter.rate(10, t0 + seconds(9) + milliseconds(999)) > 400);
        QCOMPARE(meter.rate(10, t0 + seconds(30)), 0.0);
        QVERIFY(meter.rate(60, t0 + seconds(30)) > 0);
        QCOMPARE(meter.rate(60, t0 + seconds(2000)), 0.0);
    }

    void emptyAndResetMeterReadsZero()
    {
        HashrateMeter meter;
        QCOMPARE(meter.rate(10), 0.0);
        meter.add(1000);
        QVERIFY(meter.rate(10) > 0);
        meter.reset();
        QCOMPARE(meter.rate(10), 0.0);
    }
};

QTEST_APPLESS_MAIN(HashrateMeterTest)
#include "tst_hashrate_meter.moc"
