// 1,000 malformed requests, generated here from a fixed seed, against a real photoblocksd over
// raw loopback TCP: random methods and paths, bad ids and queries, broken, oversized,
// wrong-typed and unknown-field JSON, broken multipart, bad headers, and requests cut short.
// Every answer is below 500 and every error carries the {"error":{"code","message"}} body;
// the node still serves /status afterwards, also while half-sent requests hang open.
#include "DaemonProcess.h"

#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace pb::test;

namespace {

struct RawRequest {
    QByteArray bytes;
    QByteArray method;
    bool framed = true;  // well-formed HTTP: an answer is due; otherwise closing is fine too
    QString kind;
};

const QStringList kRoutes = {
    "/api/v1/status", "/api/v1/blocks", "/api/v1/blocks/0", "/api/v1/blocks/0/photo", "/api/v1/blocks/0/thumbnail",
    "/api/v1/nodes", "/api/v1/labels", "/api/v1/mining/jobs", "/api/v1/mining/jobs/0123456789abcdef", "/api/v1/pair",
    "/api/v1/peers", "/api/v1/peers/1/disconnect", "/api/v1/bans", "/api/v1/bans/192.0.2.1", "/api/v1/pairing",
    "/api/v1/devices", "/api/v1/devices/0123456789abcdef", "/api/v1/addresses/pb1qqqq", "/api/v1/addresses/pb1qqqq/txs",
    "/api/v1/tx/00", "/api/v1/tx", "/api/v1/mempool", "/api/v1/openapi.json"};
const QStringList kIdRoutes = {"/api/v1/blocks/%1", "/api/v1/blocks/%1/photo", "/api/v1/blocks/%1/thumbnail",
                               "/api/v1/mining/jobs/%1", "/api/v1/tx/%1", "/api/v1/addresses/%1", "/api/v1/addresses/%1/txs",
                               "/api/v1/bans/%1", "/api/v1/devices/%1", "/api/v1/peers/%1/disconnect"};
const QByteArrayList kMethods = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
const QByteArrayList kBodyRoutes = {"/api/v1/mining/jobs", "/api/v1/tx", "/api/v1/bans", "/api/v1/pair"};

class Generator {
public:
    // operatorToken: sent with every request, so operator routes parse their bodies too.
    Generator(quint32 seed, const QByteArray& operatorToken) : random_(seed), authorization_("Bearer " + operatorToken) {}

