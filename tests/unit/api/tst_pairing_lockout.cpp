// Guessing pairing codes: five wrong codes in a row lock an address for a minute (the clock is
// passed in), the table of addresses stays bounded, every open code dies after ten wrong guesses
// from anywhere, and the operator cookie is a fresh 0600 file removed at shutdown.
#include "core/api/DeviceRegistry.h"
#include "core/api/OperatorCookie.h"
#include "core/api/PairingLockout.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pb::api;

namespace {

const qint64 kNow = 1793500000;
const QHostAddress kGuesser("192.0.2.66");  // documentation range: only compared

constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                                             | QFileDevice::WriteOther;

} // namespace

class PairingLockoutTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private slots:
    void fiveWrongCodesInARowLockAnAddressForAMinute()
    {
        PairingLockout lockout;
        for (int i = 1; i < PairingLockout::kWrongInARow; ++i) {
            QCOMPARE(lockout.recordWrong(kGuesser, kNow + i), i);
            QVERIFY(!lockout.lockedFor(kGuesser, kNow + i));
        }
        QCOMPARE(lockout.recordWrong(kGuesser, kNow + 5), 5);
        QCOMPARE(lockout.lockedFor(kGuesser, kNow + 5), std::optional<qint64>(60));
        QCOMPARE(lockout.lockedFor(kGuesser, kNow + 64), std::optional<qint64>(1));
        QVERIFY(!lockout.lockedFor(QHostAddress("192.0.2.67"), kNow + 5));  // another address is not locked
        QVERIFY(!lockout.lockedFor(kGuesser, kNow + 65));                   // a minute later
        QCOMPARE(lockout.recordWrong(kGuesser, kNow + 66), 1);              // and the count starts over
    }

    void aRightCodeEndsTheRun()
    {
        PairingLockout lockout;
        for (int i = 0; i < PairingLockout::kWrongInARow - 1; ++i) lockout.recordWrong(kGuesser, kNow);
        lockout.recordRight(kGuesser);
        QCOMPARE(lockout.recordWrong(kGuesser, kNow), 1);
        QVERIFY(!lockout.lockedFor(kGuesser, kNow));
    }

    void theTableIsBoundedAndKeepsRunningLocks()
    {
        PairingLockout lockout;
        for (int i = 0; i < PairingLockout::kWrongInARow; ++i) lockout.recordWrong(kGuesser, kNow);
        QVERIFY(lockout.lockedFor(kGuesser, kNow));
        // A flood of other addresses, one wrong code each: the table stays bounded and the locked
        // address stays locked.
        for (quint32 i = 0; i < 3 * PairingLockout::kMaxAddresses; ++i)
            lockout.recordWrong(QHostAddress(quint32(0x0A000000) + i), kNow + 1 + i / 100);
        QVERIFY(lockout.size() <= PairingLockout::kMaxAddresses);
        QVERIFY(lockout.lockedFor(kGuesser, kNow + 40));
        // Once its minute is over, the finished lock is what gives way first.
        lockout.recordWrong(QHostAddress("192.0.2.1"), kNow + 61);
        QVERIFY(lockout.size() <= PairingLockout::kMaxAddresses);
    }

    void aCodeDiesAfterTenWrongGuessesFromAnywhere()
    {
        DeviceRegistry registry(dir_.filePath("devices.json"));
        QString error;
        QVERIFY(registry.load(&error));
        const PairingCode code = registry.issueCode(kNow);
        for (int i = 0; i < DeviceRegistry::kMaxWrongGuesses - 1; ++i)
            QCOMPARE(registry.pair("ZZZZ-ZZZ" + QString::number(i + 2), "guess", kNow).refusal, PairingOutcome::Refusal::BadCode);
        const PairingCode spare = registry.issueCode(kNow);  // issued later: its count starts at zero
        QVERIFY(registry.pair(code.code, "right after nine wrong", kNow).device);

        const PairingCode next = registry.issueCode(kNow);
        for (int i = 0; i < DeviceRegistry::kMaxWrongGuesses; ++i) registry.pair("ZZZZ-ZZZZ", "guess", kNow);
        const PairingOutcome late = registry.pair(next.code, "too late", kNow);
        QCOMPARE(late.refusal, PairingOutcome::Refusal::BadCode);
        QVERIFY2(late.error.contains("10 wrong guesses"), qPrintable(late.error));
        QCOMPARE(registry.pair(spare.code, "spare", kNow).refusal, PairingOutcome::Refusal::BadCode);  // open for all ten
        QVERIFY(registry.pair(registry.issueCode(kNow).code, "a new code works", kNow).device);
    }

    void theCookieIsAFreshOwnerOnlyFileRemovedAtShutdown()
    {
        const QString path = operatorCookiePath(dir_.path());
        QByteArray first;
        {
            OperatorCookie cookie(path);
            QString error;
            QVERIFY2(cookie.create(&error), qPrintable(error));
            first = cookie.token();
            QVERIFY(first.startsWith("pbo_") && first.size() == 68);
            QCOMPARE(QFile::permissions(path) & kOthers, QFileDevice::Permissions());
            QCOMPARE(OperatorCookie::read(path, &error), std::optional<QByteArray>(first));
        }
        QVERIFY(!QFile::exists(path));
        OperatorCookie again(path);
        QString error;
        QVERIFY(again.create(&error));
        QVERIFY(again.token() != first);
        QVERIFY(!OperatorCookie::read(dir_.filePath("missing.cookie"), &error));
        QVERIFY(error.contains("missing.cookie"));
    }

    void aFixedTokenFileMustBeLongAndPrivate()
    {
        const auto write = [&](const QString& name, const QByteArray& text, QFileDevice::Permissions permissions) {
            QFile file(dir_.filePath(name));
            file.open(QIODevice::WriteOnly);
            file.write(text);
            file.close();
            file.setPermissions(permissions);
            return file.fileName();
        };
        const QByteArray token(40, 'k');
        QString error;
        const QString good = write("good.token", token + "\nsecond line\n", QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(readOperatorTokenFile(good, &error), std::optional<QByteArray>(token));
        const QString shared = write("shared.token", token, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        QVERIFY(!readOperatorTokenFile(shared, &error));
        QVERIFY2(error.contains("chmod 600"), qPrintable(error));
        const QString shortToken = write("short.token", "hunter2", QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!readOperatorTokenFile(shortToken, &error));
        QVERIFY2(error.contains("at least 32"), qPrintable(error));
        QVERIFY(!readOperatorTokenFile(dir_.filePath("absent.token"), &error));
    }
};

QTEST_GUILESS_MAIN(PairingLockoutTest)
#include "tst_pairing_lockout.moc"
