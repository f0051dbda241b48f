// The REST admin endpoints against a real photoblocksd: its peer table (with a second daemon
// connecting to it), bans that persist across a restart, and the exact status and error code
// for every kind of bad request.
#include "DaemonProcess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>

using namespace pb::test;

namespace {

QByteArray json(const QJsonObject& object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

// A ban body padded by its reason to exactly `size` bytes.
QByteArray banBodyOfSize(int size)
{
    const QByteArray head = R"({"address":"192.0.2.50","reason":")", tail = R"("})";
    return head + QByteArray(size - head.size() - tail.size(), 'x') + tail;
}

} // namespace

class RestAdminTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> daemon_;
    const quint16 peerPort_ = freeLoopbackPort();

    quint16 port() const { return daemon_->restPort(); }
    bool startDaemon()
    {
        daemon_ = std::make_unique<DaemonProcess>(dir_.path());
        return daemon_->start({"--port", QString::number(peerPort_)});
    }
    QJsonArray peers() { return daemon_->operatorGet("/api/v1/peers").json.value("peers").toArray(); }

    QJsonObject banOf(const QString& address)
    {
        for (const QJsonValue& b : daemon_->operatorGet("/api/v1/bans").json.value("bans").toArray())
            if (b.toObject().value("address").toString() == address) return b.toObject();
        return {};
    }
    // The engine applies bans asynchronously; the list shows them within moments.
    bool waitListed(const QString& address, bool listed)
    {
        return waitUntil([&] { return banOf(address).isEmpty() != listed; }, 5000);
    }

