// Ed25519 signing through OpenSSL and the node key file: RFC 8032 vectors, tamper detection,
// 0600 files written atomically, and clear refusals for anything that is not a private key.
#include "core/crypto/Ed25519.h"

#include <QTemporaryDir>
#include <QtTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>

using namespace pb;
using namespace pb::crypto;

namespace {

template <size_t N>
std::array<uint8_t, N> arrayFromHex(std::string_view hex)
{
    auto bytes = fromHex(hex);
    std::array<uint8_t, N> a{};
    if (bytes && bytes->size() == N)
        std::memcpy(a.data(), bytes->data(), N);
    return a;
}

mode_t fileMode(const QString& path)
{
    struct stat st {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 0777;
}

void writeFile(const QString& path, const QByteArray& content, mode_t mode)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

} // namespace

class Ed25519SignsAndStoresKeys : public QObject {
    Q_OBJECT

private slots:
    void rfc8032Vectors_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("publicKey");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("signature");
        QTest::newRow("test 1") << "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
                                << "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a" << ""
                                << "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
        QTest::newRow("test 2") << "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"
                                << "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c" << "72"
                                << "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";
    }

    void rfc8032Vectors()
    {
        QFETCH(QString, secret);
        QFETCH(QString, publicKey);
        QFETCH(QString, message);
        QFETCH(QString, signature);
        Ed25519Key key = Ed25519Key::fromRawPrivate(arrayFromHex<32>(secret.toStdString()));
        const Bytes msg = *fromHex(message.toStdString());
        QCOMPARE(toHex(key.publicKey()), publicKey.toStdString());
        const Signature sig = key.sign(msg.data(), msg.size());
        QCOMPARE(toHex(sig), signature.toStdString());
        QVERIFY(ed25519Verify(key.publicKey(), msg.data(), msg.size(), sig));
    }

    void signVerifyRoundTripAndTampering()
    {
        Ed25519Key key = Ed25519Key::generate();
        const Bytes msg = {'b', 'l', 'o', 'c', 'k'};
        const Signature sig = key.sign(msg.data(), msg.size());
        QVERIFY(ed25519Verify(key.publicKey(), msg.data(), msg.size(), sig));

        Bytes otherMsg = msg;
        otherMsg[0] ^= 1;
        QVERIFY(!ed25519Verify(key.publicKey(), otherMsg.data(), otherMsg.size(), sig));
        for (size_t i : {size_t(0), size_t(31), size_t(32), size_t(63)}) {
            Signature bad = sig;
            bad[i] ^= 0x40;
            QVERIFY(!ed25519Verify(key.publicKey(), msg.data(), msg.size(), bad));
        }
        QVERIFY(!ed25519Verify(Ed25519Key::generate().publicKey(), msg.data(), msg.size(), sig));
    }

    void saveWritesMode0600AndLoadsTheSameKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("node.key");
        Ed25519Key key = Ed25519Key::generate();
        QString error;
        QVERIFY2(key.saveFile(path, &error), qPrintable(error));
        QCOMPARE(fileMode(path), mode_t(0600));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("-----BEGIN PRIVATE KEY-----"));
        auto loaded = Ed25519Key::loadFile(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->publicKey(), key.publicKey());
        // Saving again replaces the file and leaves no temporary files behind.
        QVERIFY(Ed25519Key::generate().saveFile(path, &error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"node.key"});
    }

    void loadOrCreateCreatesOnceThenLoads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("node.key");
        QString error;
        auto created = Ed25519Key::loadOrCreate(path, &error);
        QVERIFY2(created, qPrintable(error));
        QCOMPARE(fileMode(path), mode_t(0600));
        auto again = Ed25519Key::loadOrCreate(path, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->publicKey(), created->publicKey());
    }

    void loadOrCreateReportsAMissingDirectory()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!Ed25519Key::loadOrCreate(dir.filePath("missing/node.key"), &error));
        QVERIFY2(error.contains("cannot create node key file"), qPrintable(error));
    }

    void loadReportsAMissingFile()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!Ed25519Key::loadFile(dir.filePath("none.key"), &error));
        QVERIFY2(error.contains("does not exist"), qPrintable(error));
    }

    void loadRefusesFilesOthersCanRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("node.key");
        QString error;
        QVERIFY(Ed25519Key::generate().saveFile(path, &error));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
        QVERIFY(!Ed25519Key::loadFile(path, &error));
        QVERIFY2(error.contains("(mode 0644)") && error.contains("chmod 600"), qPrintable(error));
    }

    void loadRejectsGarbage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("node.key");
        QString error;
        writeFile(path, "definitely not a key\n", 0600);
        QVERIFY(!Ed25519Key::loadFile(path, &error));
        QVERIFY2(error.contains("not a PEM file"), qPrintable(error));

        writeFile(path, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", 0600);
        QVERIFY(!Ed25519Key::loadFile(path, &error));
        QVERIFY2(error.contains("no readable private key"), qPrintable(error));
    }

    void loadRejectsOtherKeyTypes()
    {
        EVP_PKEY* ec = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        QVERIFY(ec);
        BIO* bio = BIO_new(BIO_s_mem());
        QCOMPARE(PEM_write_bio_PrivateKey(bio, ec, nullptr, nullptr, 0, nullptr, nullptr), 1);
        char* data = nullptr;
        long size = BIO_get_mem_data(bio, &data);
        const QByteArray pem(data, int(size));
        BIO_free(bio);
        EVP_PKEY_free(ec);

        QTemporaryDir dir;
        const QString path = dir.filePath("node.key");
        writeFile(path, pem, 0600);
        QString error;
        QVERIFY(!Ed25519Key::loadFile(path, &error));
        QVERIFY2(error.contains("not Ed25519"), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(Ed25519SignsAndStoresKeys)
#include "tst_ed25519.moc"
