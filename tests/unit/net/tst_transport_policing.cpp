// The transport's limits on loopback: admission, connection counts, sizes, text, floods and
// peers that stop reading.
#include "TransportFixture.h"

#include "core/net/AcceptGate.h"

#include <QWebSocket>

using namespace pb::net;
using namespace pb::net::test;

namespace {

// A bare WebSocket client, for what a ConnectionManager would never send.
std::unique_ptr<QWebSocket> rawClient(quint16 port)
{
    auto socket = std::make_unique<QWebSocket>();
    socket->open(QUrl(QString("ws://127.0.0.1:%1%2").arg(port).arg(QLatin1StringView(kWebSocketPath))));
    return socket;
}

} // namespace

class TransportPolicingTest : public QObject {
    Q_OBJECT
private slots:
    void inboundLimitRefusesExtraConnectionsUntilOneCloses()
    {
        TransportLimits limits = loopbackLimits();
        limits.maxInbound = 2;
        limits.evictWhenFull = false;
        LoopbackPair pair(limits);
        const PeerId first = pair.dial();
        QVERIFY(pair.dial() != 0);
        const PeerId third = pair.dial();
        QCOMPARE(pair.serverEvents.opened.size(), size_t(2));
        // Refused after the handshake, with a reason the dialler can act on.
        QTRY_COMPARE(*pair.clientEvents.closedReason(third), QString("closed by peer: too many inbound connections (2)"));

        pair.client.disconnect(first, "making room");
        QTRY_COMPARE(pair.server.links().size(), size_t(1));
        QVERIFY(pair.dial() != 0);
        QCOMPARE(pair.serverEvents.opened.size(), size_t(3));
    }

    void perAddressLimitClosesExtraConnectionsAtAccept()
    {
        TransportLimits limits;
        limits.maxPerIp = 2;
        LoopbackPair pair(limits);
        pair.dial();
        pair.dial();
        const PeerId third = pair.dial();
        QCOMPARE(pair.serverEvents.opened.size(), size_t(2));
        // Closed at accept(), before any handshake: the dial fails rather than opening.
        QTRY_COMPARE(pair.clientEvents.dialFailures.size(), size_t(1));
        QVERIFY(!pair.clientEvents.wasOpened(third));
        QCOMPARE(pair.server.acceptGate()->refused(), quint64(1));
        QCOMPARE(pair.server.acceptGate()->live(), 2);
    }

    void fullInboundEvictsTheLeastUsefulPeer()
    {
        TransportLimits limits = loopbackLimits();
        limits.maxInbound = 4;
        limits.pingIntervalMs = 0;  // no round trips measured: only blocks and age protect
        LoopbackPair pair(limits);
        PeerId server[4] = {};
        PeerId client[4] = {};
        for (int i = 0; i < 4; ++i) {
            client[i] = pair.dial(&server[i]);
            QVERIFY(server[i] != 0);
            QTest::qWait(20);  // distinct connection times
        }
        // The second relayed a block; the first is the oldest of its group; the third is the
        // longer connected half of the rest. The fourth is the newest and has done nothing.
        pair.server.noteBlockRelayed(server[1]);
        PeerId newcomer = 0;
        pair.dial(&newcomer);
        QVERIFY(newcomer != 0);
        QTRY_VERIFY(pair.clientEvents.closedReason(client[3]).has_value());
        QVERIFY(pair.clientEvents.closedReason(client[3])->contains("evicted"));
        for (int i = 0; i < 3; ++i) QVERIFY(!pair.clientEvents.closedReason(client[i]).has_value());
        QTRY_COMPARE(pair.server.links().size(), size_t(4));
    }

    void admissionFilterRefusesBannedAddresses()
    {
        LoopbackPair pair;
        std::vector<QHostAddress> asked;
        bool banned = true;
        pair.server.setAdmissionFilter([&](const QHostAddress& address) {
            asked.push_back(address);
            return !banned;
        });
        const PeerId refused = pair.dial();
        QTRY_COMPARE(*pair.clientEvents.closedReason(refused), QString("closed by peer: address refused"));
        QVERIFY(pair.serverEvents.opened.empty());
        QCOMPARE(asked.size(), size_t(1));
        QCOMPARE(asked[0], QHostAddress(QHostAddress::LocalHost));

        banned = false;
        QVERIFY(pair.dial() != 0);
        QCOMPARE(pair.serverEvents.opened.size(), size_t(1));
    }

    void oversizedMessageIsMisbehaviourAndClosesTheLink()
    {
        TransportLimits small = loopbackLimits();
        small.maxFrameBytes = 1024;
        LoopbackPair pair(small);
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);
        pair.client.send(clientId, QByteArray(1024, 'k'));
        pair.client.send(clientId, QByteArray(2000, 'x'));

