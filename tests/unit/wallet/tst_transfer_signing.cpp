// What the CLI and the desktop app share: coin amounts as text, and turning a keystore key
// into a signed transfer (refusing a bad recipient, a zero amount, a locked keystore or an
// address the keystore does not hold).
#include "core/wallet/Coins.h"
#include "core/wallet/TransferSigning.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pb::wallet;

class TransferSigningTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    const ScryptCost kCheap{1 << 10, 8, 1};

private slots:
    void coinsParseAndFormat()
    {
        QCOMPARE(parseCoins("1.5"), std::optional<quint64>(150'000'000));
        QCOMPARE(parseCoins("0.00000001"), std::optional<quint64>(1));
        QCOMPARE(parseCoins("12345678901"), std::optional<quint64>(12345678901ull * pb::kCoin));
        for (const char* bad : {"", "1.", ".5", "-1", "1e3", "0.000000001", "123456789012", "1,5", " 1"})
            QVERIFY2(!parseCoins(bad), bad);
        QCOMPARE(formatCoins(150'000'000), QString("1.50000000"));
        QCOMPARE(formatCoins(1), QString("0.00000001"));
        QCOMPARE(parseCoins(formatCoins(987'654'321)), std::optional<quint64>(987'654'321));
    }

    void signsWithTheSendersKey()
    {
        KeystoreError error;
        auto keystore = Keystore::create(dir_.filePath("wallet.json"), "a long passphrase", "main", &error, kCheap);
        QVERIFY2(keystore, qPrintable(error.message));
        const QString from = keystore->defaultAddress();
        const QString to = QString::fromStdString(pb::crypto::encodeAddress(pb::crypto::AddressHash{7}));
        pb::Hash256 network{};
        network[0] = 42;

        const auto tx = signTransfer(*keystore, {from, to, 5 * pb::kCoin, 1000, 3, network}, &error);
        QVERIFY2(tx, qPrintable(error.message));
        QVERIFY(tx->signatureValid());
        QCOMPARE(QString::fromStdString(pb::crypto::encodeAddress(tx->from())), from);
        QCOMPARE(QString::fromStdString(pb::crypto::encodeAddress(tx->to)), to);
        QCOMPARE(tx->amount, 5 * pb::kCoin);
        QCOMPARE(tx->fee, quint64(1000));
        QCOMPARE(tx->nonce, quint64(3));
        QCOMPARE(tx->network, network);
    }

    void refusesWhatCannotBeSigned()
    {
        KeystoreError error;
        const auto locked = Keystore::readPublic(dir_.filePath("wallet.json"), &error);
        QVERIFY2(locked, qPrintable(error.message));
        const QString from = locked->defaultAddress();
        const QString to = QString::fromStdString(pb::crypto::encodeAddress(pb::crypto::AddressHash{9}));

        QVERIFY(!signTransfer(*locked, {from, to, 1, 1000, 0, {}}, &error));
        QCOMPARE(error.message, QString("the wallet is locked"));
        const auto unlocked = Keystore::open(dir_.filePath("wallet.json"), "a long passphrase", &error);
        QVERIFY(unlocked);
        QVERIFY(!signTransfer(*unlocked, {from, "pb1notanaddress", 1, 1000, 0, {}}, &error));
        QVERIFY(error.message.contains("not a valid Photoblocks address"));
        QVERIFY(!signTransfer(*unlocked, {from, to, 0, 1000, 0, {}}, &error));
        QVERIFY(error.message.contains("more than zero"));
        QVERIFY(!signTransfer(*unlocked, {to, to, 1, 1000, 0, {}}, &error));
        QVERIFY(error.message.contains("not an address of this wallet"));
        QCOMPARE(error.kind, KeystoreError::BadRequest);
    }
};

QTEST_MAIN(TransferSigningTest)
#include "tst_transfer_signing.moc"
