#include "core/crypto/Address.h"
#include "core/wallet/Keystore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace pb;
using namespace pb::wallet;

namespace {

const QByteArray kPass = "correct horse battery";
const ScryptCost kCheap{1 << 10, 8, 1};  // fast for tests; the default cost is tested once

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

void writeJson(const QString& path, const QJsonObject& o)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(o).toJson());
}

} // namespace

class KeystoreTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    int counter_ = 0;
    QString freshPath() { return dir_.filePath(QString("wallet%1.json").arg(++counter_)); }

private slots:
    void createdWalletOpensWithItsPassphraseAtTheDefaultCost()
    {
        const QString path = freshPath();
        KeystoreError error;
        auto created = Keystore::create(path, kPass, "mining", &error);
        QVERIFY2(created, qPrintable(error.message));
        QCOMPARE(created->addresses().size(), 1);
        QCOMPARE(created->defaultAddress(), created->addresses().front().address);
        QVERIFY(crypto::decodeAddress(created->defaultAddress().toStdString()));
        auto opened = Keystore::open(path, kPass, &error);
        QVERIFY2(opened, qPrintable(error.message));
        QCOMPARE(opened->addresses().front().label, QString("mining"));
        const auto key = opened->key(opened->defaultAddress());
        QVERIFY(key);
        QCOMPARE(key->publicKey(), created->addresses().front().publicKey);
        QCOMPARE(readJson(path)["kdf"].toObject()["n"].toInt(), 1 << 15);
    }

    void fileIsOwnerOnly()
    {
        const QString path = freshPath();
        QVERIFY(Keystore::create(path, kPass, "", nullptr, kCheap));
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QVERIFY(!QFile::exists(path + ".tmp"));
    }

    void wrongPassphraseIsReportedAsSuch()
    {
        const QString path = freshPath();
        QVERIFY(Keystore::create(path, kPass, "", nullptr, kCheap));
        KeystoreError error;
        QVERIFY(!Keystore::open(path, "correct horse battery!", &error));
        QCOMPARE(error.kind, KeystoreError::WrongPassphrase);
        QCOMPARE(error.message, QString("wrong passphrase"));
    }

    void alteredKeysOrAddressesAreCorruption()
    {
        const QString path = freshPath();
        QVERIFY(Keystore::create(path, kPass, "savings", nullptr, kCheap));
        const QJsonObject original = readJson(path);

        QJsonObject flipped = original;
        QJsonObject cipher = flipped["cipher"].toObject();
        QByteArray ct = QByteArray::fromHex(cipher["ciphertext"].toString().toLatin1());
        ct[3] = char(ct[3] ^ 1);
        cipher["ciphertext"] = QString::fromLatin1(ct.toHex());
        flipped["cipher"] = cipher;
        writeJson(path, flipped);
        KeystoreError error;
        QVERIFY(!Keystore::open(path, kPass, &error));
        QCOMPARE(error.kind, KeystoreError::Corrupted);
        QVERIFY2(error.message.contains("altered"), qPrintable(error.message));

        QJsonObject relabelled = original;
        QJsonArray list = relabelled["addresses"].toArray();
        QJsonObject first = list[0].toObject();
        first["label"] = "thief";
        list[0] = first;
        relabelled["addresses"] = list;
        writeJson(path, relabelled);
        QVERIFY(!Keystore::open(path, kPass, &error));
        QCOMPARE(error.kind, KeystoreError::Corrupted);

        QFile truncated(path);
        QVERIFY(truncated.open(QIODevice::WriteOnly | QIODevice::Truncate));
        truncated.write(QJsonDocument(original).toJson().left(100));
        truncated.close();
        QVERIFY(!Keystore::open(path, kPass, &error));
        QCOMPARE(error.kind, KeystoreError::Corrupted);
        QVERIFY2(error.message.contains("not JSON"), qPrintable(error.message));
    }

    void groupReadableFileIsRefused()
    {
        const QString path = freshPath();
        QVERIFY(Keystore::create(path, kPass, "", nullptr, kCheap));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        KeystoreError error;
        QVERIFY(!Keystore::open(path, kPass, &error));
        QCOMPARE(error.kind, KeystoreError::Permissions);
        QVERIFY2(error.message.contains("chmod 600"), qPrintable(error.message));
    }

    void missingWeakAndExistingAreRefused()
    {
        KeystoreError error;
        QVERIFY(!Keystore::open(dir_.filePath("none.json"), kPass, &error));
        QCOMPARE(error.kind, KeystoreError::NotFound);
        QVERIFY(!Keystore::create(freshPath(), "short", "", &error, kCheap));
        QCOMPARE(error.kind, KeystoreError::WeakPassphrase);
        const QString path = freshPath();
        QVERIFY(Keystore::create(path, kPass, "", nullptr, kCheap));
        QVERIFY(!Keystore::create(path, kPass, "", &error, kCheap));
        QCOMPARE(error.kind, KeystoreError::AlreadyExists);
    }

    void newAddressesAndTheDefaultPersist()
    {
        const QString path = freshPath();
        QVERIFY(Keystore::create(path, kPass, "first", nullptr, kCheap));
        KeystoreError error;
        auto k = Keystore::open(path, kPass, &error);
        const auto second = k->newAddress("second", &error);
        QVERIFY2(second, qPrintable(error.message));
        QVERIFY(k->setDefault(second->address, &error));
        QVERIFY(!k->setDefault("pb1notmine", &error));
        QCOMPARE(error.kind, KeystoreError::BadRequest);

        const auto publicOnly = Keystore::readPublic(path, &error);
        QVERIFY(publicOnly && !publicOnly->unlocked());
        QCOMPARE(publicOnly->addresses().size(), 2);
        QCOMPARE(publicOnly->defaultAddress(), second->address);
        QVERIFY(!publicOnly->key(second->address));
        const auto reopened = Keystore::open(path, kPass, &error);
        QVERIFY2(reopened, qPrintable(error.message));
        QCOMPARE(reopened->key(second->address)->publicKey(), second->publicKey);
        QCOMPARE(reopened->addresses()[1].label, QString("second"));
    }
};

QTEST_GUILESS_MAIN(KeystoreTest)
#include "tst_keystore.moc"
