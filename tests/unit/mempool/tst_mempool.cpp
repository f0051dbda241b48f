#include "core/mempool/Mempool.h"
#include "tests/unit/chain/BlockFixtures.h"

#include <QtTest>

using namespace pb;

namespace {

crypto::AddressHash addressOf(uint8_t b)
{
    crypto::AddressHash a;
    a.fill(b);
    return a;
}

// Accounts of the keys with seeds 1..9: 10 coins each at nonce 0, unless overridden.
struct Ledger {
    std::map<crypto::AddressHash, AccountState> overrides;
    AccountLookup lookup() const
    {
        return [this](const crypto::AddressHash& a) {
            const auto it = overrides.find(a);
            return it != overrides.end() ? it->second : AccountState{10 * kCoin, 0};
        };
    }
};

crypto::AddressHash senderOf(uint8_t seed) { return crypto::addressFromPublicKey(test::keyFor(seed).publicKey()); }

Bytes transfer(uint8_t seed, uint64_t nonce, uint64_t fee, uint64_t amount = kCoin)
{
    return test::signedTransfer(test::keyFor(seed), addressOf(0xEE), amount, fee, nonce).serialize();
}

TxError addError(Mempool& pool, const Bytes& raw, const Ledger& ledger) { return pool.add(raw, ledger.lookup()).check.error; }

} // namespace

class MempoolTest : public QObject {
    Q_OBJECT
private slots:
    void acceptsOnceAndNamesEachRefusal()
    {
        Mempool pool(test::testNet(), {});
        Ledger ledger;
        const Bytes raw = transfer(1, 0, 2000);
        QVERIFY(pool.add(raw, ledger.lookup()).ok());
        QCOMPARE(addError(pool, raw, ledger), TxError::AlreadyKnown);
        QCOMPARE(addError(pool, transfer(2, 0, 999), ledger), TxError::FeeTooLow);
        QCOMPARE(addError(pool, transfer(2, 0, 2000, 999), ledger), TxError::Dust);
        QCOMPARE(addError(pool, transfer(2, 0, 2000, 0), ledger), TxError::ZeroAmount);
        QCOMPARE(addError(pool, test::signedTransfer(test::keyFor(2), addressOf(1), kCoin, 2000, 0,
                                                     networkByName("dev")->genesisHash()).serialize(), ledger),
                 TxError::WrongNetwork);
        Bytes forged = transfer(2, 0, 2000);
        forged[90] ^= 1;
        QCOMPARE(addError(pool, forged, ledger), TxError::BadSignature);
        QCOMPARE(addError(pool, Bytes(10, 1), ledger), TxError::Malformed);
        QCOMPARE(pool.size(), size_t(1));
    }

    void noncesMustContinueTheSendersSequence()
    {
        Mempool pool(test::testNet(), {});
        Ledger ledger;
        ledger.overrides[senderOf(1)] = {10 * kCoin, 3};
        QCOMPARE(addError(pool, transfer(1, 2, 2000), ledger), TxError::NonceReused);
        QCOMPARE(addError(pool, transfer(1, 4, 2000), ledger), TxError::NonceGap);
        QVERIFY(pool.add(transfer(1, 3, 2000), ledger.lookup()).ok());
        QVERIFY(pool.add(transfer(1, 4, 2000), ledger.lookup()).ok());
        QCOMPARE(addError(pool, transfer(1, 6, 2000), ledger), TxError::NonceGap);
        QCOMPARE(pool.pendingFrom(senderOf(1)).size(), size_t(2));
        QCOMPARE(pool.pendingFrom(senderOf(1)).back()->tx.nonce, uint64_t(4));
    }

    void balanceCoversEveryPendingTransferOfTheSender()
    {
        Mempool pool(test::testNet(), {});
        Ledger ledger;
        ledger.overrides[senderOf(1)] = {3 * kCoin, 0};
        QVERIFY(pool.add(transfer(1, 0, 1000, 2 * kCoin), ledger.lookup()).ok());
        QCOMPARE(addError(pool, transfer(1, 1, 1000, kCoin), ledger), TxError::InsufficientBalance);
        QVERIFY(pool.add(transfer(1, 1, 1000, kCoin - 2000), ledger.lookup()).ok());
    }

    void higherFeeReplacesTheSameNonceAndDropsWhatItMakesUnaffordable()
    {
        Mempool pool(test::testNet(), {});
        Ledger ledger;
        ledger.overrides[senderOf(1)] = {3 * kCoin, 0};
        const Bytes first = transfer(1, 0, 2000, kCoin);
        const Bytes second = transfer(1, 1, 2000, kCoin);
        QVERIFY(pool.add(first, ledger.lookup()).ok());
        QVERIFY(pool.add(second, ledger.lookup()).ok());
        QCOMPARE(addError(pool, transfer(1, 0, 2000, kCoin / 2), ledger), TxError::ReplacementFeeTooLow);
        // Pays more and spends more: the second no longer fits the balance.
        const Bytes bigger = transfer(1, 0, 3000, 2 * kCoin);
        const MempoolAdmission a = pool.add(bigger, ledger.lookup());
        QVERIFY2(a.ok(), a.check.detail.c_str());
        QCOMPARE(*a.replaced, txId(first));
        QCOMPARE(a.dropped, std::vector<Hash256>{txId(second)});
        QCOMPARE(pool.size(), size_t(1));
        QVERIFY(pool.find(txId(bigger)));
    }

