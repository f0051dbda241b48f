#include "BlockFixtures.h"
#include "core/chain/Accounts.h"

#include <QtTest>
#include <limits>
#include <set>

using namespace pb;

namespace {

const uint64_t kTime = 1793491300;
const Hash256 kNet = test::testNet().genesisHash();
const uint64_t kDust = test::testNet().dustLimit;

crypto::AddressHash addressOf(uint8_t b)
{
    crypto::AddressHash a;
    a.fill(b);
    return a;
}

TxError stateless(const Bytes& raw) { return checkTransfer(raw, kNet, kDust, nullptr).error; }

ChainContext contextFor(uint64_t height) { return test::contextAt(height, kTime); }

// A solved block at height 1 whose coinbase claims `coinbaseAmount` and carries `transfers`.
Block blockWith(const std::vector<TransferTx>& transfers, uint64_t coinbaseAmount)
{
    Block b = test::makeBlock(Hash256{}, 1, kTime);
    b.transactions = {test::coinbaseFor(1, coinbaseAmount)};
    for (const TransferTx& t : transfers) b.transactions.push_back(t.serialize());
    test::reseal(b);
    return b;
}

} // namespace

class TransfersTest : public QObject {
    Q_OBJECT
private slots:
    void encodingRoundTripsAtItsFixedLength()
    {
        const TransferTx t = test::signedTransfer(test::keyFor(1), addressOf(2), 5 * kCoin, 2000, 7);
        const Bytes raw = t.serialize();
        QCOMPARE(raw.size(), TransferTx::kSize);
        const auto parsed = Transaction::parse(raw);
        QVERIFY(parsed && parsed->type == TxType::Transfer);
        QCOMPARE(parsed->transfer.serialize(), raw);
        QCOMPARE(parsed->transfer.from(), crypto::addressFromPublicKey(test::keyFor(1).publicKey()));
        TransferTx out;
        QVERIFY(checkTransfer(raw, kNet, kDust, &out).ok());
        QCOMPARE(out.nonce, uint64_t(7));
    }

    void truncatedOrUnknownBytesAreMalformed()
    {
        const Bytes raw = test::signedTransfer(test::keyFor(1), addressOf(2), kCoin, 2000, 0).serialize();
        QCOMPARE(stateless(Bytes(raw.begin(), raw.end() - 1)), TxError::Malformed);
        QCOMPARE(stateless(Bytes{}), TxError::Malformed);
        Bytes unknownType = raw;
        unknownType[0] = 7;
        QCOMPARE(stateless(unknownType), TxError::Malformed);
    }

    void extraBytesAreOversize()
    {
        Bytes raw = test::signedTransfer(test::keyFor(1), addressOf(2), kCoin, 2000, 0).serialize();
        raw.push_back(0);
        QCOMPARE(stateless(raw), TxError::Oversize);
    }

    void coinbaseIsNotATransfer() { QCOMPARE(stateless(test::coinbaseFor(1)), TxError::NotATransfer); }

    void everySignedFieldIsCovered()
    {
        const Bytes raw = test::signedTransfer(test::keyFor(1), addressOf(2), kCoin, 2000, 0).serialize();
        // Flip one bit in each field after the network id: the signature must fail.
        for (size_t offset : {size_t(33), size_t(65), size_t(85), size_t(93), size_t(101), size_t(140)}) {
            Bytes forged = raw;
            forged[offset] ^= 0x01;
            QCOMPARE(stateless(forged), TxError::BadSignature);
        }
        Bytes badSignature = raw;
        badSignature.back() ^= 0x01;
        QCOMPARE(stateless(badSignature), TxError::BadSignature);
    }

    void anotherNetworksTransferIsAReplay()
    {
        const Hash256 dev = networkByName("dev")->genesisHash();
        const Bytes raw = test::signedTransfer(test::keyFor(1), addressOf(2), kCoin, 2000, 0, dev).serialize();
        QCOMPARE(stateless(raw), TxError::WrongNetwork);
        QVERIFY(checkTransfer(raw, dev, kDust, nullptr).ok());
    }

