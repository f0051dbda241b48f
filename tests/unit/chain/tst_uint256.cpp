#include "core/chain/Uint256.h"

#include <QtTest>

using pb::Uint256;

class Uint256Test : public QObject {
    Q_OBJECT
private slots:
    void compactRoundTripsCanonicalBits_data()
    {
        QTest::addColumn<uint>("bits");
        for (uint bits : {0x1d00ffffu, 0x1d400000u, 0x207fffffu, 0x200fffffu, 0x1f00ffffu, 0x03123456u, 0x1b0404cbu})
            QTest::newRow(qPrintable(QString::number(bits, 16))) << bits;
    }
    void compactRoundTripsCanonicalBits()
    {
        QFETCH(uint, bits);
        const auto t = Uint256::fromCompact(bits);
        QVERIFY(t.has_value());
        QCOMPARE(t->toCompact(), uint32_t(bits));
    }

    void compactDecodesBitcoinGenesisTarget()
    {
        QCOMPARE(QString::fromStdString(Uint256::fromCompact(0x1d00ffff)->toHex()),
                 QString("00000000ffff0000000000000000000000000000000000000000000000000000"));
    }

    void compactRejectsNegativeZeroAndOverflow()
    {
        QVERIFY(!Uint256::fromCompact(0x1d800000));  // sign bit
        QVERIFY(!Uint256::fromCompact(0x1d000000));  // zero mantissa
        QVERIFY(!Uint256::fromCompact(0x00000000));
        QVERIFY(!Uint256::fromCompact(0x23000001));  // 2^256 and beyond
        QVERIFY(!Uint256::fromCompact(0xff123456));
    }

    void arithmeticMatchesSmallIntegers()
    {
        Uint256 a(1000), b(24);
        QCOMPARE((a + b).toDouble(), 1024.0);
        QCOMPARE((a - b).toDouble(), 976.0);
        QCOMPARE((a / b).toDouble(), 41.0);
        QCOMPARE((a << 100 >> 100).toDouble(), 1000.0);
        Uint256 c(3);
        c *= 7;
        QCOMPARE(c.toDouble(), 21.0);
        QVERIFY(a > b && b < a && a != b && a == Uint256(1000));
        QCOMPARE((Uint256(1) << 255).bits(), 256);
    }

    void workIsExpectedHashCount()
    {
        // A target of 2^240 - 1 needs 2^16 hashes on average.
        Uint256 target = (Uint256(1) << 240) - Uint256(1);
        QCOMPARE(pb::workForTarget(target).toDouble(), 65536.0);
        QCOMPARE(pb::workForTarget(~Uint256()).toDouble(), 1.0);
        QCOMPARE(pb::workForTarget(target).toDouble(), 65536.0);  // the last target's answer is not reused
    }

    void hexRoundTrips()
    {
        const Uint256 v = (Uint256(0xdeadbeef) << 200) + Uint256(42);
        QCOMPARE(*Uint256::fromHex(v.toHex()), v);
        QVERIFY(!Uint256::fromHex("xyz"));
    }
};

QTEST_APPLESS_MAIN(Uint256Test)
#include "tst_uint256.moc"
