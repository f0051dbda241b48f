// The REST API against web pages and guessers, with real photoblocksd processes over loopback:
// the Host allow-list (DNS rebinding), the Origin check and JSON-only bodies on writes (cross-site
// fetches and forms), the operator cookie and fixed token on operator routes (from loopback too),
// the pairing lockout and code invalidation, and X-Forwarded-For believed only from a configured
// proxy (set in the config file). Each refusal is checked next to the matching acceptance.
#include "DaemonProcess.h"

#include <QFile>
#include <QTemporaryDir>

using namespace pb::test;

namespace {

const QByteArray kCorsOrigin = "http://192.0.2.1:8645";  // compared, never dialled
const QByteArray kProxyName = "photos.example.org";
const QByteArray kFixedToken = "fixed-operator-token-0123456789abcdef0123456789";

QByteArray json(const QJsonObject& object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }
QString errorCode(const HttpResult& r) { return r.json.value("error").toObject().value("code").toString(); }

// A GET or the like with exactly this Host line (or none).
HttpResult rawRequest(quint16 port, const QByteArray& method, const QByteArray& path, const QByteArray& hostLine)
{
    const RawHttpAnswer answer = rawHttpExchange(port, method + " " + path + " HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n", 15000);
    HttpResult result;
    result.status = answer.status;
    result.body = answer.body;
    result.json = QJsonDocument::fromJson(answer.body).object();
    return result;
}

} // namespace

class RestSecurityTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"}, proxiedDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> daemon_, proxied_;
    QString tokenFile_;

    quint16 port() const { return daemon_->restPort(); }
    QByteArray ownOrigin() const { return "http://127.0.0.1:" + QByteArray::number(port()); }
    bool startDaemon()
    {
        daemon_ = std::make_unique<DaemonProcess>(dir_.path());
        return daemon_->start({"--rest-rate-limit", "0", "--rest-host", QString::fromLatin1(kProxyName), "--rest-cors-origin",
                               QString::fromLatin1(kCorsOrigin), "--rest-operator-token-file", tokenFile_});
    }
    void expectError(const HttpResult& r, int status, const QString& code)
    {
        QVERIFY2(r.status == status && errorCode(r) == code,
                 qPrintable(QString("expected %1 %2, got %3 %4").arg(status).arg(code).arg(r.status).arg(QString(r.body.left(300)))));
        QVERIFY(!r.json.value("error").toObject().value("message").toString().isEmpty());
    }
    HttpResult withHeaders(const QByteArray& method, const QString& path, const RequestHeaders& headers, const QByteArray& body = {})
    {
        return httpSend(port(), method, path, body, 10000, headers);
    }
    QByteArray bearer() const { return "Bearer " + daemon_->operatorToken(); }
    QString pairingCode()
    {
        return daemon_->operatorSend("POST", "/api/v1/pairing").json.value("code").toString();
    }

