// The checks before any route: the Host allow-list against DNS rebinding, the Origin check on
// writes from web pages, the Content-Type a route reads, and whose X-Forwarded-For is believed.
#include "core/api/RequestGuard.h"

#include <QtTest>

using namespace pb::api;

namespace {

GuardedRequest post(const QByteArray& host, const QByteArray& origin = {}, const QByteArray& type = "application/json")
{
    return {"POST", host, origin, type, 2};
}

QString refusal(const std::optional<ApiError>& error) { return error ? error->code : QString("admitted"); }

} // namespace

class RequestGuardTest : public QObject {
    Q_OBJECT
private:
    // Listening on loopback only, plus a proxy's name and a .local name.
    const RequestGuard guard_{RequestGuard::ownHostNames({QHostAddress("192.168.1.5"), QHostAddress("fe80::1%eth0")},
                                                        {"Photos.Example.org", "node.local:8645"}),
                              {"http://192.0.2.1:8645"}};

private slots:
    void hostNamesAreComparedWithoutPortCaseOrTrailingDot()
    {
        QCOMPARE(RequestGuard::hostName("Photos.Example.ORG.:443"), QString("photos.example.org"));
        QCOMPARE(RequestGuard::hostName("[::1]:8645"), QString("[::1]"));
        QCOMPARE(RequestGuard::hostName("[0:0::1]"), QString("[::1]"));
        QCOMPARE(RequestGuard::hostName("::1"), QString("[::1]"));
        QCOMPARE(RequestGuard::hostName("127.0.0.1"), QString("127.0.0.1"));
        QCOMPARE(RequestGuard::hostName("[::1"), QString());
        QCOMPARE(RequestGuard::hostName("[::1]x"), QString());
        QCOMPARE(RequestGuard::hostName("[nonsense]"), QString());
        QCOMPARE(RequestGuard::hostName(""), QString());
        QCOMPARE(RequestGuard::hostName("a b"), QString());
        QCOMPARE(RequestGuard::hostName("user@host"), QString());
    }

    void onlyTheNodesOwnNamesAreAnswered()
    {
        for (const QByteArray& host : {QByteArray("127.0.0.1:8645"), QByteArray("localhost:1"), QByteArray("LOCALHOST"),
                                       QByteArray("[::1]:8645"), QByteArray("192.168.1.5:8645"), QByteArray("[fe80::1]:80"),
                                       QByteArray("photos.example.org"), QByteArray("node.local:9999")})
            QVERIFY2(!guard_.checkHost(host), host.constData());
        // A rebinding page's own name, another loopback address, look-alikes and nothing at all.
        for (const QByteArray& host : {QByteArray("attacker.example:8645"), QByteArray("127.0.0.2:8645"),
                                       QByteArray("photos.example.org.attacker.example"), QByteArray("localhost.attacker.example"),
                                       QByteArray("127.0.0.1@attacker.example"), QByteArray("192.168.1.50"), QByteArray()}) {
            const auto refused = guard_.checkHost(host);
            QVERIFY2(refused, host.constData());
            QCOMPARE(refused->kind, ApiError::Misdirected);
            QCOMPARE(refused->code, QString("host_not_allowed"));
        }
        QVERIFY(guard_.checkHost("attacker.example")->message.contains("--rest-host"));
    }

