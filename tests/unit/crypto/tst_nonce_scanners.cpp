// Every nonce-scan backend this CPU runs (each AVX-512 group count is a backend of its own)
// must agree with OpenSSL's sha256d on the serialized 88-byte header, and scanNonces, which
// screens on the top word alone, must stop at exactly the first winning nonce.
#include "core/crypto/BackendCalibration.h"
#include "core/crypto/NonceScanner.h"

#include <QtTest>

#include <random>

using namespace pb;
using namespace pb::crypto;

namespace {

struct Header {
    uint8_t bytes[80];
};

Header randomHeader(std::mt19937_64& rng)
{
    Header h;
    for (auto& b : h.bytes)
        b = uint8_t(rng());
    return h;
}

Hash256 opensslHeaderHash(const Header& h, uint64_t nonce)
{
    uint8_t full[88];
    std::memcpy(full, h.bytes, 80);
    putLE64(full + 80, nonce);
    return sha256d(full, sizeof full);
}

Hash256 targetWithLeadingZeroBytes(int zeros)
{
    Hash256 t;
    t.fill(0xff);
    std::memset(t.data(), 0, size_t(zeros));
    return t;
}

// The smallest offset in [0, count) whose hash is <= target, by brute force with OpenSSL.
std::optional<uint64_t> firstWinnerOffset(const Header& h, const Hash256& target, uint64_t first, uint64_t count)
{
    for (uint64_t i = 0; i < count; ++i) {
        Hash256 hash = opensslHeaderHash(h, first + i);
        if (std::memcmp(hash.data(), target.data(), 32) <= 0)
            return i;
    }
    return std::nullopt;
}

void checkScan(ShaBackend backend, const Header& h, const Hash256& target, uint64_t first, uint64_t count)
{
    auto expected = firstWinnerOffset(h, target, first, count);
    ScanResult r = scanNonces(backend, makeHeaderJob(h.bytes, target), first, count);
    QCOMPARE(r.found, expected.has_value());
    if (expected) {
        QCOMPARE(r.nonce, first + *expected);
        QCOMPARE(r.hashesDone, *expected + 1);
    } else {
        QCOMPARE(r.hashesDone, count);
    }
}

} // namespace

class NonceScannersMatchOpenssl : public QObject {
    Q_OBJECT

private slots:
    void bestBackendIsAvailable()
    {
        auto all = availableBackends();
        QVERIFY(std::find(all.begin(), all.end(), ShaBackend::Portable) != all.end());
        QVERIFY(std::find(all.begin(), all.end(), bestBackend()) != all.end());
        qInfo("backends: %zu, best: %s", all.size(), backendName(bestBackend()).c_str());
    }

    void calibrationPicksTheHighestRateAndTheEarlierOnATie()
    {
        const std::vector<ShaBackend> candidates{ShaBackend::ShaNi, ShaBackend::Avx512x1, ShaBackend::Avx512x2,
                                                 ShaBackend::Avx512x3};
        auto rates = [](double shaNi, double x1, double x2, double x3) {
            return [=](ShaBackend b) {
                switch (b) {
                case ShaBackend::ShaNi:
                    return shaNi;
                case ShaBackend::Avx512x1:
                    return x1;
                case ShaBackend::Avx512x2:
                    return x2;
                default:
                    return x3;
                }
            };
        };
        QCOMPARE(fastestBackend(candidates, rates(20, 30, 55, 54)), ShaBackend::Avx512x2);
        QCOMPARE(fastestBackend(candidates, rates(20, 30, 55, 56)), ShaBackend::Avx512x3);
        QCOMPARE(fastestBackend(candidates, rates(60, 30, 55, 56)), ShaBackend::ShaNi);
        QCOMPARE(fastestBackend(candidates, rates(20, 56, 56, 56)), ShaBackend::Avx512x1);
        QCOMPARE(fastestBackend({ShaBackend::Avx2}, rates(1, 1, 1, 1)), ShaBackend::Avx2);
    }

    void everyBackendHasAMeasurableRate()
    {
        for (ShaBackend b : availableBackends())
            QVERIFY2(measuredRate(b) > 0, backendName(b).c_str());
    }

    void makeHeaderJobKeepsMidstateTailAndTarget()
    {
        std::mt19937_64 rng(1);
        Header h = randomHeader(rng);
        Hash256 target = targetWithLeadingZeroBytes(3);
        HeaderJob job = makeHeaderJob(h.bytes, target);
        Midstate m = sha256Midstate(h.bytes);
        QVERIFY(std::memcmp(job.midstate.h, m.h, sizeof m.h) == 0);
        QVERIFY(std::memcmp(job.tail, h.bytes + 64, 16) == 0);
        QCOMPARE(job.target, target);
    }

    void hashNoncesMatchesOpensslForEveryBackend_data()
    {
        QTest::addColumn<int>("backend");
        for (ShaBackend b : availableBackends())
            QTest::newRow(backendName(b).c_str()) << int(b);
    }