private slots:
    void initTestCase()
    {
        tokenFile_ = dir_.filePath("operator.token");
        QFile file(tokenFile_);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kFixedToken + "\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY2(startDaemon(), qPrintable(daemon_->stderrText()));
    }

    void foreignHostNamesAreRefusedEverywhere()
    {
        const QByteArray port = QByteArray::number(this->port());
        for (const QByteArray& path : {QByteArray("/api/v1/status"), QByteArray("/"), QByteArray("/app.js"),
                                       QByteArray("/api/v1/no-such-route"), QByteArray("/api/v1/peers")}) {
            const HttpResult rebound = rawRequest(this->port(), "GET", path, "Host: attacker.example:" + port + "\r\n");
            expectError(rebound, 421, "host_not_allowed");
        }
        expectError(rawRequest(this->port(), "PUT", "/api/v1/status", "Host: attacker.example\r\n"), 421, "host_not_allowed");
        expectError(rawRequest(this->port(), "GET", "/api/v1/status", ""), 421, "host_not_allowed");  // none at all
        for (const QByteArray& host : {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, kProxyName, QByteArray("PHOTOS.example.org:443")}) {
            const HttpResult ours = rawRequest(this->port(), "GET", "/api/v1/status", "Host: " + host + "\r\n");
            QVERIFY2(ours.status == 200, qPrintable(host + " answered " + QByteArray::number(ours.status)));
        }
        QCOMPARE(rawRequest(this->port(), "GET", "/", "Host: localhost:" + port + "\r\n").status, 200);
    }

    void writesFromForeignWebPagesAreRefused()
    {
        const QByteArray ban = json({{"address", "192.0.2.77"}, {"seconds", 60}});
        // Even with the operator's token (a page cannot read it, but the check does not rely on that).
        expectError(withHeaders("POST", "/api/v1/bans", {{"Authorization", bearer()}, {"Origin", "http://attacker.example"}}, ban),
                    403, "origin_not_allowed");
        expectError(withHeaders("POST", "/api/v1/tx", {{"Origin", "http://attacker.example"}}, "{}"), 403, "origin_not_allowed");
        expectError(withHeaders("DELETE", "/api/v1/mining/jobs/0123456789abcdef", {{"Origin", "null"}}), 403, "origin_not_allowed");
        expectError(withHeaders("POST", "/api/v1/pair", {{"Origin", "http://127.0.0.1:1"}}, "{}"), 403, "origin_not_allowed");
        // Reads are not changes: the browser keeps the answer from a foreign page.
        QCOMPARE(withHeaders("GET", "/api/v1/status", {{"Origin", "http://attacker.example"}}).status, 200);
        // The node's own page and a configured origin may write.
        QCOMPARE(withHeaders("POST", "/api/v1/bans", {{"Authorization", bearer()}, {"Origin", ownOrigin()}}, ban).status, 201);
        // The engine applies bans asynchronously: listed a moment after they are accepted.
        QVERIFY(waitUntil([&] { return daemon_->operatorGet("/api/v1/bans").body.contains("192.0.2.77"); }, 10000));
        QCOMPARE(withHeaders("DELETE", "/api/v1/bans/192.0.2.77", {{"Authorization", bearer()}, {"Origin", kCorsOrigin}}).status, 200);
        expectError(withHeaders("POST", "/api/v1/tx", {{"Origin", ownOrigin()}}, "{}"), 400, "missing_field");
    }

    void simpleCrossSiteFormBodiesAreRefused()
    {
        for (const QByteArray& type : {QByteArray("text/plain"), QByteArray("application/x-www-form-urlencoded"),
                                       QByteArray("multipart/form-data; boundary=x")})
            expectError(withHeaders("POST", "/api/v1/tx", {{"Content-Type", type}}, "{}"), 415, "unsupported_media_type");
        expectError(withHeaders("POST", "/api/v1/bans", {{"Authorization", bearer()}, {"Content-Type", "text/plain"}},
                                json({{"address", "192.0.2.78"}})),
                    415, "unsupported_media_type");
        expectError(withHeaders("POST", "/api/v1/pair", {{"Content-Type", "text/plain"}}, "{}"), 415, "unsupported_media_type");
        expectError(withHeaders("POST", "/api/v1/mining/jobs", {{"Content-Type", "text/plain"}}, "{}"), 415, "unsupported_media_type");
        // JSON with a charset, and a multipart job (the one route that reads forms) reach their routes.
        expectError(withHeaders("POST", "/api/v1/tx", {{"Content-Type", "application/json; charset=utf-8"}}, "{}"), 400, "missing_field");
        const HttpResult form = withHeaders("POST", "/api/v1/mining/jobs", {{"Content-Type", "multipart/form-data; boundary=XyZ"}},
                                            "--XyZ--\r\n");
        QVERIFY2(form.status == 400 && errorCode(form) != "unsupported_media_type", form.body.constData());
    }

    void operatorRoutesWantTheOperatorTokenFromLoopbackToo()
    {
        const QString cookie = dir_.filePath("api.cookie");
        QVERIFY(QFile::exists(cookie));
        QCOMPARE(QFile::permissions(cookie) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                               | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(daemon_->operatorToken().startsWith("pbo_"));

        for (const auto& [method, path] : {std::pair<QByteArray, QString>{"GET", "/api/v1/peers"}, {"GET", "/api/v1/bans"},
                                           {"POST", "/api/v1/pairing"}, {"GET", "/api/v1/devices"},
                                           {"DELETE", "/api/v1/devices/0123456789abcdef"}, {"DELETE", "/api/v1/bans/192.0.2.1"},
                                           {"POST", "/api/v1/peers/1/disconnect"}}) {
            const HttpResult bare = httpSend(port(), method, path);
            expectError(bare, 401, "operator_token_required");
            QCOMPARE(bare.header("WWW-Authenticate"), QByteArray("Bearer"));
            expectError(withHeaders(method, path, {{"Authorization", "Bearer pbo_not-the-cookie"}}), 401, "bad_token");
        }
        QCOMPARE(daemon_->operatorGet("/api/v1/peers").status, 200);
        QCOMPARE(withHeaders("GET", "/api/v1/peers", {{"Authorization", "Bearer " + kFixedToken}}).status, 200);

        // A paired phone's token opens writes, not operator routes.
        const HttpResult paired = httpSend(port(), "POST", "/api/v1/pair", json({{"code", pairingCode()}, {"name", "phone"}}));
        QCOMPARE(paired.status, 201);
        const QByteArray device = "Bearer " + paired.json.value("token").toString().toLatin1();
        expectError(withHeaders("GET", "/api/v1/devices", {{"Authorization", device}}), 403, "operator_only");
        QCOMPARE(withHeaders("DELETE", "/api/v1/mining/jobs/0123456789abcdef", {{"Authorization", device}}).status, 404);
    }

    void theCookieIsFreshAtEveryStartAndGoneAfterShutdown()
    {
        const QByteArray before = daemon_->operatorToken();
        QCOMPARE(daemon_->terminate(), 0);
        QVERIFY(!QFile::exists(dir_.filePath("api.cookie")));
        QVERIFY2(startDaemon(), qPrintable(daemon_->stderrText()));
        const QByteArray after = daemon_->operatorToken();
        QVERIFY(!after.isEmpty() && after != before);
        expectError(withHeaders("GET", "/api/v1/peers", {{"Authorization", "Bearer " + before}}), 401, "bad_token");
        QCOMPARE(daemon_->operatorGet("/api/v1/peers").status, 200);
        QCOMPARE(withHeaders("GET", "/api/v1/peers", {{"Authorization", "Bearer " + kFixedToken}}).status, 200);  // fixed: kept
    }

    void fiveWrongCodesLockPairingForThatAddress()
    {
        const QString code = pairingCode();
        for (int i = 0; i < 5; ++i)
            expectError(httpSend(port(), "POST", "/api/v1/pair", json({{"code", "ZZZZ-ZZZ" + QString::number(i + 2)}, {"name", "g"}})),
                        400, "bad_pairing_code");
        // Locked: even the right code is not looked at now.
        const HttpResult locked = httpSend(port(), "POST", "/api/v1/pair", json({{"code", code}, {"name", "phone"}}));
        expectError(locked, 429, "pairing_locked");
        QVERIFY(locked.header("Retry-After").toInt() >= 1 && locked.header("Retry-After").toInt() <= 60);
        QVERIFY(waitUntil([&] { return daemon_->stderrText().count("wrong pairing code from 127.0.0.1") >= 5; }, 10000));
        QVERIFY2(daemon_->stderrText().contains("(5 in a row, pairing locked"), qPrintable(daemon_->stderrText().right(1000)));
    }

    void forwardedForCountsOnlyFromAConfiguredProxy()
    {
        // Without a configured proxy the header is the client's word: ignored, the client is loopback.
        expectError(withHeaders("POST", "/api/v1/tx", {{"X-Forwarded-For", "192.0.2.9"}}, "{}"), 400, "missing_field");

        // This node takes its proxy settings from its config file.
        QFile config(proxiedDir_.filePath("photoblocks.conf"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("rest-trusted-proxy = 127.0.0.1\nrest-host = proxy.example, other.example\n");
        config.close();
        proxied_ = std::make_unique<DaemonProcess>(proxiedDir_.path());
        QVERIFY2(proxied_->start({"--rest-rate-limit", "0"}), qPrintable(proxied_->stderrText()));
        const quint16 proxied = proxied_->restPort();
        QCOMPARE(rawRequest(proxied, "GET", "/api/v1/status", "Host: proxy.example\r\n").status, 200);
        QCOMPARE(rawRequest(proxied, "GET", "/api/v1/status", "Host: other.example:443\r\n").status, 200);
        expectError(rawRequest(proxied, "GET", "/api/v1/status", "Host: " + kProxyName + "\r\n"), 421, "host_not_allowed");
        const auto from = [&](const QByteArray& address, const QByteArray& method, const QString& path, const QByteArray& body) {
            return httpSend(proxied, method, path, body, 10000, {{"X-Forwarded-For", address}});
        };
        // Behind the proxy a remote client is remote: writes need a device token.
        expectError(from("192.0.2.9", "POST", "/api/v1/tx", "{}"), 401, "token_required");
        expectError(from("127.0.0.1, 192.0.2.9", "POST", "/api/v1/tx", "{}"), 401, "token_required");  // a forged first hop
        expectError(httpSend(proxied, "POST", "/api/v1/tx", "{}"), 400, "missing_field");  // the proxy's own machine

        // Each forwarded address has its own lockout; ten wrong codes overall kill the open code.
        const QString code = proxied_->operatorSend("POST", "/api/v1/pairing").json.value("code").toString();
        QVERIFY(!code.isEmpty());
        for (const QByteArray& guesser : {QByteArray("192.0.2.21"), QByteArray("192.0.2.22")})
            for (int i = 0; i < 5; ++i)
                expectError(from(guesser, "POST", "/api/v1/pair", json({{"code", "ZZZZ-ZZZ" + QString::number(i + 2)}, {"name", "g"}})),
                            400, "bad_pairing_code");
        expectError(from("192.0.2.21", "POST", "/api/v1/pair", json({{"code", code}, {"name", "g"}})), 429, "pairing_locked");
        const HttpResult dead = from("192.0.2.23", "POST", "/api/v1/pair", json({{"code", code}, {"name", "phone"}}));
        expectError(dead, 400, "bad_pairing_code");
        QVERIFY2(dead.json.value("error").toObject().value("message").toString().contains("10 wrong guesses"), dead.body.constData());
        QVERIFY(proxied_->stderrText().contains("wrong pairing code from 192.0.2.22"));
        // A new code pairs from an address that is not locked.
        const QString fresh = proxied_->operatorSend("POST", "/api/v1/pairing").json.value("code").toString();
        QCOMPARE(from("192.0.2.23", "POST", "/api/v1/pair", json({{"code", fresh}, {"name", "phone"}})).status, 201);
        QCOMPARE(proxied_->terminate(), 0);
    }

    void cleanupTestCase()
    {
        if (daemon_) QCOMPARE(daemon_->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(RestSecurityTest)
#include "tst_rest_security.moc"
