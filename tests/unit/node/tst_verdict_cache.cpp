// VerdictCache: the recognizer's verdicts are remembered up to a bound, the least recently used
// going first, and a verdict of one recognizer never answers for another.
#include "core/node/VerdictCache.h"

#include <QtTest>

using namespace pb;

namespace {

VerdictKey key(uint8_t photo, const std::string& label = "dog", const std::string& identity = "nanodet-1")
{
    VerdictKey k;
    k.photoHash.fill(photo);
    k.label = label;
    k.recognizerIdentity = identity;
    return k;
}

const PhotoVerdict kConfirmed{PhotoVerdict::Kind::Confirmed, {}};
const PhotoVerdict kNotSeen{PhotoVerdict::Kind::NotConfirmed, "it sees cat 0.38"};

} // namespace

class VerdictCacheTest : public QObject {
    Q_OBJECT
private slots:
    void remembersVerdictsPerPhotoAndLabel()
    {
        VerdictCache cache;
        QVERIFY(!cache.find(key(1)));
        cache.store(key(1, "dog"), kConfirmed);
        cache.store(key(1, "cat"), kNotSeen);
        QCOMPARE(cache.find(key(1, "dog"))->kind, PhotoVerdict::Kind::Confirmed);
        QCOMPARE(cache.find(key(1, "cat"))->detail, kNotSeen.detail);
        QVERIFY(!cache.find(key(2, "dog")));
    }

    void keyIncludesTheRecognizerIdentity()
    {
        VerdictCache cache;
        cache.store(key(1, "dog", "nanodet-1"), kConfirmed);
        QVERIFY(!cache.find(key(1, "dog", "nanodet-2")));
        cache.store(key(1, "dog", "nanodet-2"), kNotSeen);
        QCOMPARE(cache.find(key(1, "dog", "nanodet-1"))->kind, PhotoVerdict::Kind::Confirmed);
        QCOMPARE(cache.find(key(1, "dog", "nanodet-2"))->kind, PhotoVerdict::Kind::NotConfirmed);
        QCOMPARE(cache.size(), size_t(2));
    }

    void staysWithinItsBoundDroppingTheLeastRecentlyUsed()
    {
        VerdictCache cache(3);
        cache.store(key(1), kConfirmed);
        cache.store(key(2), kConfirmed);
        cache.store(key(3), kConfirmed);
        QVERIFY(cache.find(key(1)));  // 1 is now the most recently used; 2 the least
        cache.store(key(4), kConfirmed);
        QCOMPARE(cache.size(), size_t(3));
        QVERIFY(!cache.find(key(2)));
        QVERIFY(cache.find(key(1)));
        QVERIFY(cache.find(key(3)));
        QVERIFY(cache.find(key(4)));
    }

    void storingAKnownKeyReplacesItsVerdictWithoutGrowing()
    {
        VerdictCache cache(2);
        cache.store(key(1), kNotSeen);
        cache.store(key(2), kConfirmed);
        cache.store(key(1), kConfirmed);  // and makes 1 the most recently used
        QCOMPARE(cache.size(), size_t(2));
        QCOMPARE(cache.find(key(1))->kind, PhotoVerdict::Kind::Confirmed);
        cache.store(key(3), kConfirmed);
        QVERIFY(!cache.find(key(2)));
        QVERIFY(cache.find(key(1)));
    }

    void defaultBoundIsAThousandAndTwentyFourVerdicts()
    {
        VerdictCache cache;
        QCOMPARE(cache.capacity(), size_t(1024));
        for (int i = 0; i < 1100; ++i) cache.store(key(uint8_t(i), "label" + std::to_string(i)), kConfirmed);
        QCOMPARE(cache.size(), size_t(1024));
        QVERIFY(!cache.find(key(uint8_t(0), "label0")));   // the oldest went
        QVERIFY(cache.find(key(uint8_t(1099 % 256), "label1099")));
    }
};

QTEST_APPLESS_MAIN(VerdictCacheTest)
#include "tst_verdict_cache.moc"
