// Backup, restore and passphrase change of the keystore: a backup restored after the wallet is
// deleted gives the same addresses and keys; a wrong passphrase, a damaged backup or an existing
// wallet (without permission to replace it) are refused and nothing is written; after a change
// the old passphrase fails and the new one works; a process killed at any moment of a change
// leaves a wallet that opens with the old or the new passphrase.
#include "core/wallet/Keystore.h"
#include "core/wallet/RecoveryPhrase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace pb;
using namespace pb::wallet;

namespace {

const QByteArray kPass = "backup test passphrase";
const ScryptCost kCheap{1 << 10, 8, 1};

QByteArray contents(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

int mode(const QString& path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

} // namespace

class KeystoreBackupTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    int counter_ = 0;
    QString freshDir()
    {
        const QString path = dir_.filePath(QString("d%1").arg(++counter_));
        QDir().mkpath(path);
        return path;
    }

private slots:
    void backupThenDeleteThenRestoreGivesTheSameWallet()
    {
        for (bool fromPhrase : {false, true}) {
            const QString wallet = Keystore::fileIn(freshDir());
            KeystoreError error;
            auto k = fromPhrase ? Keystore::createFromPhrase(wallet, kPass, phrase::generate(12).join(' '), 1, "main", &error, kCheap)
                                : Keystore::create(wallet, kPass, "main", &error, kCheap);
            QVERIFY2(k, qPrintable(error.message));
            QVERIFY(k->newAddress("savings", &error));
            QVERIFY(k->setDefault(k->addresses()[1].address, &error));
            const QString backup = QDir(freshDir()).filePath("my wallet backup.json");
            QVERIFY2(Keystore::backup(wallet, backup, false, &error), qPrintable(error.message));
            QCOMPARE(mode(backup), 0600);
            QCOMPARE(contents(backup), contents(wallet));

            QVERIFY(QFile::remove(wallet));
            QVERIFY(!Keystore::readPublic(wallet, &error));
            QFile::setPermissions(backup, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);  // e.g. on a stick
            const auto restored = Keystore::restore(backup, wallet, kPass, false, &error);
            QVERIFY2(restored, qPrintable(error.message));
            QCOMPARE(mode(wallet), 0600);
            const auto opened = Keystore::open(wallet, kPass, &error);
            QVERIFY2(opened, qPrintable(error.message));
            QCOMPARE(opened->addresses().size(), 2);
            QCOMPARE(opened->defaultAddress(), k->addresses()[1].address);
            for (const KeystoreAddress& a : k->addresses()) {
                QCOMPARE(opened->key(a.address)->publicKey(), a.publicKey);
                QCOMPARE(restored->key(a.address)->publicKey(), a.publicKey);
            }
            QCOMPARE(opened->fromPhrase(), fromPhrase);
        }
    }

    void backupRefusesToOverwriteUnlessAsked()
    {
        const QString wallet = Keystore::fileIn(freshDir());
        QVERIFY(Keystore::create(wallet, kPass, "", nullptr, kCheap));
        const QString target = QDir(freshDir()).filePath("taken.json");
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
        f.close();
        KeystoreError error;
        QVERIFY(!Keystore::backup(wallet, target, false, &error));
        QCOMPARE(error.kind, KeystoreError::AlreadyExists);
        QCOMPARE(contents(target), QByteArray("precious"));
        QVERIFY(Keystore::backup(wallet, target, true, &error));
        QCOMPARE(contents(target), contents(wallet));
        QVERIFY(!Keystore::backup(wallet + ".missing", target + "2", false, &error));
        QCOMPARE(error.kind, KeystoreError::NotFound);
    }

    void restoreRefusesWrongPassphraseDamageAndAnExistingWallet()
    {
        const QString source = Keystore::fileIn(freshDir());
        QVERIFY(Keystore::create(source, kPass, "", nullptr, kCheap));
        const QString existing = Keystore::fileIn(freshDir());
        QVERIFY(Keystore::create(existing, "the other wallet", "", nullptr, kCheap));
        const QByteArray before = contents(existing);
        KeystoreError error;

        QVERIFY(!Keystore::restore(source, existing, kPass, false, &error));
        QCOMPARE(error.kind, KeystoreError::AlreadyExists);
        QVERIFY2(error.message.contains("already exists"), qPrintable(error.message));
        QCOMPARE(contents(existing), before);

        QVERIFY(!Keystore::restore(source, existing, "not the passphrase", true, &error));
        QCOMPARE(error.kind, KeystoreError::WrongPassphrase);
        QCOMPARE(contents(existing), before);

        const QString damaged = QDir(freshDir()).filePath("damaged.json");
        QByteArray bytes = contents(source);
        bytes[bytes.indexOf("ciphertext") + 20] = bytes[bytes.indexOf("ciphertext") + 20] == 'a' ? 'b' : 'a';
        QFile f(damaged);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        QVERIFY(!Keystore::restore(damaged, existing, kPass, true, &error));
        QCOMPARE(error.kind, KeystoreError::Corrupted);
        QVERIFY2(error.message.contains("damaged"), qPrintable(error.message));
        QFile truncated(damaged);
        QVERIFY(truncated.open(QIODevice::WriteOnly | QIODevice::Truncate));
        truncated.write(contents(source).left(100));
        truncated.close();
        QVERIFY(!Keystore::restore(damaged, existing, kPass, true, &error));
        QCOMPARE(error.kind, KeystoreError::Corrupted);
        QCOMPARE(contents(existing), before);

        // Replacing on request keeps the wallet it replaces.
        QVERIFY2(Keystore::restore(source, existing, kPass, true, &error), qPrintable(error.message));
        QCOMPARE(contents(existing), contents(source));
        const QStringList kept = QDir(QFileInfo(existing).path()).entryList({"wallet.json.before-restore-*"});
        QCOMPARE(kept.size(), 1);
        QCOMPARE(contents(QFileInfo(existing).dir().filePath(kept.front())), before);
    }

    void changedPassphraseReplacesTheOldOne()
    {
        const QString wallet = Keystore::fileIn(freshDir());
        KeystoreError error;
        auto k = Keystore::create(wallet, kPass, "", &error, kCheap);
        QVERIFY(k);
        QVERIFY(!k->changePassphrase("short", &error));
        QCOMPARE(error.kind, KeystoreError::WeakPassphrase);
        QVERIFY(Keystore::open(wallet, kPass, &error));
        QVERIFY2(k->changePassphrase("the new passphrase", &error), qPrintable(error.message));
        QVERIFY(!Keystore::open(wallet, kPass, &error));
        QCOMPARE(error.kind, KeystoreError::WrongPassphrase);
        const auto reopened = Keystore::open(wallet, "the new passphrase", &error);
        QVERIFY2(reopened, qPrintable(error.message));
        QCOMPARE(reopened->key(k->defaultAddress())->publicKey(), k->addresses().front().publicKey);
        QVERIFY(k->newAddress("after the change", &error));  // keeps using the new passphrase
        QVERIFY(Keystore::open(wallet, "the new passphrase", &error));
        QCOMPARE(mode(wallet), 0600);
    }

    void killedDuringChangeLeavesAUsableWallet()
    {
        const QString wallet = Keystore::fileIn(freshDir());
        QVERIFY(Keystore::create(wallet, kPass, "", nullptr, ScryptCost{1 << 12, 8, 1}));
        const QByteArray next = "passphrase after the kill";
        // How long a whole change takes here (open + re-encrypt + write), so the kills below
        // land from its very start to after its end however loaded the machine is.
        QElapsedTimer timer;
        timer.start();
        {
            auto k = Keystore::open(wallet, kPass, nullptr);
            QVERIFY(k && k->changePassphrase(kPass, nullptr));
        }
        qint64 wholeUs = std::max<qint64>(timer.nsecsElapsed() / 1000, 1000);
        constexpr int kRounds = 30;
        int oldOpens = 0, newOpens = 0;
        // A loaded machine can make the forked change slower than the one timed above: then no
        // kill lands after it, and the span doubles until one does (at most 6 times).
        for (int span = 0; span < 7 && newOpens == 0; ++span, wholeUs *= 2)
        for (int round = 0; round < kRounds; ++round) {
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                KeystoreError error;
                QByteArray to = next;
                auto k = Keystore::open(wallet, kPass, &error);
                if (!k) {
                    k = Keystore::open(wallet, next, &error);
                    to = kPass;
                }
                if (k) k->changePassphrase(to, &error);
                ::_exit(0);
            }
            ::usleep(useconds_t(wholeUs * 3 / 2 * round / kRounds));  // from at once to well after the change
            ::kill(child, SIGKILL);
            ::waitpid(child, nullptr, 0);
            KeystoreError error;
            const bool old = bool(Keystore::open(wallet, kPass, &error));
            const bool fresh = !old && Keystore::open(wallet, next, &error);
            QVERIFY2(old || fresh, qPrintable(error.message));
            (old ? oldOpens : newOpens)++;
        }
        qInfo() << "a change takes" << wholeUs << "us; after kills: old passphrase" << oldOpens << "times, new" << newOpens;
        QVERIFY2(newOpens > 0, "no kill came after a finished change: the kills did not span the change");
    }
};

QTEST_GUILESS_MAIN(KeystoreBackupTest)
#include "tst_keystore_backup.moc"
