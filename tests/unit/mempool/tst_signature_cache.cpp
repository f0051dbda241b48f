// The verified-signature cache: a transfer the mempool verified costs a block no second
// verification, a bad signature is refused every time (never answered from the cache), and the
// cache stays within its bound, making room at random.
#include "core/chain/Validation.h"
#include "core/mempool/Mempool.h"
#include "core/mempool/SignatureCache.h"
#include "tests/unit/chain/BlockFixtures.h"

#include <QtTest>

using namespace pb;

namespace {

crypto::AddressHash recipient()
{
    crypto::AddressHash a;
    a.fill(0xEE);
    return a;
}

TransferTx transfer(uint64_t nonce, uint8_t seed = 1) { return test::signedTransfer(test::keyFor(seed), recipient(), kCoin, 1000, nonce); }

// A cache whose real verifications are counted.
struct CountingCache {
    int verifications = 0;
    SignatureCache cache;
    explicit CountingCache(size_t capacity = SignatureCache::kDefaultCapacity)
        : cache(capacity, [this](const TransferTx& tx) {
              ++verifications;
              return tx.signatureValid();
          })
    {
    }
};

} // namespace

class SignatureCacheTest : public QObject {
    Q_OBJECT
private slots:
    void aSecondCheckOfTheSameTransferSkipsVerification()
    {
        CountingCache c;
        const TransferTx tx = transfer(0);
        QVERIFY(c.cache.valid(tx));
        QVERIFY(c.cache.valid(tx));
        QCOMPARE(c.verifications, 1);
        QCOMPARE(c.cache.hits(), uint64_t(1));
        QVERIFY(c.cache.valid(transfer(1)));
        QCOMPARE(c.verifications, 2);
    }

    void aBadSignatureIsNeverAnsweredFromTheCache()
    {
        CountingCache c;
        const TransferTx good = transfer(0);
        QVERIFY(c.cache.valid(good));

        TransferTx forgedSignature = good;
        forgedSignature.signature[5] ^= 0x01;
        TransferTx changedAmount = good;  // the good signature over other bytes
        changedAmount.amount += 1;
        TransferTx otherSender = good;    // the good signature under another key
        otherSender.sender = test::keyFor(2).publicKey();
        for (const TransferTx& bad : {forgedSignature, changedAmount, otherSender}) {
            const int before = c.verifications;
            QVERIFY(!c.cache.valid(bad));
            QVERIFY(!c.cache.valid(bad));
            QCOMPARE(c.verifications, before + 2);  // failures are not remembered
        }
        QCOMPARE(c.cache.size(), size_t(1));
        QCOMPARE(c.cache.hits(), uint64_t(0));
    }

    void staysWithinItsBoundEvictingAtRandom()
    {
        constexpr size_t kCapacity = 64;
        bool verdict = true;  // what a real verification would say
        int verifications = 0;
        SignatureCache cache(kCapacity, [&](const TransferTx&) {
            ++verifications;
            return verdict;
        });
        std::vector<TransferTx> txs;
        for (uint64_t n = 0; n < 4 * kCapacity; ++n) txs.push_back(transfer(n));
        for (const TransferTx& tx : txs) QVERIFY(cache.valid(tx));
        QCOMPARE(cache.size(), kCapacity);
        QCOMPARE(verifications, int(txs.size()));

        // Probed with verification failing, a transfer passes only from the cache (and a
        // failure changes nothing in it).
        verdict = false;
        size_t survivors = 0, oldSurvivors = 0;
        for (size_t i = 0; i < txs.size(); ++i) {
            if (!cache.valid(txs[i])) continue;
            ++survivors;
            if (i < txs.size() - kCapacity) ++oldSurvivors;
        }
        QCOMPARE(survivors, kCapacity);
        QVERIFY(cache.valid(txs.back()));  // room is made before an entry goes in: the newest stays
        // Oldest-first eviction would keep exactly the newest 64; random victims leave some older
        // ones (all 64 newest surviving has a chance of (63/64)^2016, about 10^-14).
        QVERIFY(oldSurvivors > 0);
    }

    void aBlockOfTransfersTheMempoolVerifiedCostsNoVerification()
    {
        CountingCache c;
        Mempool pool(test::testNet(), MempoolPolicy{}, c.cache);
        const AccountLookup rich = [](const crypto::AddressHash&) { return AccountState{100 * kCoin, 0}; };
        Block block = test::makeBlock(test::testNet().genesisHash(), 1, test::testNet().genesisTime + 60);
        for (uint8_t seed = 1; seed <= 5; ++seed) {
            const Bytes raw = transfer(0, seed).serialize();
            QVERIFY(pool.add(raw, rich).ok());
            block.transactions.push_back(raw);
        }
        QCOMPARE(c.verifications, 5);
        test::reseal(block);
        QVERIFY(checkBlock(block.serialize(), test::testNet(), nullptr, c.cache).ok());
        QCOMPARE(c.verifications, 5);
        QCOMPARE(c.cache.hits(), uint64_t(5));

        // A block carrying a transfer the pool never saw verifies just that one.
        block.transactions.push_back(transfer(0, 6).serialize());
        test::reseal(block);
        QVERIFY(checkBlock(block.serialize(), test::testNet(), nullptr, c.cache).ok());
        QCOMPARE(c.verifications, 6);
    }

    void aBlockWithAForgedTransferIsRefusedWithTheCacheFull()
    {
        CountingCache c;
        Block block = test::makeBlock(test::testNet().genesisHash(), 1, test::testNet().genesisTime + 60);
        TransferTx tx = transfer(0);
        QVERIFY(c.cache.valid(tx));
        tx.signature[0] ^= 0x80;
        block.transactions.push_back(tx.serialize());
        test::reseal(block);
        const ValidationResult r = checkBlock(block.serialize(), test::testNet(), nullptr, c.cache);
        QCOMPARE(r.error, BlockError::InvalidTransfer);
        QVERIFY2(QString::fromStdString(r.detail).contains("bad_signature"), r.detail.c_str());
    }
};

QTEST_GUILESS_MAIN(SignatureCacheTest)
#include "tst_signature_cache.moc"