    void zeroAndDustAmountsAreRefused()
    {
        QCOMPARE(stateless(test::signedTransfer(test::keyFor(1), addressOf(2), 0, 2000, 0).serialize()), TxError::ZeroAmount);
        QCOMPARE(stateless(test::signedTransfer(test::keyFor(1), addressOf(2), kDust - 1, 2000, 0).serialize()), TxError::Dust);
        QVERIFY(checkTransfer(test::signedTransfer(test::keyFor(1), addressOf(2), kDust, 0, 0).serialize(), kNet, kDust, nullptr).ok());
    }

    void amountPlusFeeOverflowIsRefused()
    {
        const Bytes raw = test::signedTransfer(test::keyFor(1), addressOf(2), UINT64_MAX - 5, 6, 0).serialize();
        QCOMPARE(stateless(raw), TxError::Overflow);
    }

    void accountRulesNameNonceAndBalance()
    {
        const TransferTx t = test::signedTransfer(test::keyFor(1), addressOf(2), kCoin, 1000, 3);
        QCOMPARE(checkAgainstAccount(t, {10 * kCoin, 4}).error, TxError::NonceReused);
        QCOMPARE(checkAgainstAccount(t, {10 * kCoin, 2}).error, TxError::NonceGap);
        QCOMPARE(checkAgainstAccount(t, {kCoin + 999, 3}).error, TxError::InsufficientBalance);
        QVERIFY(checkAgainstAccount(t, {kCoin + 1000, 3}).ok());
        QCOMPARE(checkFee(t, 1001).error, TxError::FeeTooLow);
        QVERIFY(checkFee(t, 1000).ok());
    }

    void coinbaseMayClaimRewardPlusFees()
    {
        const auto key = test::keyFor(1);
        const std::vector<TransferTx> transfers = {test::signedTransfer(key, addressOf(2), kCoin, 3000, 0),
                                                   test::signedTransfer(key, addressOf(3), kCoin, 4000, 1)};
        const Block exact = blockWith(transfers, kCoin + 7000);
        QVERIFY(checkBlock(exact.serialize(), test::testNet(), nullptr).ok());
        const ValidationResult ok = checkBlockInContext(exact, contextFor(1), test::testNet());
        QVERIFY2(ok.ok(), ok.detail.c_str());
        const Block greedy = blockWith(transfers, kCoin + 7001);
        QCOMPARE(checkBlockInContext(greedy, contextFor(1), test::testNet()).error, BlockError::CoinbaseOverpays);
    }

    void feesOverflowingMakeTheBlockInvalid()
    {
        const auto key = test::keyFor(1);
        const Block b = blockWith({test::signedTransfer(key, addressOf(2), kDust, UINT64_MAX - kDust, 0),
                                   test::signedTransfer(key, addressOf(2), kDust, UINT64_MAX - kDust, 1)},
                                  kCoin);
        QCOMPARE(checkBlockInContext(b, contextFor(1), test::testNet()).error, BlockError::FeeOverflow);
    }

    void blockWithABadTransferIsInvalid()
    {
        TransferTx t = test::signedTransfer(test::keyFor(1), addressOf(2), kCoin, 1000, 0);
        t.amount += 1;  // after signing
        const ValidationResult r = checkBlock(blockWith({t}, kCoin).serialize(), test::testNet(), nullptr);
        QCOMPARE(r.error, BlockError::InvalidTransfer);
        QVERIFY2(r.detail.find("bad_signature") != std::string::npos, r.detail.c_str());
    }

    void applyingABlockMovesBalancesAndNonces()
    {
        const auto key = test::keyFor(1);
        const auto sender = crypto::addressFromPublicKey(key.publicKey());
        const Block b = blockWith({test::signedTransfer(key, addressOf(2), 3 * kCoin, 1000, 0),
                                   test::signedTransfer(key, addressOf(2), 1 * kCoin, 2000, 1)},
                                  kCoin + 3000);
        AccountOverlay accounts([&](const crypto::AddressHash& a) { return a == sender ? AccountState{5 * kCoin, 0} : AccountState{}; });
        std::vector<BalanceChange> changes;
        const ValidationResult r = applyBlockTransactions(b, accounts, &changes);
        QVERIFY2(r.ok(), r.detail.c_str());
        QVERIFY(accounts.get(sender) == (AccountState{5 * kCoin - 4 * kCoin - 3000, 2}));
        QVERIFY(accounts.get(addressOf(2)) == (AccountState{4 * kCoin, 0}));
        QVERIFY(accounts.get(addressOf(7)) == (AccountState{kCoin + 3000, 0}));  // the coinbase's address
        QCOMPARE(changes.size(), size_t(5));
        QCOMPARE(changes.front().nonceBefore, uint64_t(0));
        QCOMPARE(changes.front().nonceAfter, uint64_t(1));
    }