    RawRequest next(int index)
    {
        switch (index % 8) {
        case 0: return randomMethod();
        case 1: return randomPath();
        case 2: return badId();
        case 3: return badJson();
        case 4: return badMultipart();
        case 5: return badHeaders();
        case 6: return badQuery();
        default: return truncated();
        }
    }

private:
    int below(int n) { return int(random_.bounded(n)); }
    template <typename List>
    auto pick(const List& list) { return list.at(below(int(list.size()))); }
    QByteArray bytes(int n)
    {
        QByteArray out(n, 0);
        for (char& c : out) c = char(random_.bounded(256));
        return out;
    }
    QByteArray printable(int n, const char* alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~")
    {
        const int size = int(strlen(alphabet));
        QByteArray out;
        for (int i = 0; i < n; ++i) out += alphabet[below(size)];
        return out;
    }

    RawRequest request(const QByteArray& method, const QByteArray& target, const QByteArray& body = {},
                              const QByteArray& headers = "Content-Type: application/json\r\n", const QString& kind = {})
    {
        QByteArray bytes = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                           + "Authorization: " + authorization_ + "\r\n" + headers;
        if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
            bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        return {bytes + "\r\n" + body, method, true, kind};
    }

    RawRequest randomMethod() { return request(pick(kMethods), pick(kRoutes).toLatin1(), randomJsonBody(), {}, "method"); }

    RawRequest randomPath()
    {
        QByteArray path = "/api/v1";
        switch (below(5)) {
        case 0: for (int i = below(4); i >= 0; --i) path += "/" + printable(1 + below(12)); break;
        case 1: path += "/" + QByteArray(2000 + below(6000), 'a'); break;
        case 2: path = "/" + printable(1 + below(20)) + "//" + printable(3) + "/../" + printable(2); break;
        case 3: path += "/blocks/%" + printable(2, "0123456789abcdefXYZ%") + "/%C3%A9%00"; break;
        default: path = pick(kRoutes).toLatin1() + "/" + printable(1 + below(8)); break;
        }
        return request(pick(kMethods), path, {}, {}, "path");
    }

    RawRequest badId()
    {
        const QByteArrayList ids = {"-1", "99999999999999999999999", "0x10", "1e5", QByteArray(63, 'a'), QByteArray(65, 'f'),
                                    QByteArray(64, 'g'), "%C3%A9", "..", "%20", printable(1 + below(100)), "1.5", "+3",
                                    "256.256.256.256", "::g", "pb1" + printable(40), "'%3B--", "%FF%FE"};
        return request(pick(QByteArrayList{"GET", "DELETE", "POST"}), pick(kIdRoutes).arg(QString::fromLatin1(pick(ids))).toLatin1(), {}, {}, "id");
    }

    QByteArray randomJsonBody()
    {
        const QByteArrayList bodies = {
            "", "{", "}", "[]", "null", "42", "\"text\"", "{\"photo\":", "{\"photo\": 5, \"label\": [1]}",
            "{\"address\": true, \"seconds\": \"x\"}", "{\"code\": null, \"name\": {}}", "{\"zzz\": 1}",
            "{\"amount\": -1, \"fee\": 1e400, \"nonce\": \"x\", \"to\": 7}", "{\"label\":\"dog\",\"photo\":\"!!!\"}",
            "{\"a\":1,\"a\":2}", QByteArray(4000, '[') + QByteArray(4000, ']'), "{\"x\":\"\\ud800\"}", "\xEF\xBB\xBF{}",
            "{\"seconds\": 1e308, \"address\": \"1.2.3.4\"}", "{\"label\":\"dog\",\"photo\":\"" + bytes(30).toBase64() + "\"}",
        };
        QByteArray body = pick(bodies);
        if (below(3) == 0 && body.size() > 2) body.truncate(below(int(body.size())));
        if (below(4) == 0) body += bytes(1 + below(40));
        return body;
    }

    RawRequest badJson()
    {
        const QByteArray route = pick(kBodyRoutes);
        const int shape = below(10);
        if (shape == 0) return request("POST", route, QByteArray(16 * 1024 + 1 + below(2000), ' ') + "{}", "Content-Type: application/json\r\n", "oversized");
        if (shape == 1 && route != "/api/v1/mining/jobs") return request("POST", route, "{\"x\":\"" + QByteArray(20000, 'x') + "\"}", {}, "oversized");
        return request("POST", route, randomJsonBody(), "Content-Type: application/json\r\n", "json");
    }

    RawRequest badMultipart()
    {
        const QByteArray boundary = printable(1 + below(30));
        QByteArray body = "--" + boundary + "\r\n";
        const QByteArrayList dispositions = {"form-data; name=\"photo\"; filename=\"a.jpg\"", "form-data; name=\"label\"",
                                             "form-data", "attachment; name=\"x\"", "form-data; name=\"evil\"", "form-data; name=\"vote\"",
                                             "form-data; name=\"label\"; filename=\"x\""};
        for (int i = below(4); i >= 0; --i) {
            body += "Content-Disposition: " + pick(dispositions) + "\r\n";
            if (below(3) == 0) body += pick(QByteArrayList{"Content-Type: image/jpeg\r\n", "X-Other: 1\r\n", "garbage\r\n"});
            body += "\r\n" + (below(2) ? QByteArray("\xFF\xD8\xFF") + bytes(below(200)) : printable(below(300))) + "\r\n";
            body += "--" + (below(6) ? boundary : printable(5)) + pick(QByteArrayList{"\r\n", "--", "--\r\n", "x", ""});
        }
        if (below(3) == 0) body.truncate(below(int(body.size())));
        const QByteArrayList types = {"multipart/form-data; boundary=" + boundary, "multipart/form-data",
                                      "multipart/form-data; boundary=\"" + boundary + "\"", "multipart/form-data; boundary=" + QByteArray(80, 'b'),
                                      "multipart/mixed; boundary=" + boundary, "multipart/form-data; boundary=other"};
        return request("POST", "/api/v1/mining/jobs", body, "Content-Type: " + pick(types) + "\r\n", "multipart");
    }

    RawRequest badHeaders()
    {
        const QByteArray route = pick(kRoutes).toLatin1();
        switch (below(7)) {
        case 0: return request("POST", route, "{}", "Authorization: " + pick(QByteArrayList{"Bearer ", "Bearer pbt_" + printable(40), "Basic Zm9vOmJhcg==", printable(10)}) + "\r\n", "auth");
        case 1: return request("POST", "/api/v1/mining/jobs", randomJsonBody(), "Content-Type: " + printable(1 + below(30), "abcdefghij/;=+-") + "\r\n", "content-type");
        case 2: return request("GET", route, {}, "X-Long: " + QByteArray(8000 + below(4000), 'h') + "\r\n", "long-header");
        case 3: return request("GET", route, {}, "Origin: http://" + printable(8) + "\r\nAccess-Control-Request-Method: POST\r\n", "origin");
        case 4: {
            RawRequest r = request("GET", route, {}, "Broken header line without colon\r\n", "no-colon");
            r.framed = false;
            return r;
        }
        case 5: {
            RawRequest r = request("POST", route, {}, "Content-Length: " + pick(QByteArrayList{"-1", "abc", "99999999999999999999"}) + "\r\n", "content-length");
            r.framed = false;
            return r;
        }
        default: return request("GET", route, {}, "If-None-Match: " + printable(30) + "\r\nAccept: " + printable(10) + "\r\n", "conditional");
        }
    }

    RawRequest badQuery()
    {
        const QByteArrayList queries = {"from=-1", "limit=0", "limit=100000", "from=abc", "mine=maybe", "limit=", "x=1",
                                        "from=1&from=2", "limit=%FF", "from=99999999999999999999999", "&&&", "=1", "limit=5"};
        const QByteArray route = pick(QByteArrayList{"/api/v1/blocks", "/api/v1/nodes", "/api/v1/mining/jobs", "/api/v1/addresses/pb1qqqq/txs"});
        return request("GET", route + "?" + pick(queries), {}, {}, "query");
    }

    RawRequest truncated()
    {
        RawRequest full = below(2) ? randomMethod() : badJson();
        if (below(3) == 0) full.bytes = printable(2 + below(30)) + " / HTTP/1.1\r\n\r\n";  // an unknown method
        else if (below(2) == 0) full.bytes = bytes(1 + below(200));
        else full.bytes.truncate(1 + below(int(full.bytes.size()) - 1));
        full.framed = false;
        full.kind = "truncated";
        return full;
    }

    QRandomGenerator random_;
    const QByteArray authorization_;
};

RawHttpAnswer exchange(quint16 port, const RawRequest& request)
{
    // No answer is due for a broken request: a short wait.
    return rawHttpExchange(port, request.bytes, request.framed ? 15000 : 50, request.method == "HEAD");
}

// {"error":{"code":"…","message":"…"}} and nothing else.
bool isErrorShape(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject() || document.object().size() != 1) return false;
    const QJsonObject error = document.object().value("error").toObject();
    return error.size() == 2 && !error.value("code").toString().isEmpty() && !error.value("message").toString().isEmpty();
}

} // namespace

class RestMalformedTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> daemon_;

private slots:
    void initTestCase()
    {
        daemon_ = std::make_unique<DaemonProcess>(dir_.path());
        // No rate limit: a 429 would hide the answer the test is about.
        QVERIFY2(daemon_->start({"--rest-rate-limit", "0"}), qPrintable(daemon_->stderrText()));
    }
    void cleanupTestCase() { QCOMPARE(daemon_->terminate(), 0); }

    void thousandMalformedRequestsGetJsonClientErrors()
    {
        constexpr quint32 kSeed = 20261204;  // fixed: a failure replays exactly
        constexpr int kRequests = 1000;
        Generator generator(kSeed, daemon_->operatorToken());
        const quint16 port = daemon_->restPort();

        // Half-sent requests left hanging while the rest go on.
        std::vector<std::unique_ptr<QTcpSocket>> hanging;
        for (int i = 0; i < 8; ++i) {
            hanging.push_back(std::make_unique<QTcpSocket>());
            hanging.back()->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(hanging.back()->waitForConnected(5000));
            hanging.back()->write("POST /api/v1/tx HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"to\":");
            hanging.back()->flush();
        }

        std::map<int, int> statuses;
        int answeredBroken = 0;
        for (int i = 0; i < kRequests; ++i) {
            const RawRequest request = generator.next(i);
            const RawHttpAnswer response = exchange(port, request);
            const QString what = QString("request %1 (%2, seed %3): %4").arg(i).arg(request.kind).arg(kSeed)
                                     .arg(QString::fromLatin1(request.bytes.left(160).toPercentEncoding(" /:;=\"{}?&,-_.")));
            ++statuses[response.status];
            if (request.framed) QVERIFY2(response.status != 0, qPrintable("no answer to " + what));
            else if (response.status != 0) ++answeredBroken;
            QVERIFY2(response.status < 500, qPrintable(QString("%1 answered %2 %3").arg(what).arg(response.status)
                                                           .arg(QString::fromUtf8(response.body.left(300)))));
            if (response.status >= 400 && request.method != "HEAD")
                QVERIFY2(isErrorShape(response.body), qPrintable(QString("%1 answered %2 with %3").arg(what).arg(response.status)
                                                                     .arg(QString::fromUtf8(response.body.left(300)))));
        }
        QStringList summary;
        for (const auto& [status, count] : statuses) summary << QString("%1: %2").arg(status == 0 ? "closed" : QString::number(status)).arg(count);
        qInfo("answers by status: %s (%d broken requests answered anyway)", qPrintable(summary.join(", ")), answeredBroken);
        QVERIFY(statuses[400] > 200);  // most requests are client mistakes, told apart precisely
        QVERIFY(statuses[404] > 20);
        QVERIFY(statuses[405] > 20);
        QVERIFY(statuses[413] > 5);

        const HttpResult status = httpGet(port, "/api/v1/status");
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json.value("network").toString(), QString("test"));
        for (const auto& socket : hanging) socket->abort();
        QCOMPARE(httpGet(port, "/api/v1/status").status, 200);
    }
};

QTEST_MAIN(RestMalformedTest)
#include "tst_rest_malformed.moc"
