#include "StorageTestSupport.h"
#include "core/storage/PhotoStore.h"

#include <QtTest>

#include <sys/stat.h>

using namespace pb;
using pb::storage::PhotoStore;

namespace {

Bytes bytesOf(const char* text)
{
    return Bytes(text, text + std::strlen(text));
}

Bytes randomBytes(size_t size)
{
    Bytes out(size);
    for (auto& b : out) b = uint8_t(QRandomGenerator::global()->bounded(256));
    return out;
}

ino_t inodeOf(const QString& path)
{
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_ino : 0;
}

} // namespace

class TestPhotoStore : public QObject {
    Q_OBJECT
private slots:
    void putReturnsSha256AndGetRoundTrips();
    void fileIsNamedByHashInTwoHexDigitShard();
    void putIsIdempotentAndKeepsTheFile();
    void corruptFileReadsAsMissingAndPutRepairsIt();
    void missingPhotoReadsAsMissing();
    void removeDeletesAndIsIdempotent();
    void putIntoUnusableDataDirFailsClearly();
};

void TestPhotoStore::putReturnsSha256AndGetRoundTrips()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    PhotoStore store(dir.path());
    QString error;
    const auto abc = store.put(bytesOf("abc"), &error);
    QVERIFY2(abc, qPrintable(error));
    // FIPS 180-2 test vector.
    QCOMPARE(toHex(*abc), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

    const Bytes photo = randomBytes(300 * 1024);
    const auto hash = store.put(photo, &error);
    QVERIFY2(hash, qPrintable(error));
    const auto back = store.get(*hash, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == photo);
    QVERIFY(store.contains(*hash));

    const auto empty = store.put({}, &error);
    QVERIFY2(empty, qPrintable(error));
    QCOMPARE(toHex(*empty), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QVERIFY(store.get(*empty) == Bytes{});
}

void TestPhotoStore::fileIsNamedByHashInTwoHexDigitShard()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    PhotoStore store(dir.path());
    const Bytes photo = randomBytes(4096);
    const auto hash = store.put(photo);
    QVERIFY(hash);
    const QString hex = QString::fromStdString(toHex(*hash));
    const QString path = dir.path() + "/photos/" + hex.left(2) + "/" + hex;
    QCOMPARE(store.pathFor(*hash), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY(Bytes(onDisk.begin(), onDisk.end()) == photo);
    // No temporary file is left beside it.
    QCOMPARE(QDir(dir.path() + "/photos/" + hex.left(2)).entryList(QDir::Files | QDir::Hidden), QStringList{hex});
}

void TestPhotoStore::putIsIdempotentAndKeepsTheFile()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    PhotoStore store(dir.path());
    const Bytes photo = randomBytes(10000);
    const auto first = store.put(photo);
    QVERIFY(first);
    const ino_t inode = inodeOf(store.pathFor(*first));
    QVERIFY(inode != 0);
    const auto second = store.put(photo);
    QVERIFY(second);
    QVERIFY(*second == *first);
    QCOMPARE(inodeOf(store.pathFor(*first)), inode); // not rewritten
    QCOMPARE(QDir(QFileInfo(store.pathFor(*first)).path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestPhotoStore::corruptFileReadsAsMissingAndPutRepairsIt()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    PhotoStore store(dir.path());
    const Bytes photo = randomBytes(5000);
    const auto hash = store.put(photo);
    QVERIFY(hash);
    {
        QFile file(store.pathFor(*hash));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(1234);
        file.write("X", 1);
    }
    QString error;
    QVERIFY(!store.get(*hash, &error));
    QVERIFY2(error.contains(QLatin1String("is corrupt")), qPrintable(error));
    QVERIFY(store.contains(*hash)); // contains() only looks for the file

    QVERIFY(store.put(photo));
    const auto repaired = store.get(*hash, &error);
    QVERIFY2(repaired, qPrintable(error));
    QVERIFY(*repaired == photo);

    QFile::resize(store.pathFor(*hash), 10); // a torn write
    QVERIFY(!store.get(*hash, &error));
    QVERIFY2(error.contains(QLatin1String("is corrupt")), qPrintable(error));
}

void TestPhotoStore::missingPhotoReadsAsMissing()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    PhotoStore store(dir.path());
    Hash256 unknown{};
    unknown[0] = 0xab;
    QString error;
    QVERIFY(!store.contains(unknown));
    QVERIFY(!store.get(unknown, &error));
    QVERIFY2(error.startsWith(QLatin1String("no photo ab00")), qPrintable(error));
}

void TestPhotoStore::removeDeletesAndIsIdempotent()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    PhotoStore store(dir.path());
    const auto hash = store.put(bytesOf("to be removed"));
    QVERIFY(hash);
    QString error;
    QVERIFY2(store.remove(*hash, &error), qPrintable(error));
    QVERIFY(!store.contains(*hash));
    QVERIFY(!QFileInfo::exists(store.pathFor(*hash)));
    QVERIFY(!store.get(*hash));
    QVERIFY2(store.remove(*hash, &error), qPrintable(error));
}

void TestPhotoStore::putIntoUnusableDataDirFailsClearly()
{
    QTemporaryDir dir(kShortTempDirTemplate);
    QFile file(dir.path() + "/file");
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    PhotoStore store(dir.path() + "/file");
    QString error;
    QVERIFY(!store.put(bytesOf("abc"), &error));
    QVERIFY2(error.contains(QStringLiteral("cannot create directory %1/file/photos").arg(dir.path())), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Not a directory")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPhotoStore)
#include "tst_PhotoStore.moc"