    void applyingRejectsAccountBreaches()
    {
        const auto key = test::keyFor(1);
        const auto sender = crypto::addressFromPublicKey(key.publicKey());
        const auto richAtNonce = [&](uint64_t nonce) {
            return [=](const crypto::AddressHash& a) { return a == sender ? AccountState{5 * kCoin, nonce} : AccountState{}; };
        };
        struct Case { uint64_t amount, nonce, accountNonce; const char* reason; };
        for (const Case& c : {Case{kCoin, 1, 0, "nonce_gap"}, Case{kCoin, 0, 1, "nonce_reused"},
                              Case{5 * kCoin, 0, 0, "insufficient_balance"}}) {
            AccountOverlay accounts(richAtNonce(c.accountNonce));
            std::vector<BalanceChange> changes;
            const Block b = blockWith({test::signedTransfer(key, addressOf(2), c.amount, 1000, c.nonce)}, kCoin);
            const ValidationResult r = applyBlockTransactions(b, accounts, &changes);
            QCOMPARE(r.error, BlockError::InvalidTransfer);
            QVERIFY2(r.detail.find(c.reason) != std::string::npos, r.detail.c_str());
        }
    }

    void creditsPastSixtyFourBitsOverflow()
    {
        const auto key = test::keyFor(1);
        const auto sender = crypto::addressFromPublicKey(key.publicKey());
        const uint64_t max = std::numeric_limits<uint64_t>::max();
        // A recipient one unit short of 2^64 cannot receive a transfer of a coin.
        {
            AccountOverlay accounts([&](const crypto::AddressHash& a) {
                return a == sender ? AccountState{5 * kCoin, 0} : a == addressOf(2) ? AccountState{max - 1, 0} : AccountState{};
            });
            std::vector<BalanceChange> changes;
            const ValidationResult r =
                applyBlockTransactions(blockWith({test::signedTransfer(key, addressOf(2), kCoin, 1000, 0)}, kCoin), accounts, &changes);
            QCOMPARE(r.error, BlockError::BalanceOverflow);
            QVERIFY2(r.detail.find("transfer 1") != std::string::npos, r.detail.c_str());
        }
        // Nor can a miner's address near 2^64 take a coinbase (address 7 is the coinbase's).
        {
            AccountOverlay accounts([&](const crypto::AddressHash& a) { return a == addressOf(7) ? AccountState{max - kCoin + 1, 0} : AccountState{}; });
            std::vector<BalanceChange> changes;
            const ValidationResult r = applyBlockTransactions(blockWith({}, kCoin), accounts, &changes);
            QCOMPARE(r.error, BlockError::BalanceOverflow);
            QVERIFY2(r.detail.find("coinbase") != std::string::npos, r.detail.c_str());
        }
        // One unit less fits exactly.
        AccountOverlay accounts([&](const crypto::AddressHash& a) { return a == addressOf(7) ? AccountState{max - kCoin, 0} : AccountState{}; });
        std::vector<BalanceChange> changes;
        QVERIFY(applyBlockTransactions(blockWith({}, kCoin), accounts, &changes).ok());
        QCOMPARE(accounts.get(addressOf(7)).balance, max);
    }

    void everyRejectionHasItsOwnCode()
    {
        std::set<std::string> codes;
        for (int e = int(TxError::None); e <= int(TxError::Unavailable); ++e) codes.insert(txErrorCode(TxError(e)));
        QCOMPARE(codes.size(), size_t(int(TxError::Unavailable) + 1));
        QVERIFY(!codes.count("unknown"));
    }
};

QTEST_GUILESS_MAIN(TransfersTest)
#include "tst_transfers.moc"