    void expectError(const HttpResult& r, int status, const QString& code)
    {
        const QJsonObject error = r.json.value("error").toObject();
        QVERIFY2(r.status == status && error.value("code").toString() == code,
                 qPrintable(QString("expected %1 %2, got %3 %4").arg(status).arg(code).arg(r.status).arg(QString(json(r.json)))));
        QVERIFY(!error.value("message").toString().isEmpty());
    }
    void expectBanRejected(const QByteArray& body, int status, const QString& code)
    {
        expectError(daemon_->operatorSend("POST", "/api/v1/bans", body), status, code);
    }
    void expectNotAllowed(const QByteArray& method, const QString& path, const QByteArray& allow)
    {
        const HttpResult r = httpSend(port(), method, path);
        expectError(r, 405, "method_not_allowed");
        QCOMPARE(r.allow, allow);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startDaemon(), qPrintable(daemon_->stderrText()));
    }
    void cleanupTestCase()
    {
        if (daemon_) QCOMPARE(daemon_->terminate(), 0);
    }

    void peersListIsEmptyButWellFormed()
    {
        const HttpResult r = daemon_->operatorGet("/api/v1/peers");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.keys(), QStringList{"peers"});
        QVERIFY(r.json.value("peers").isArray());
        QVERIFY(r.json.value("peers").toArray().isEmpty());
    }

    void connectedPeerIsListedAndCanBeDisconnected()
    {
        QTemporaryDir otherDir("/tmp/pbXXXXXX");
        DaemonProcess other(otherDir.path());
        const quint16 otherPort = freeLoopbackPort();
        QVERIFY2(other.start({"--port", QString::number(otherPort), "--seed", QString("127.0.0.1:%1").arg(peerPort_)}),
                 qPrintable(other.stderrText()));
        const QString otherId = other.status().value("nodeId").toString();
        QJsonObject peer;
        const auto handshaken = [&] {
            for (const QJsonValue& p : peers()) {
                if (p.toObject().value("id").toString() != otherId) continue;
                peer = p.toObject();
                return true;
            }
            return false;
        };
        QVERIFY2(waitUntil(handshaken, 20000), qPrintable(other.stderrText()));
        QCOMPARE(peer.keys(), (QStringList{"address", "bytesIn", "bytesOut", "connectedSince", "connection", "direction",
                                           "height", "id", "listenPort", "misbehaviour", "pingMs", "type", "userAgent",
                                           "version"}));
        QCOMPARE(peer.value("direction").toString(), QString("inbound"));
        QCOMPARE(peer.value("type").toString(), QString("full"));
        QCOMPARE(peer.value("listenPort").toInt(), int(otherPort));
        QVERIFY(peer.value("address").toString().startsWith("127.0.0.1:"));
        QVERIFY(peer.value("userAgent").toString().startsWith("photoblocks/"));
        QVERIFY(peer.value("version").toInteger() > 0);
        QVERIFY(qAbs(peer.value("connectedSince").toInteger() - QDateTime::currentSecsSinceEpoch()) < 60);
        QVERIFY(peer.value("pingMs").isNull() || peer.value("pingMs").toDouble() >= 0);
        QCOMPARE(peer.value("misbehaviour").toInt(), 0);

        const qint64 connection = peer.value("connection").toInteger();
        const HttpResult dropped = daemon_->operatorSend("POST", "/api/v1/peers/" + otherId.toUpper() + "/disconnect");
        QCOMPARE(dropped.status, 200);
        QCOMPARE(dropped.json, (QJsonObject{{"disconnected", otherId}}));
        const auto connectionGone = [&](qint64 number) {
            return waitUntil([&] {
                const QJsonArray list = peers();
                return std::none_of(list.begin(), list.end(), [&](const QJsonValue& p) {
                    return p.toObject().value("connection").toInteger() == number;
                });
            }, 10000);
        };
        QVERIFY(connectionGone(connection));

        // The other node dials its seed again; that connection is dropped by its number.
        QVERIFY2(waitUntil(handshaken, 20000), qPrintable(other.stderrText()));
        const qint64 again = peer.value("connection").toInteger();
        QVERIFY(again != connection);
        const HttpResult byNumber = daemon_->operatorSend("POST", QString("/api/v1/peers/%1/disconnect").arg(again));
        QCOMPARE(byNumber.status, 200);
        QCOMPARE(byNumber.json, (QJsonObject{{"disconnected", QString::number(again)}}));
        QVERIFY(connectionGone(again));
        QCOMPARE(other.terminate(), 0);
    }

    void banIsListedSurvivesRestartAndIsLifted()
    {
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const HttpResult banned = daemon_->operatorSend("POST", "/api/v1/bans",
                                      json({{"address", "192.0.2.7"}, {"seconds", 3600}, {"reason", "flooded us"}}));
        QCOMPARE(banned.status, 201);
        QCOMPARE(banned.json.value("banned").toString(), QString("192.0.2.7"));
        const qint64 until = banned.json.value("until").toInteger();
        QVERIFY(until >= before + 3600 && until <= QDateTime::currentSecsSinceEpoch() + 3600);
        // Default duration, IPv6 in canonical form, an IPv4-mapped address as plain IPv4.
        QCOMPARE(daemon_->operatorSend("POST", "/api/v1/bans", json({{"address", "2001:DB8:0::7"}})).status, 201);
        QCOMPARE(daemon_->operatorSend("POST", "/api/v1/bans", json({{"address", "::ffff:198.51.100.7"}})).status, 201);

        QVERIFY(waitListed("192.0.2.7", true));
        QVERIFY(waitListed("2001:db8::7", true));
        QVERIFY(waitListed("198.51.100.7", true));
        QJsonObject listed = banOf("192.0.2.7");
        QCOMPARE(listed.keys(), (QStringList{"address", "bannedAt", "reason", "until"}));
        QCOMPARE(listed.value("reason").toString(), QString("flooded us"));
        const qint64 bannedAt = listed.value("bannedAt").toInteger();
        QVERIFY2(bannedAt >= before && qAbs(until - 3600 - bannedAt) <= 2, qPrintable(QString::number(bannedAt)));
        QVERIFY(qAbs(listed.value("until").toInteger() - until) <= 2);
        const qint64 ipv6Until = banOf("2001:db8::7").value("until").toInteger();
        QVERIFY(ipv6Until >= before + 86400 && ipv6Until <= QDateTime::currentSecsSinceEpoch() + 86400);

        QCOMPARE(daemon_->terminate(), 0);
        QVERIFY2(startDaemon(), qPrintable(daemon_->stderrText()));
        QCOMPARE(banOf("192.0.2.7"), listed);
        QVERIFY(!banOf("2001:db8::7").isEmpty());

        const HttpResult lifted = daemon_->operatorSend("DELETE", "/api/v1/bans/192.0.2.7");
        QCOMPARE(lifted.status, 200);
        QCOMPARE(lifted.json, (QJsonObject{{"unbanned", "192.0.2.7"}}));
        QVERIFY(waitListed("192.0.2.7", false));
        expectError(daemon_->operatorSend("DELETE", "/api/v1/bans/192.0.2.7"), 404, "ban_not_found");
        // The path takes any spelling of the address.
        QCOMPARE(daemon_->operatorSend("DELETE", "/api/v1/bans/2001:0db8::7").status, 200);
        QVERIFY(waitListed("2001:db8::7", false));
        QVERIFY(!banOf("198.51.100.7").isEmpty());
    }

    void expiredBanIsNotListed()
    {
        QCOMPARE(daemon_->operatorSend("POST", "/api/v1/bans", json({{"address", "192.0.2.8"}, {"seconds", 3}})).status, 201);
        QVERIFY(waitListed("192.0.2.8", true));
        QVERIFY(waitUntil([&] { return banOf("192.0.2.8").isEmpty(); }, 8000));
    }

    void badBanRequestsAreRejectedPrecisely()
    {
        expectBanRejected("{\"address\": ", 400, "malformed_json");
        expectBanRejected("", 400, "malformed_json");
        expectBanRejected("[\"192.0.2.9\"]", 400, "not_an_object");
        expectBanRejected("\"192.0.2.9\"", 400, "not_an_object");
        expectBanRejected(json({{"address", "192.0.2.9"}, {"minutes", 5}}), 400, "unknown_field");
        expectBanRejected(json({{"address", 3221225993LL}}), 400, "wrong_type");
        expectBanRejected(json({{"address", "192.0.2.9"}, {"seconds", "60"}}), 400, "wrong_type");
        expectBanRejected(json({{"address", "192.0.2.9"}, {"seconds", 1.5}}), 400, "wrong_type");
        expectBanRejected(json({{"address", "192.0.2.9"}, {"reason", 7}}), 400, "wrong_type");
        expectBanRejected(json({{"seconds", 60}}), 400, "missing_field");
        for (const char* address : {"192.0.2", "192.0.2.256", "0x7f.0.0.1", " 192.0.2.9", "example.com", "192.0.2.0/24",
                                    "fe80::1%eth0", "[::1]", "0.0.0.0", "::", ""})
            expectBanRejected(json({{"address", address}}), 400, "bad_address");
        expectBanRejected(json({{"address", "192.0.2.9"}, {"seconds", 0}}), 400, "bad_duration");
        expectBanRejected(json({{"address", "192.0.2.9"}, {"seconds", -60}}), 400, "bad_duration");
        expectBanRejected(json({{"address", "192.0.2.9"}, {"seconds", 10LL * 366 * 86400 + 1}}), 400, "bad_duration");
        expectBanRejected(json({{"address", "192.0.2.9"}, {"reason", QString(201, 'r')}}), 400, "reason_too_long");
        // The size limit is 16 KiB: one byte more is refused before parsing, the limit itself
        // reaches the validation (here of the over-long reason).
        expectBanRejected(banBodyOfSize(16 * 1024 + 1), 413, "body_too_large");
        expectBanRejected(banBodyOfSize(16 * 1024), 400, "reason_too_long");
        expectBanRejected(QByteArray(1 << 20, ' '), 413, "body_too_large");

        expectError(daemon_->operatorSend("DELETE", "/api/v1/bans/not-an-ip"), 400, "bad_address");
        expectError(daemon_->operatorSend("DELETE", "/api/v1/bans/192.0.2.99"), 404, "ban_not_found");
        // Nothing above banned anyone.
        QVERIFY(banOf("192.0.2.9").isEmpty());
        QVERIFY(banOf("192.0.2.50").isEmpty());
    }

    void unknownPeersAndBadIdsAreRejected()
    {
        expectError(daemon_->operatorSend("POST", "/api/v1/peers/" + QString(64, 'a') + "/disconnect"), 404, "peer_not_found");
        expectError(daemon_->operatorSend("POST", "/api/v1/peers/12345/disconnect"), 404, "peer_not_found");
        expectError(daemon_->operatorSend("POST", "/api/v1/peers/not-a-peer/disconnect"), 400, "malformed_peer_id");
        expectError(daemon_->operatorSend("POST", "/api/v1/peers/" + QString(63, 'a') + "/disconnect"), 400, "malformed_peer_id");
    }

    void wrongMethodsGet405WithAllowAndUnknownPaths404()
    {
        expectNotAllowed("PUT", "/api/v1/bans", "GET, POST");
        expectNotAllowed("DELETE", "/api/v1/bans", "GET, POST");
        expectNotAllowed("GET", "/api/v1/bans/192.0.2.7", "DELETE");
        expectNotAllowed("POST", "/api/v1/peers", "GET");
        expectNotAllowed("GET", "/api/v1/peers/1/disconnect", "POST");
        expectNotAllowed("POST", "/api/v1/status", "GET");
        expectNotAllowed("DELETE", "/api/v1/blocks/0", "GET");
        expectError(httpSend(port(), "GET", "/api/v1/nothing-here"), 404, "no_such_route");
        expectError(httpSend(port(), "POST", "/api/v1/bans/"), 404, "no_such_route");
        expectError(httpSend(port(), "POST", "/api/v1/peers/1/disconnect/now"), 404, "no_such_route");
    }
};

QTEST_GUILESS_MAIN(RestAdminTest)
#include "tst_rest_admin.moc"