    void hashNoncesMatchesOpensslForEveryBackend()
    {
        QFETCH(int, backend);
        std::mt19937_64 rng(42 + uint64_t(backend));
        // Counts around every lane width (1, 4, 8, 32), random starts, and runs of 100 across
        // a change of the nonce's high word and across the 2^64 wrap.
        const size_t counts[] = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 65};
        const uint64_t boundaryStarts[] = {0, 0xffffffc0ull, 0x1ffffffe7ull, 0xffffffffffffffc0ull, ~0ull};
        for (int round = 0; round < 40; ++round) {
            Header h = randomHeader(rng);
            HeaderJob job = makeHeaderJob(h.bytes, targetWithLeadingZeroBytes(4));
            const bool boundary = round < int(std::size(boundaryStarts));
            const uint64_t first = boundary ? boundaryStarts[round] : rng();
            const size_t count = boundary ? 100 : counts[size_t(round) % std::size(counts)];
            std::vector<Hash256> got(count);
            hashNonces(ShaBackend(backend), job, first, count, got.data());
            for (size_t i = 0; i < count; ++i) {
                QVERIFY2(got[i] == opensslHeaderHash(h, first + i),
                         qPrintable(QString("round %1 nonce %2").arg(round).arg(first + i)));
            }
        }
    }

    void scanFindsTheFirstWinningNonce_data() { hashNoncesMatchesOpensslForEveryBackend_data(); }

    void scanFindsTheFirstWinningNonce()
    {
        QFETCH(int, backend);
        std::mt19937_64 rng(7 + uint64_t(backend));
        // With one leading zero byte about one nonce in 256 wins.
        const Hash256 easy = targetWithLeadingZeroBytes(1);
        for (int round = 0; round < 24; ++round) {
            Header h = randomHeader(rng);
            const uint64_t first = rng(), count = 1 + rng() % 1500;
            checkScan(ShaBackend(backend), h, easy, first, count);
        }
        // Around the high-word change and the 2^64 wrap, the target is the smallest hash of the
        // range, so the single winner may sit on either side.
        for (uint64_t first : {0xffffffc0ull, 0xffffffffffffffc0ull}) {
            for (int round = 0; round < 4; ++round) {
                Header h = randomHeader(rng);
                Hash256 smallest = opensslHeaderHash(h, first);
                for (uint64_t i = 1; i < 128; ++i)
                    smallest = std::min(smallest, opensslHeaderHash(h, first + i));
                checkScan(ShaBackend(backend), h, smallest, first, 128);
            }
        }
    }

    // The target compares as a 256-bit big-endian number: equal wins, one less does not, so
    // the comparison must look past the first word.
    void scanTreatsAnEqualHashAsAWin_data() { hashNoncesMatchesOpensslForEveryBackend_data(); }

    void scanTreatsAnEqualHashAsAWin()
    {
        QFETCH(int, backend);
        std::mt19937_64 rng(99);
        Header h = randomHeader(rng);
        const uint64_t nonce = 0xdeadbeefcafeull;
        Hash256 exact = opensslHeaderHash(h, nonce);
        ScanResult hit = scanNonces(ShaBackend(backend), makeHeaderJob(h.bytes, exact), nonce, 1);
        QVERIFY(hit.found);
        QCOMPARE(hit.nonce, nonce);

        Hash256 below = exact;
        int i = 31;
        while (below[size_t(i)] == 0)
            below[size_t(i--)] = 0xff;
        --below[size_t(i)];
        ScanResult miss = scanNonces(ShaBackend(backend), makeHeaderJob(h.bytes, below), nonce, 1);
        QVERIFY(!miss.found);
        QCOMPARE(miss.hashesDone, uint64_t(1));
    }

    // The target is the smallest hash of a run of nonces spanning several batches of every
    // kernel, so its nonce's top word ties with the target's, lands anywhere in a batch, and the
    // lower words decide: equal wins, one less in the last word loses (and nothing else wins).
    void scanLetsTheLowerWordsDecideATieInsideABatch_data() { hashNoncesMatchesOpensslForEveryBackend_data(); }

    void scanLetsTheLowerWordsDecideATieInsideABatch()
    {
        QFETCH(int, backend);
        std::mt19937_64 rng(1234);
        for (int round = 0; round < 6; ++round) {
            Header h = randomHeader(rng);
            const uint64_t first = rng(), count = 150;
            Hash256 smallest = opensslHeaderHash(h, first);
            for (uint64_t i = 1; i < count; ++i)
                smallest = std::min(smallest, opensslHeaderHash(h, first + i));
            Hash256 lastWordLower = smallest;
            int i = 31;
            while (lastWordLower[size_t(i)] == 0)
                lastWordLower[size_t(i--)] = 0xff;
            --lastWordLower[size_t(i)];
            QVERIFY(i >= 28);  // the borrow stayed in the last word: only that word differs
            checkScan(ShaBackend(backend), h, smallest, first, count);
            checkScan(ShaBackend(backend), h, lastWordLower, first, count);
            QVERIFY(!scanNonces(ShaBackend(backend), makeHeaderJob(h.bytes, lastWordLower), first, count).found);
        }
    }

    void scanWithAnImpossibleTargetHashesTheWholeRange_data() { hashNoncesMatchesOpensslForEveryBackend_data(); }

    void scanWithAnImpossibleTargetHashesTheWholeRange()
    {
        QFETCH(int, backend);
        std::mt19937_64 rng(5);
        Header h = randomHeader(rng);
        HeaderJob job = makeHeaderJob(h.bytes, Hash256{});
        ScanResult r = scanNonces(ShaBackend(backend), job, ~0ull - 1000, 5001);
        QVERIFY(!r.found);
        QCOMPARE(r.hashesDone, uint64_t(5001));
        QCOMPARE(scanNonces(ShaBackend(backend), job, 17, 0).hashesDone, uint64_t(0));
    }
};

QTEST_APPLESS_MAIN(NonceScannersMatchOpenssl)
#include "tst_nonce_scanners.moc"
