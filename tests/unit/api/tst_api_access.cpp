// Who may call the REST API: paired devices (codes, tokens, revocation, the file behind them)
// and the client policy (read / write / operator by address and token, rate limits, CORS).
#include "core/api/ClientPolicy.h"
#include "core/api/DeviceRegistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pb::api;

namespace {

const qint64 kNow = 1793500000;
const QHostAddress kPhone("192.0.2.10");    // documentation range: never dialled, only compared
const QHostAddress kLoopback("127.0.0.1");

ClientRequest from(const QHostAddress& address, const QByteArray& token = {})
{
    GuardedRequest headers;
    headers.method = "POST";
    headers.host = "127.0.0.1:8645";
    return {address, token.isEmpty() ? QByteArray() : "Bearer " + token, "/api/v1/mining/jobs", headers};
}

} // namespace

class ApiAccessTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString file(const QString& name) const { return dir_.filePath(name); }

private slots:
    void pairingCodeBuysOneDeviceTokenOnce()
    {
        DeviceRegistry registry(file("devices1.json"));
        QString error;
        QVERIFY(registry.load(&error));
        const PairingCode code = registry.issueCode(kNow);
        QCOMPARE(code.code.size(), 9);
        QCOMPARE(code.expiresAt, kNow + DeviceRegistry::kCodeLifetimeSeconds);

        const PairingOutcome paired = registry.pair(code.code.toLower().remove('-'), "  Anna's phone ", kNow + 5);
        QVERIFY2(paired.device, qPrintable(paired.error));
        QCOMPARE(paired.device->name, QString("Anna's phone"));
        QVERIFY(paired.token.startsWith("pbt_"));
        QCOMPARE(registry.authenticate(paired.token)->id, paired.device->id);
        QVERIFY(!registry.authenticate(paired.token + "x"));

        QCOMPARE(registry.pair(code.code, "again", kNow + 6).refusal, PairingOutcome::Refusal::BadCode);
        const PairingCode late = registry.issueCode(kNow);
        QCOMPARE(registry.pair(late.code, "late", late.expiresAt).refusal, PairingOutcome::Refusal::BadCode);
        QCOMPARE(registry.pair(registry.issueCode(kNow).code, QString(65, 'n'), kNow).refusal, PairingOutcome::Refusal::BadName);
        QCOMPARE(registry.pair("ABCD-EFGH", "guess", kNow).refusal, PairingOutcome::Refusal::BadCode);
    }

    void devicesSurviveARestartAndRevokingOneKeepsTheOthers()
    {
        const QString path = file("devices2.json");
        QString anna, ben, annaId;
        {
            DeviceRegistry registry(path);
            QString error;
            QVERIFY(registry.load(&error));
            const PairingOutcome a = registry.pair(registry.issueCode(kNow).code, "anna", kNow);
            const PairingOutcome b = registry.pair(registry.issueCode(kNow).code, "ben", kNow + 1);
            anna = a.token;
            ben = b.token;
            annaId = a.device->id;
        }
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray stored = raw.readAll();
        QVERIFY(!stored.contains(anna.toLatin1()) && !stored.contains(ben.toLatin1()));  // hashes only

        DeviceRegistry reloaded(path);
        QString error;
        QVERIFY2(reloaded.load(&error), qPrintable(error));
        QCOMPARE(reloaded.devices().size(), size_t(2));
        QCOMPARE(reloaded.devices().front().name, QString("anna"));
        QVERIFY(reloaded.revoke(annaId, &error));
        QVERIFY(error.isEmpty());
        QVERIFY(!reloaded.revoke(annaId, &error));
        QVERIFY(!reloaded.authenticate(anna));
        QVERIFY(reloaded.authenticate(ben));

        DeviceRegistry again(path);
        QVERIFY(again.load(&error));
        QCOMPARE(again.devices().size(), size_t(1));
        QVERIFY(again.authenticate(ben));
    }

    void damagedDeviceFileIsRefusedWithItsName()
    {
        const QString path = file("devices3.json");
        QFile damaged(path);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{\"format\": \"photoblocks-devices/1\", \"devices\": [{\"id\": 5}]}");
        damaged.close();
        DeviceRegistry registry(path);
        QString error;
        QVERIFY(!registry.load(&error));
        QVERIFY2(error.contains(path) && error.contains("damaged"), qPrintable(error));
    }

    void readsAreOpenWritesNeedATokenOperatorRoutesTheOperatorToken()
    {
        DeviceRegistry registry(file("devices4.json"));
        QString error;
        QVERIFY(registry.load(&error));
        const QString token = registry.pair(registry.issueCode(kNow).code, "phone", kNow).token;
        RestSettings settings;
        settings.requestsPerSecond = 0;
        ClientPolicy policy(settings, &registry);
        const QByteArray operatorToken = "pbo_" + QByteArray(64, 'a');
        policy.setOperatorTokens({operatorToken, QByteArray(40, 'f')});
        const auto code = [&](const ClientRequest& request, Access access) {
            const auto refusal = policy.admit(request, access, 0);
            return refusal ? refusal->code : QString("admitted");
        };
        QCOMPARE(code(from(kPhone), Access::Read), QString("admitted"));
        QCOMPARE(code(from(kPhone), Access::Write), QString("token_required"));
        QCOMPARE(policy.admit(from(kPhone), Access::Write, 0)->kind, ApiError::Unauthorized);
        QCOMPARE(code(from(kPhone, "pbt_wrong"), Access::Write), QString("bad_token"));
        QCOMPARE(code(from(kPhone, token.toLatin1()), Access::Write), QString("admitted"));
        QCOMPARE(code(from(kLoopback), Access::Write), QString("admitted"));
        QCOMPARE(code(from(kLoopback, token.toLatin1()), Access::Write), QString("admitted"));
        // A token that is sent is checked even from this machine (a revoked phone behind a tunnel).
        QCOMPARE(code(from(kLoopback, "pbt_wrong"), Access::Write), QString("bad_token"));

        // Operator routes want the operator token from every address, this machine's included.
        QCOMPARE(code(from(kLoopback), Access::Operator), QString("operator_token_required"));
        QCOMPARE(code(from(QHostAddress("::1")), Access::Operator), QString("operator_token_required"));
        QCOMPARE(policy.admit(from(kLoopback), Access::Operator, 0)->kind, ApiError::Unauthorized);
        QCOMPARE(code(from(kLoopback, token.toLatin1()), Access::Operator), QString("operator_only"));
        QCOMPARE(policy.admit(from(kPhone, token.toLatin1()), Access::Operator, 0)->kind, ApiError::Forbidden);
        QCOMPARE(code(from(kLoopback, operatorToken + "b"), Access::Operator), QString("bad_token"));
        QCOMPARE(code(from(kLoopback, operatorToken.left(10)), Access::Operator), QString("bad_token"));
        QCOMPARE(code(from(kLoopback, operatorToken), Access::Operator), QString("admitted"));
        QCOMPARE(code(from(kPhone, QByteArray(40, 'f')), Access::Operator), QString("admitted"));  // the fixed token, remotely
        QCOMPARE(code(from(kPhone, operatorToken), Access::Write), QString("admitted"));
        policy.setOperatorTokens({});
        QCOMPARE(code(from(kLoopback, operatorToken), Access::Operator), QString("bad_token"));
    }

    void eachClientHasItsOwnRequestBudget()
    {
        RestSettings settings;
        settings.requestsPerSecond = 10;  // bursts of 20
        ClientPolicy policy(settings, nullptr);
        for (int i = 0; i < 20; ++i) QVERIFY(!policy.admit(from(kPhone), Access::Read, 1000));
        const auto refused = policy.admit(from(kPhone), Access::Read, 1000);
        QVERIFY(refused);
        QCOMPARE(refused->kind, ApiError::TooManyRequests);
        QCOMPARE(refused->retryAfterSeconds, 1);
        QVERIFY(!policy.admit(from(QHostAddress("192.0.2.11")), Access::Read, 1000));  // another client
        QVERIFY(!policy.admit(from(kPhone), Access::Read, 1300));  // refilled
    }

    void corsAnswersOnlyConfiguredOrigins()
    {
        RestSettings settings;
        settings.corsOrigins = {"http://192.0.2.1:8645"};
        ClientPolicy policy(settings, nullptr);
        QVERIFY(policy.originAllowed("http://192.0.2.1:8645"));
        QVERIFY(!policy.originAllowed("http://192.0.2.1:8646"));
        QVERIFY(!policy.originAllowed(""));
    }
};

QTEST_GUILESS_MAIN(ApiAccessTest)
#include "tst_api_access.moc"