    void writesFromForeignOriginsAreRefused()
    {
        QCOMPARE(refusal(guard_.check(post("127.0.0.1:8645"), BodyKind::Json)), QString("admitted"));  // no Origin: not a browser page
        QCOMPARE(refusal(guard_.check(post("127.0.0.1:8645", "http://127.0.0.1:8645"), BodyKind::Json)), QString("admitted"));
        QCOMPARE(refusal(guard_.check(post("photos.example.org", "https://photos.example.org"), BodyKind::Json)),
                 QString("admitted"));  // behind an HTTPS proxy
        QCOMPARE(refusal(guard_.check(post("127.0.0.1:8645", "http://192.0.2.1:8645"), BodyKind::Json)), QString("admitted"));
        for (const QByteArray& origin : {QByteArray("http://attacker.example"), QByteArray("null"), QByteArray("http://127.0.0.1:8646"),
                                         QByteArray("http://127.0.0.1"), QByteArray("ftp://127.0.0.1:8645"),
                                         QByteArray("http://192.0.2.1:8646")}) {
            const auto refused = guard_.check(post("127.0.0.1:8645", origin), BodyKind::Json);
            QCOMPARE(refusal(refused), QString("origin_not_allowed"));
            QCOMPARE(refused->kind, ApiError::Forbidden);
        }
        // Reading is not changing: the browser's same-origin rule keeps a foreign page from the answer.
        for (const QByteArray& method : {QByteArray("GET"), QByteArray("HEAD"), QByteArray("OPTIONS")})
            QVERIFY(!guard_.check({method, "127.0.0.1:8645", "http://attacker.example", {}, 0}, BodyKind::Json));
        for (const QByteArray& method : {QByteArray("DELETE"), QByteArray("PUT"), QByteArray("PATCH")})
            QCOMPARE(refusal(guard_.check({method, "127.0.0.1:8645", "http://attacker.example", {}, 0}, BodyKind::Json)),
                     QString("origin_not_allowed"));
        // The Host is checked first: a rebinding page's Origin matches its own Host.
        QCOMPARE(refusal(guard_.check(post("attacker.example", "http://attacker.example"), BodyKind::Json)),
                 QString("host_not_allowed"));
    }

    void bodiesMustBeJsonOrADeclaredMultipart()
    {
        QCOMPARE(refusal(guard_.check(post("localhost", {}, "application/json; charset=utf-8"), BodyKind::Json)), QString("admitted"));
        QCOMPARE(refusal(guard_.check(post("localhost", {}, "Application/JSON"), BodyKind::Json)), QString("admitted"));
        // What a simple cross-site form can send, and no type at all.
        for (const QByteArray& type : {QByteArray("text/plain"), QByteArray("application/x-www-form-urlencoded"),
                                       QByteArray("multipart/form-data; boundary=x"), QByteArray()}) {
            const auto refused = guard_.check(post("localhost", {}, type), BodyKind::Json);
            QCOMPARE(refusal(refused), QString("unsupported_media_type"));
            QCOMPARE(refused->kind, ApiError::UnsupportedMediaType);
        }
        QCOMPARE(refusal(guard_.check(post("localhost", {}, "multipart/form-data; boundary=x"), BodyKind::JsonOrMultipart)),
                 QString("admitted"));
        QCOMPARE(refusal(guard_.check(post("localhost", {}, "text/plain"), BodyKind::JsonOrMultipart)),
                 QString("unsupported_media_type"));
        // No body, nothing to read: POST /api/v1/pairing and DELETEs need no type.
        QCOMPARE(refusal(guard_.check({"POST", "localhost", {}, {}, 0}, BodyKind::Json)), QString("admitted"));
    }

    void forwardedForIsBelievedFromConfiguredProxiesOnly()
    {
        const QHostAddress proxy("127.0.0.1"), phone("192.0.2.7");
        QCOMPARE(clientAddress(proxy, "192.0.2.7", {}), proxy);  // nobody configured: ignored
        QCOMPARE(clientAddress(phone, "127.0.0.1", {proxy}), phone);  // not from the proxy: ignored
        QCOMPARE(clientAddress(proxy, "192.0.2.7", {proxy}), phone);
        // The client may send its own X-Forwarded-For; the proxy appends what it saw: the last one counts.
        QCOMPARE(clientAddress(proxy, "127.0.0.1, 192.0.2.7", {proxy}), phone);
        QCOMPARE(clientAddress(QHostAddress("::ffff:127.0.0.1"), "192.0.2.7", {proxy}), phone);
        QCOMPARE(clientAddress(proxy, "", {proxy}), proxy);  // the proxy's own request (no client behind it)
        const QHostAddress unreadable = clientAddress(proxy, "127.0.0.1, garbage", {proxy});
        QVERIFY(!unreadable.isLoopback());  // never promoted to this machine
    }
};

QTEST_GUILESS_MAIN(RequestGuardTest)
#include "tst_request_guard.moc"
