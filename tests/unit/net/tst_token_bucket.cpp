#include "core/net/TokenBucket.h"

#include <QtTest>

using pb::net::TokenBucket;

class TokenBucketTest : public QObject {
    Q_OBJECT
private slots:
    void startsFullAndRefillsUpToCapacity()
    {
        TokenBucket bucket(10, 10, 0);
        for (int i = 0; i < 10; ++i)
            QVERIFY(bucket.charge(1, 0));
        QVERIFY(!bucket.charge(1, 0));
        QCOMPARE(bucket.level(0), -1.0);
        // 10 tokens/s: 300 ms later the debt is paid and two tokens are back.
        QCOMPARE(bucket.level(300), 2.0);
        QCOMPARE(bucket.level(60'000), 10.0);
    }

    void debtKeepsGrowingWhileTheSenderPushes()
    {
        TokenBucket bucket(100, 100, 0);
        int covered = 0;
        // 1000 charges in one second: ten times the allowance.
        for (int ms = 0; ms < 1000; ++ms)
            covered += bucket.charge(1, ms) ? 1 : 0;
        QVERIFY(covered <= 200);
        QVERIFY(bucket.level(1000) < -700);
    }

    void clockGoingBackwardsRefillsNothing()
    {
        TokenBucket bucket(10, 10, 1000);
        QVERIFY(bucket.charge(10, 1000));
        QCOMPARE(bucket.level(500), 0.0);
    }

    void prepaidRepliesAreCoveredBeyondTheAllowanceUpToTheLimit()
    {
        TokenBucket bucket(10, 10, 0);
        bucket.prepay(30, 25);  // asked for 30 replies; at most 25 prepaid
        for (int i = 0; i < 25; ++i)
            QVERIFY(bucket.charge(1, 0));
        QCOMPARE(bucket.level(0), 10.0);  // the refilled allowance is untouched
        for (int i = 0; i < 10; ++i)
            QVERIFY(bucket.charge(1, 0));
        QVERIFY(!bucket.charge(1, 0));
    }

    void nonPositiveRateIsUnlimited()
    {
        TokenBucket bucket(0, 0, 0);
        QVERIFY(bucket.unlimited());
        for (int i = 0; i < 1000; ++i)
            QVERIFY(bucket.charge(1e9, 0));
    }
};

QTEST_APPLESS_MAIN(TokenBucketTest)
#include "tst_token_bucket.moc"
