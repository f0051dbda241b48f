// Pairing phones with a real photoblocksd and the REST API's client policy end to end: codes
// traded for device tokens, devices listed, revoked and kept across a restart, CORS for a
// configured origin, and 429 with Retry-After for a client over its request budget.
#include "DaemonProcess.h"

#include <QElapsedTimer>

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTemporaryDir>

using namespace pb::test;

namespace {

const QByteArray kOrigin = "http://192.0.2.1:8645";  // compared, never dialled

QByteArray json(const QJsonObject& object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }
QString errorCode(const HttpResult& r) { return r.json.value("error").toObject().value("code").toString(); }

} // namespace

class RestPairingTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> daemon_;

    quint16 port() const { return daemon_->restPort(); }
    bool startDaemon()
    {
        daemon_ = std::make_unique<DaemonProcess>(dir_.path());
        return daemon_->start({"--rest-rate-limit", "20", "--rest-cors-origin", QString::fromLatin1(kOrigin)});
    }
    QJsonArray devices() { return daemon_->operatorGet("/api/v1/devices").json.value("devices").toArray(); }

private slots:
    void initTestCase() { QVERIFY2(startDaemon(), qPrintable(daemon_->stderrText())); }

    void codeIsTradedOnceForADeviceToken()
    {
        const HttpResult issued = daemon_->operatorSend("POST", "/api/v1/pairing");
        QCOMPARE(issued.status, 201);
        const QString code = issued.json.value("code").toString();
        QCOMPARE(code.size(), 9);
        QCOMPARE(issued.json.value("pairingUrl").toString(), QString("http://127.0.0.1:%1/#pair=%2").arg(port()).arg(code));

        const HttpResult paired = httpSend(port(), "POST", "/api/v1/pair", json({{"code", code}, {"name", "Anna's phone"}}));
        QCOMPARE(paired.status, 201);
        QVERIFY(paired.json.value("token").toString().startsWith("pbt_"));
        QCOMPARE(paired.json.value("name").toString(), QString("Anna's phone"));

        const HttpResult reused = httpSend(port(), "POST", "/api/v1/pair", json({{"code", code}, {"name", "Mallory"}}));
        QCOMPARE(reused.status, 400);
        QCOMPARE(errorCode(reused), QString("bad_pairing_code"));
        QCOMPARE(errorCode(httpSend(port(), "POST", "/api/v1/pair", json({{"code", 7}, {"name", "x"}}))),
                 QString("wrong_type"));
        QCOMPARE(errorCode(httpSend(port(), "POST", "/api/v1/pair", "{")), QString("malformed_json"));
        QCOMPARE(errorCode(httpSend(port(), "POST", "/api/v1/pair", json({{"code", code}}))),
                 QString("missing_field"));

        const QJsonArray listed = devices();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0].toObject().value("id").toString(), paired.json.value("id").toString());
        QVERIFY(!listed[0].toObject().contains("token"));
    }

    void pairCommandIssuesCodesListsAndRevokesDevices()
    {
        const auto run = [&](const QStringList& args, QString* output) {
            QProcess command;
            command.start(PB_DAEMON_PATH, QStringList{"pair"} + args);
            command.waitForFinished(30000);
            *output = QString::fromUtf8(command.readAllStandardOutput() + command.readAllStandardError());
            return command.exitCode();
        };
        // The command reads the operator token from the node's data directory.
        const QStringList node{"--datadir", dir_.path(), "--rest-port", QString::number(port())};
        QString output;
        QCOMPARE(run({"--datadir", dir_.path() + "/elsewhere", "--rest-port", QString::number(port())}, &output), 1);
        QVERIFY2(output.contains("operator_token_required") && output.contains("api.cookie"), qPrintable(output));
        QCOMPARE(run(node, &output), 0);
        const QRegularExpressionMatch code = QRegularExpression("Pairing code: ([A-Z0-9]{4}-[A-Z0-9]{4})").match(output);
        QVERIFY2(code.hasMatch(), qPrintable(output));
        QVERIFY2(output.contains(QString("http://127.0.0.1:%1/#pair=%2").arg(port()).arg(code.captured(1))), qPrintable(output));

        const HttpResult paired = httpSend(port(), "POST", "/api/v1/pair", json({{"code", code.captured(1)}, {"name", "Ben's tablet"}}));
        QCOMPARE(paired.status, 201);
        const QString id = paired.json.value("id").toString();
        QCOMPARE(run(node + QStringList{"list"}, &output), 0);
        QVERIFY2(output.contains(id) && output.contains("Ben's tablet"), qPrintable(output));
        QCOMPARE(run(node + QStringList{"revoke", id}, &output), 0);
        QCOMPARE(run(node + QStringList{"revoke", id}, &output), 1);
        QVERIFY2(output.contains("device_not_found"), qPrintable(output));
        QCOMPARE(run({"list"}, &output), 2);
        QVERIFY2(output.contains("--rest-port PORT is required"), qPrintable(output));
    }

    void devicesSurviveARestartUntilRevoked()
    {
        QCOMPARE(daemon_->terminate(), 0);
        QVERIFY2(startDaemon(), qPrintable(daemon_->stderrText()));
        const QJsonArray listed = devices();
        QCOMPARE(listed.size(), 1);
        const QString id = listed[0].toObject().value("id").toString();
        QCOMPARE(daemon_->operatorSend("DELETE", "/api/v1/devices/" + id).status, 200);
        QCOMPARE(devices().size(), 0);
        const HttpResult again = daemon_->operatorSend("DELETE", "/api/v1/devices/" + id);
        QCOMPARE(again.status, 404);
        QCOMPARE(errorCode(again), QString("device_not_found"));
    }

    void browsersFromTheConfiguredOriginMayCall()
    {
        const HttpResult allowed = httpSend(port(), "GET", "/api/v1/status", {}, 5000, {{"Origin", kOrigin}});
        QCOMPARE(allowed.status, 200);
        QCOMPARE(allowed.header("Access-Control-Allow-Origin"), kOrigin);
        const HttpResult other = httpSend(port(), "GET", "/api/v1/status", {}, 5000, {{"Origin", "http://192.0.2.2"}});
        QCOMPARE(other.status, 200);
        QVERIFY(other.header("Access-Control-Allow-Origin").isEmpty());

        const HttpResult preflight = httpSend(port(), "OPTIONS", "/api/v1/mining/jobs", {}, 5000,
                                              {{"Origin", kOrigin}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(preflight.status, 204);
        QVERIFY(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        QCOMPARE(preflight.header("Access-Control-Allow-Origin"), kOrigin);
        QCOMPARE(httpSend(port(), "OPTIONS", "/api/v1/mining/jobs").status, 405);  // no origin: not a preflight
    }

    void aClientOverItsBudgetIsToldWhenToRetry()
    {
        // 20 requests/s with bursts of 40: requests until the first 429, which must come before
        // more than the budget could have passed in the time taken, however slow the machine.
        int tooMany = 0;
        QByteArray retryAfter;
        QString code;
        QElapsedTimer elapsed;
        elapsed.start();
        int sent = 0;
        while (tooMany == 0 && sent < 5000) {
            const HttpResult r = httpGet(port(), "/api/v1/status");
            ++sent;
            QVERIFY(r.status == 200 || r.status == 429);
            if (r.status == 429) {
                ++tooMany;
                retryAfter = r.header("Retry-After");
                code = errorCode(r);
            } else {
                const qint64 budget = 40 + 20 * (elapsed.elapsed() / 1000 + 1);
                QVERIFY2(sent <= budget, qPrintable(QString("%1 requests passed in %2 ms").arg(sent).arg(elapsed.elapsed())));
            }
        }
        QVERIFY2(tooMany > 0, "no request was limited");
        QCOMPARE(code, QString("rate_limited"));
        QVERIFY(retryAfter.toInt() >= 1);
        QTest::qWait(retryAfter.toInt() * 1000 + 500);
        QCOMPARE(httpGet(port(), "/api/v1/status").status, 200);
    }

    void tlsServesHttpsWithTheGivenCertificate()
    {
        QTemporaryDir tlsDir("/tmp/pbXXXXXX");
        const QString cert = tlsDir.filePath("cert.pem"), key = tlsDir.filePath("key.pem");
        QProcess openssl;
        openssl.start("openssl", {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                  "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0, openssl.readAllStandardError().constData());

        QTemporaryDir nodeDir("/tmp/pbXXXXXX");
        DaemonProcess tls(nodeDir.path());
        tls.setRestScheme("https");
        QVERIFY2(tls.start({"--rest-tls-cert", cert, "--rest-tls-key", key}), qPrintable(tls.stderrText()));
        QVERIFY(tls.stderrText().contains(QString("REST API on https://127.0.0.1:%1/").arg(tls.restPort())));

        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(QString("https://127.0.0.1:%1/api/v1/status").arg(tls.restPort())));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(cert));
        request.setSslConfiguration(ssl);
        QNetworkReply* reply = manager.get(request);
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->sslConfiguration().peerCertificate(), QSslCertificate::fromPath(cert).first());
        QVERIFY(QJsonDocument::fromJson(reply->readAll()).object().contains("height"));
        delete reply;
        // Plain HTTP on the same port gets nothing useful.
        QVERIFY(httpGet(tls.restPort(), "/api/v1/status", 3000).status != 200);
        QCOMPARE(tls.terminate(), 0);
    }

    void cleanupTestCase() { QCOMPARE(daemon_->terminate(), 0); }
};

QTEST_GUILESS_MAIN(RestPairingTest)
#include "tst_rest_pairing.moc"
