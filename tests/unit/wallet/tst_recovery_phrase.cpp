// Recovery phrases: the shipped BIP-39 word list is the standard one, the official BIP-39
// vectors (entropy <-> words -> seed) and SLIP-10 Ed25519 vectors hold, typed words are
// checked (unknown word, count, checksum), and a wallet re-created from its words has the same
// addresses and keys, while version 1 (random-key) wallets keep working beside version 2.
#include "core/crypto/Address.h"
#include "core/wallet/Keystore.h"
#include "core/wallet/RecoveryPhrase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace pb;
using namespace pb::wallet;

namespace {

const QByteArray kPass = "paper backup passphrase";
const ScryptCost kCheap{1 << 10, 8, 1};

QString hex(const uint8_t* data, size_t n) { return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(data), qsizetype(n)).toHex()); }

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class RecoveryPhraseTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    int counter_ = 0;
    QString freshPath() { return dir_.filePath(QString("wallet%1.json").arg(++counter_)); }

private slots:
    void wordListIsTheStandardEnglishList()
    {
        QFile file(":/wallet/bip39-english.txt");
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()),
                 QString("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda"));
        QCOMPARE(phrase::englishWords().size(), 2048);
        QCOMPARE(phrase::englishWords().front(), QString("abandon"));
        QCOMPARE(phrase::englishWords().back(), QString("zoo"));
    }

    void officialBip39VectorsHold()
    {
        QFile file(QString(PB_SOURCE_DIR) + "/tests/unit/wallet/bip39_vectors.json");
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject all = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray vectors = all["vectors"].toArray();
        QCOMPARE(vectors.size(), 24);
        for (const QJsonValue& v : vectors) {
            const QJsonObject o = v.toObject();
            const QByteArray entropy = QByteArray::fromHex(o["entropy"].toString().toLatin1());
            const QString words = o["words"].toString();
            QCOMPARE(phrase::fromEntropy(entropy).join(' '), words);
            QString error;
            const auto back = phrase::toEntropy(words, &error);
            QVERIFY2(back, qPrintable(error));
            QCOMPARE(*back, entropy);
            QCOMPARE(QString::fromLatin1(phrase::toSeed(words.split(' '), all["passphrase"].toString()).toHex()), o["seed"].toString());
        }
    }

    void officialSlip10Ed25519VectorHolds()
    {
        // SLIP-0010, test vector 1 for ed25519.
        phrase::Slip10Node node = phrase::slip10Master(QByteArray::fromHex("000102030405060708090a0b0c0d0e0f"));
        QCOMPARE(hex(node.key.data(), 32), QString("2b4be7f19ee27bbf30c667b642d5f4aa69fd169872f8fc3059c08ebae2eb19e7"));
        QCOMPARE(hex(node.chainCode.data(), 32), QString("90046a93de5380a72b5e45010748567d5ea02bbf6522f979e05c0d8d8ca9fffb"));
        const char* keys[] = {"68e0fe46dfb67e368c75379acec591dad19df3cde26e63b93a8e704f1dade7a3",
                              "b1d0bad404bf35da785a64ca1ac54b2617211d2777696fbffaf208f746ae84f2",
                              "92a5b23c0b8a99e37d07df3fb9966917f5d06e02ddbd909c7e184371463e9fc9",
                              "30d1dc7e5fc04c31219ab25a27ae00b50f6fd66622f6e9c913253d6511d1e662"};
        const uint32_t path[] = {0, 1, 2, 2};
        for (int i = 0; i < 4; ++i) {
            node = phrase::slip10Child(node, path[i]);
            QCOMPARE(hex(node.key.data(), 32), QString(keys[i]));
        }
        QCOMPARE(hex(node.chainCode.data(), 32), QString("8f6d87f93d750e0efccda017d662a1b31a266e4a6f5993b15f5c1f07f74dd5cc"));
    }

    void typedWordsAreCheckedAndForgivenCaseAndSpaces()
    {
        const QStringList words = phrase::generate();
        QCOMPARE(words.size(), 24);
        QVERIFY(phrase::toEntropy("  " + words.join("   ").toUpper() + "\n", nullptr));
        QString error;
        QVERIFY(!phrase::toEntropy("legal winner wave year thank sausage worth useful legal winner thank yellow", &error));
        QVERIFY2(error.contains("checksum"), qPrintable(error));  // two words swapped
        QVERIFY(!phrase::toEntropy("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon", &error));
        QVERIFY2(error.contains("checksum"), qPrintable(error));
        QVERIFY(!phrase::toEntropy("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandonn", &error));
        QVERIFY2(error.contains("word 12") && error.contains("not in the recovery word list"), qPrintable(error));
        QVERIFY(!phrase::toEntropy(words.mid(0, 23).join(' '), &error));
        QVERIFY2(error.contains("not 23"), qPrintable(error));
        QVERIFY(!phrase::toEntropy("", &error));
    }

    void walletFromWordsReturnsTheSameAddressesAndKeys()
    {
        const QString words = phrase::generate().join(' ');
        const QString first = freshPath();
        KeystoreError error;
        auto original = Keystore::createFromPhrase(first, kPass, words, 1, "main", &error, kCheap);
        QVERIFY2(original, qPrintable(error.message));
        QVERIFY(original->newAddress("second", &error));
        QVERIFY(original->newAddress("third", &error));
        QCOMPARE(readJson(first)["version"].toInt(), 2);
        QVERIFY(!readJson(first).contains("seeds"));

        const QString second = freshPath();
        const auto restored = Keystore::createFromPhrase(second, "another passphrase", "\t" + words.toUpper() + " ", 3, "", &error, kCheap);
        QVERIFY2(restored, qPrintable(error.message));
        QCOMPARE(restored->addresses().size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QString address = original->addresses()[i].address;
            QCOMPARE(restored->addresses()[i].address, address);
            QCOMPARE(restored->key(address)->publicKey(), original->key(address)->publicKey());
        }
        const auto reopened = Keystore::open(first, kPass, &error);
        QVERIFY2(reopened, qPrintable(error.message));
        QVERIFY(reopened->fromPhrase());
        QCOMPARE(reopened->addresses()[2].label, QString("third"));
        QCOMPARE(reopened->key(reopened->addresses()[1].address)->publicKey(), original->addresses()[1].publicKey);

        // Known words give known addresses: the derivation is fixed, not random.
        const QString zoo = "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong";
        const auto a = Keystore::createFromPhrase(freshPath(), kPass, zoo, 2, "", &error, kCheap);
        const auto b = Keystore::createFromPhrase(freshPath(), kPass, zoo, 2, "", &error, kCheap);
        QVERIFY(a && b);
        QCOMPARE(a->addresses()[1].address, b->addresses()[1].address);
        QVERIFY(a->addresses()[0].address != a->addresses()[1].address);
        const auto expected = crypto::Ed25519Key::fromRawPrivate(phrase::addressKey(phrase::toSeed(zoo.split(' ')), 1)).publicKey();
        QCOMPARE(a->addresses()[1].publicKey, expected);
    }

    void badWordsAndTamperedDerivationAreRefused()
    {
        KeystoreError error;
        QVERIFY(!Keystore::createFromPhrase(freshPath(), kPass, "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo", 1, "", &error, kCheap));
        QCOMPARE(error.kind, KeystoreError::BadRequest);
        QVERIFY(error.message.contains("checksum"));
        QVERIFY(!Keystore::createFromPhrase(freshPath(), kPass, phrase::generate(12).join(' '), 0, "", &error, kCheap));

        const QString path = freshPath();
        QVERIFY(Keystore::createFromPhrase(path, kPass, phrase::generate(12).join(' '), 1, "", &error, kCheap));
        QJsonObject o = readJson(path);
        QJsonObject derivation = o["derivation"].toObject();
        derivation["path"] = "m/44'/0'/0'/0'/i'";
        o["derivation"] = derivation;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(o).toJson());
        f.close();
        QVERIFY(!Keystore::open(path, kPass, &error));
        QCOMPARE(error.kind, KeystoreError::Corrupted);
    }

    void randomKeyWalletsStayVersionOneAndKeepWorking()
    {
        const QString path = freshPath();
        KeystoreError error;
        auto k = Keystore::create(path, kPass, "old", &error, kCheap);
        QVERIFY(k);
        QVERIFY(!k->fromPhrase());
        QVERIFY(k->newAddress("more", &error));
        QVERIFY(k->changePassphrase("a newer passphrase", &error));
        QCOMPARE(readJson(path)["version"].toInt(), 1);
        const auto opened = Keystore::open(path, "a newer passphrase", &error);
        QVERIFY2(opened, qPrintable(error.message));
        QCOMPARE(opened->addresses().size(), 2);
        QCOMPARE(opened->key(opened->addresses()[1].address)->publicKey(), k->addresses()[1].publicKey);
    }
};

QTEST_GUILESS_MAIN(RecoveryPhraseTest)
#include "tst_recovery_phrase.moc"