    void templatesTakeFeeRateOrderKeepingEachSendersNonceOrder()
    {
        Mempool pool(test::testNet(), {});
        Ledger ledger;
        const Bytes a0 = transfer(1, 0, 1000), a1 = transfer(1, 1, 9000), b0 = transfer(2, 0, 5000), c0 = transfer(3, 0, 3000);
        for (const Bytes& raw : {a0, a1, b0, c0}) QVERIFY(pool.add(raw, ledger.lookup()).ok());
        QCOMPARE(pool.selectForBlock(1 << 20), (std::vector<Bytes>{b0, c0, a0, a1}));
        QCOMPARE(pool.selectForBlock(2 * (TransferTx::kSize + 4)), (std::vector<Bytes>{b0, c0}));
        QCOMPARE(pool.entries().front()->id, txId(a1));  // the listing is by fee rate alone
    }

    void fullPoolEvictsTheLowestFeeRateWithItsSuccessors()
    {
        MempoolPolicy policy;
        policy.maxCount = 3;
        Mempool pool(test::testNet(), policy);
        Ledger ledger;
        const Bytes a0 = transfer(1, 0, 1500), a1 = transfer(1, 1, 9000), b0 = transfer(2, 0, 4000);
        for (const Bytes& raw : {a0, a1, b0}) QVERIFY(pool.add(raw, ledger.lookup()).ok());
        QCOMPARE(addError(pool, transfer(3, 0, 1500), ledger), TxError::MempoolFull);
        const MempoolAdmission c0 = pool.add(transfer(3, 0, 2000), ledger.lookup());
        QVERIFY2(c0.ok(), c0.check.detail.c_str());
        QCOMPARE(c0.dropped, (std::vector<Hash256>{txId(a0), txId(a1)}));  // a1 cannot stay without a0
        QCOMPARE(pool.size(), size_t(2));
    }

    void byteBoundEvictsToo()
    {
        MempoolPolicy policy;
        policy.maxBytes = 2 * TransferTx::kSize;
        Mempool pool(test::testNet(), policy);
        Ledger ledger;
        QVERIFY(pool.add(transfer(1, 0, 2000), ledger.lookup()).ok());
        QVERIFY(pool.add(transfer(2, 0, 3000), ledger.lookup()).ok());
        const MempoolAdmission a = pool.add(transfer(3, 0, 4000), ledger.lookup());
        QVERIFY(a.ok());
        QCOMPARE(a.dropped, std::vector<Hash256>{txId(transfer(1, 0, 2000))});
        QCOMPARE(pool.bytes(), 2 * TransferTx::kSize);
    }

    void newTipDropsSpentEntriesAndReadmitsReturningOnes()
    {
        Mempool pool(test::testNet(), {});
        std::vector<std::pair<Hash256, bool>> heard;
        pool.setListener([&](const MempoolEntry& e, bool added) { heard.push_back({e.id, added}); });
        Ledger ledger;
        const Bytes a0 = transfer(1, 0, 2000), a1 = transfer(1, 1, 2000), b0 = transfer(2, 0, 2000);
        for (const Bytes& raw : {a0, a1, b0}) QVERIFY(pool.add(raw, ledger.lookup()).ok());
        heard.clear();
        // A block confirmed a0 and spent nearly all of sender 2's coins elsewhere.
        ledger.overrides[senderOf(1)] = {9 * kCoin, 1};
        ledger.overrides[senderOf(2)] = {100, 1};
        const auto removed = pool.revalidate(ledger.lookup());
        QCOMPARE(std::set<Hash256>(removed.begin(), removed.end()), (std::set<Hash256>{txId(a0), txId(b0)}));
        QCOMPARE(pool.size(), size_t(1));
        QCOMPARE(heard.size(), size_t(2));

        // That block is undone: a0 returns before a1, and b0 is gone for good (not returning).
        ledger.overrides.clear();
        const auto none = pool.revalidate(ledger.lookup(), {a0});
        QVERIFY(none.empty());
        QCOMPARE(pool.size(), size_t(2));
        QCOMPARE(pool.selectForBlock(1 << 20), (std::vector<Bytes>{a0, a1}));
        QCOMPARE(heard.back(), std::make_pair(txId(a0), true));
    }
};

QTEST_GUILESS_MAIN(MempoolTest)
#include "tst_mempool.moc"