        QTRY_COMPARE(pair.serverEvents.closeCount(serverId), 1);
        QCOMPARE(pair.serverEvents.framesFrom(serverId).size(), size_t(1));
        QCOMPARE(pair.serverEvents.misbehaviour.size(), size_t(1));
        QCOMPARE(pair.serverEvents.misbehaviour[0].score, small.violationScore);
        QVERIFY2(pair.serverEvents.misbehaviour[0].reason.startsWith("WebSocket violation (code 1009"),
                 qPrintable(pair.serverEvents.misbehaviour[0].reason));
        QTRY_COMPARE(pair.clientEvents.closeCount(clientId), 1);
    }

    void oversizedSendIsRefusedLocally()
    {
        TransportLimits small = loopbackLimits();
        small.maxFrameBytes = 1024;
        LoopbackPair pair(loopbackLimits(), small);
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("not sending a 2000 byte frame"));
        pair.client.send(clientId, QByteArray(2000, 'x'));
        pair.client.send(clientId, "after");
        QTRY_COMPARE(pair.serverEvents.framesFrom(serverId).size(), size_t(1));
        QCOMPARE(pair.serverEvents.framesFrom(serverId)[0], QByteArray("after"));
        QCOMPARE(pair.client.linkInfo(clientId)->messagesOut, quint64(1));
    }

    void textMessageIsMisbehaviourButNotFatal()
    {
        LoopbackPair pair;
        auto raw = rawClient(pair.port);
        QTRY_COMPARE(raw->state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(pair.serverEvents.opened.size(), size_t(1));
        const PeerId serverId = pair.serverEvents.opened[0].id;

        raw->sendTextMessage("{\"t\": \"ping\"}");
        raw->sendBinaryMessage("binary still works");
        QTRY_COMPARE(pair.serverEvents.frames.size(), size_t(1));
        QCOMPARE(pair.serverEvents.misbehaviour.size(), size_t(1));
        QCOMPARE(pair.serverEvents.misbehaviour[0].peer, serverId);
        QCOMPARE(pair.serverEvents.misbehaviour[0].score, loopbackLimits().textFrameScore);
        QCOMPARE(pair.serverEvents.misbehaviour[0].reason, QString("sent a text message; the protocol is binary"));
        QCOMPARE(pair.serverEvents.frames[0].data, QByteArray("binary still works"));
        QVERIFY(pair.serverEvents.closed.empty());
    }

    void messageFloodIsReportedOnceThenDisconnected()
    {
        TransportLimits limits = loopbackLimits();
        limits.messagesPerSecond = 20;
        limits.floodDisconnectFactor = 4;
        limits.clockMs = [] { return qint64(0); };  // time stands still: the buckets never refill
        LoopbackPair pair(limits);
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);

        // 30 at once: the bucket holds 20, the rest are dropped and reported once.
        for (int i = 0; i < 30; ++i)
            pair.client.send(clientId, QByteArray::number(i));
        QTRY_COMPARE(pair.server.linkInfo(serverId)->messagesIn, quint64(30));
        QCOMPARE(pair.serverEvents.framesFrom(serverId).size(), size_t(20));
        QCOMPARE(pair.serverEvents.framesFrom(serverId)[0], QByteArray("0"));
        QCOMPARE(pair.serverEvents.framesFrom(serverId)[19], QByteArray("19"));
        QCOMPARE(pair.serverEvents.misbehaviour.size(), size_t(1));
        QCOMPARE(pair.serverEvents.misbehaviour[0].score, limits.floodScore);
        QCOMPARE(pair.serverEvents.misbehaviour[0].reason, QString("over the allowance of 20 messages/s; messages dropped"));
        QVERIFY(pair.serverEvents.closed.empty());

        // Keeping on until four times the allowance has been sent ends the link.
        for (int i = 0; i < 100; ++i)
            pair.client.send(clientId, "more");
        const QString flooding = "flooding: sent 4 times the allowance of 20 messages/s";
        QTRY_COMPARE(pair.serverEvents.closedReason(serverId).value_or(QString()), flooding);
        QCOMPARE(pair.serverEvents.misbehaviour.back().reason, flooding);
        QTRY_COMPARE(pair.clientEvents.closedReason(clientId).value_or(QString()), "closed by peer: " + flooding);
    }

    void requestedRepliesPassBeyondTheAllowance()
    {
        TransportLimits limits = loopbackLimits();
        limits.messagesPerSecond = 20;
        LoopbackPair pair(limits);
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);

        // The server asked for 30 replies: those and the allowance of 20 arrive, unreported.
        pair.server.expectReplies(serverId, 30);
        for (int i = 0; i < 50; ++i)
            pair.client.send(clientId, QByteArray::number(i));
        QTRY_COMPARE(pair.server.linkInfo(serverId)->messagesIn, quint64(50));
        QCOMPARE(pair.serverEvents.framesFrom(serverId).size(), size_t(50));
        QVERIFY(pair.serverEvents.misbehaviour.empty());
    }

    void byteFloodIsReported()
    {
        TransportLimits limits = loopbackLimits();
        limits.bytesPerSecond = 10000;
        limits.maxFrameBytes = 4096;
        limits.clockMs = [] { return qint64(0); };
        LoopbackPair pair(limits);
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);
        for (int i = 0; i < 6; ++i)
            pair.client.send(clientId, QByteArray(4000, char('0' + i)));
        QTRY_COMPARE(pair.server.linkInfo(serverId)->messagesIn, quint64(6));
        // The bucket holds 10000 bytes and time stands still: two messages pass.
        QCOMPARE(pair.serverEvents.framesFrom(serverId).size(), size_t(2));
        QCOMPARE(pair.serverEvents.misbehaviour.size(), size_t(1));
        QCOMPARE(pair.serverEvents.misbehaviour[0].reason, QString("over the allowance of 10000 bytes/s; messages dropped"));
    }

    void unreadSendBufferDropsTheLink()
    {
        TransportLimits limits = loopbackLimits();
        limits.maxSendBufferBytes = 100000;
        LoopbackPair pair(loopbackLimits(), limits);
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);
        // Sends are written out by the event loop, so a burst fills the buffer like a peer
        // that stopped reading would.
        for (int i = 0; i < 20; ++i)
            pair.client.send(clientId, QByteArray(10000, 'b'));
        QVERIFY(!pair.client.linkInfo(clientId));
        QTRY_COMPARE(pair.clientEvents.closedReason(clientId).value_or(QString()), QString("not reading: send buffer full"));
        QTRY_COMPARE(pair.serverEvents.closeCount(serverId), 1);
    }
};

QTEST_GUILESS_MAIN(TransportPolicingTest)
#include "tst_transport_policing.moc"
