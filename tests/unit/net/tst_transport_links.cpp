// Two ConnectionManagers on loopback: opening, delivery, counters, closing and dialling.
#include "TransportFixture.h"

#include <QTcpServer>
#include <QWebSocket>

using namespace pb::net;
using namespace pb::net::test;

class TransportLinksTest : public QObject {
    Q_OBJECT
private slots:
    void opensBothSidesWithDirectionAndAddress()
    {
        LoopbackPair pair;
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);
        QVERIFY(clientId != 0);
        QVERIFY(serverId != 0);

        const LinkInfo& out = pair.clientEvents.opened.at(0);
        QCOMPARE(out.id, clientId);
        QCOMPARE(out.direction, Direction::Outbound);
        QCOMPARE(out.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(out.port, pair.port);
        QVERIFY(out.connectedAtMs > 0);

        const LinkInfo& in = pair.serverEvents.opened.at(0);
        QCOMPARE(in.direction, Direction::Inbound);
        QCOMPARE(in.address, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(in.port != 0 && in.port != pair.port);

        QCOMPARE(pair.client.links().size(), size_t(1));
        QCOMPARE(pair.server.links().size(), size_t(1));
        QVERIFY(!pair.client.linkInfo(clientId + 1000));
    }

    void dialsByHostName()
    {
        LoopbackPair pair;
        const PeerId id = pair.client.connectTo("localhost", pair.port);
        QTRY_VERIFY(pair.clientEvents.wasOpened(id));
        QCOMPARE(pair.clientEvents.opened[0].address, QHostAddress(QHostAddress::LocalHost));
    }

    void deliversFramesInOrderBothWaysAndCountsThem()
    {
        LoopbackPair pair;
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);
        QVERIFY(serverId != 0);

        std::vector<QByteArray> up, down;
        quint64 upBytes = 0, downBytes = 0;
        for (int i = 0; i < 50; ++i) {
            up.push_back(QByteArray(1 + i * 997 % 70000, char('a' + i % 26)) + QByteArray::number(i));
            down.push_back(QByteArray::number(i) + QByteArray(i * 13, '\0'));
            upBytes += quint64(up.back().size());
            downBytes += quint64(down.back().size());
            pair.client.send(clientId, up.back());
            pair.server.send(serverId, down.back());
        }
        QTRY_COMPARE(pair.serverEvents.framesFrom(serverId).size(), up.size());
        QTRY_COMPARE(pair.clientEvents.framesFrom(clientId).size(), down.size());
        QVERIFY(pair.serverEvents.framesFrom(serverId) == up);
        QVERIFY(pair.clientEvents.framesFrom(clientId) == down);

        const LinkInfo client = *pair.client.linkInfo(clientId);
        const LinkInfo server = *pair.server.linkInfo(serverId);
        QCOMPARE(client.messagesOut, quint64(50));
        QCOMPARE(client.bytesOut, upBytes);
        QCOMPARE(client.messagesIn, quint64(50));
        QCOMPARE(client.bytesIn, downBytes);
        QCOMPARE(server.messagesIn, client.messagesOut);
        QCOMPARE(server.bytesIn, client.bytesOut);
        QCOMPARE(server.messagesOut, client.messagesIn);
        QCOMPARE(server.bytesOut, client.bytesIn);
        QVERIFY(pair.serverEvents.misbehaviour.empty());
    }

    void disconnectReasonReachesThePeerAndCloseIsReportedLater()
    {
        LoopbackPair pair;
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);

        pair.client.disconnect(clientId, "shutting down for maintenance");
        // Not from inside the call: the protocol may still be using its peer state.
        QVERIFY(pair.clientEvents.closed.empty());
        QVERIFY(!pair.client.linkInfo(clientId));
        pair.client.send(clientId, "dropped");  // harmless after close

        QTRY_COMPARE(pair.clientEvents.closeCount(clientId), 1);
        QCOMPARE(*pair.clientEvents.closedReason(clientId), QString("shutting down for maintenance"));
        QTRY_COMPARE(pair.serverEvents.closeCount(serverId), 1);
        QCOMPARE(*pair.serverEvents.closedReason(serverId), QString("closed by peer: shutting down for maintenance"));
        QVERIFY(pair.serverEvents.frames.empty());
        QVERIFY(pair.server.links().empty());
        QTest::qWait(50);
        QCOMPARE(pair.clientEvents.closeCount(clientId), 1);
    }

    void disconnectingFromInsideAFrameHandlerStopsDelivery()
    {
        LoopbackPair pair;
        PeerId serverId = 0;
        const PeerId clientId = pair.dial(&serverId);
        pair.serverEvents.onFrame = [&](PeerId peer, const QByteArray&) { pair.server.disconnect(peer, "bye"); };

        for (int i = 0; i < 5; ++i)
            pair.client.send(clientId, QByteArray::number(i));
        QTRY_COMPARE(pair.clientEvents.closeCount(clientId), 1);
        QTRY_COMPARE(pair.serverEvents.closeCount(serverId), 1);
        QCOMPARE(pair.serverEvents.frames.size(), size_t(1));
        QCOMPARE(*pair.serverEvents.closedReason(serverId), QString("bye"));
        QCOMPARE(*pair.clientEvents.closedReason(clientId), QString("closed by peer: bye"));
    }

    void dialToAClosedPortFailsQuickly()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();

        LinkRecorder events;
        ConnectionManager manager(loopbackLimits());
        manager.setEvents(&events);
        QElapsedTimer timer;
        timer.start();
        const PeerId id = manager.connectTo("127.0.0.1", closedPort);
        QVERIFY(id != 0);
        QVERIFY(events.dialFailures.empty());  // never from inside connectTo
        QTRY_COMPARE_WITH_TIMEOUT(events.dialFailures.size(), size_t(1), 2000);
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(events.dialFailures[0].host, QString("127.0.0.1"));
        QCOMPARE(events.dialFailures[0].port, closedPort);
        QVERIFY2(events.dialFailures[0].reason.contains("refused", Qt::CaseInsensitive),
                 qPrintable(events.dialFailures[0].reason));
        QVERIFY(events.opened.empty());
        QCOMPARE(manager.pendingDials(), size_t(0));
        QTest::qWait(50);
        QCOMPARE(events.dialFailures.size(), size_t(1));
    }

    void dialsThatCannotStartReturnZero()
    {
        ConnectionManager manager;
        QCOMPARE(manager.connectTo("", 7000), PeerId(0));
        QCOMPARE(manager.connectTo("127.0.0.1", 0), PeerId(0));
    }

    void silentServerTimesOutAndPendingDialsAreCapped()
    {
        // Accepts TCP connections but never answers the WebSocket handshake.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        TransportLimits limits = loopbackLimits();
        limits.connectTimeoutMs = 300;
        limits.maxPendingDials = 2;
        LinkRecorder events;
        ConnectionManager manager(limits);
        manager.setEvents(&events);

        QVERIFY(manager.connectTo("127.0.0.1", silent.serverPort()) != 0);
        QVERIFY(manager.connectTo("127.0.0.1", silent.serverPort()) != 0);
        QCOMPARE(manager.connectTo("127.0.0.1", silent.serverPort()), PeerId(0));
        QTRY_COMPARE_WITH_TIMEOUT(events.dialFailures.size(), size_t(2), 3000);
        QCOMPARE(events.dialFailures[0].reason, QString("no connection within 300 ms"));
        QCOMPARE(events.dialFailures[1].reason, QString("no connection within 300 ms"));
        QCOMPARE(manager.pendingDials(), size_t(0));
        QVERIFY(manager.connectTo("127.0.0.1", silent.serverPort()) != 0);
    }

    void closeAllClosesLinksAndCancelsDials()
    {
        LoopbackPair pair;
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        PeerId serverId = 0;
        const PeerId linkId = pair.dial(&serverId);
        const PeerId dialId = pair.client.connectTo("127.0.0.1", silent.serverPort());
        QVERIFY(dialId != 0);

        pair.client.closeAll("node stopping");
        QCOMPARE(pair.client.pendingDials(), size_t(0));
        QVERIFY(pair.client.links().empty());
        QTRY_COMPARE(pair.clientEvents.closeCount(linkId), 1);
        QTRY_COMPARE(pair.clientEvents.dialFailures.size(), size_t(1));
        QCOMPARE(pair.clientEvents.dialFailures[0].reason, QString("cancelled: node stopping"));
        QTRY_COMPARE(*pair.serverEvents.closedReason(serverId), QString("closed by peer: node stopping"));
        QVERIFY(!pair.clientEvents.wasOpened(dialId));
    }

    void destroyingTheManagerClosesLinksSilently()
    {
        LinkRecorder serverEvents, clientEvents;
        ConnectionManager server(loopbackLimits());
        server.setEvents(&serverEvents);
        const quint16 port = server.listen(QHostAddress::LocalHost, 0, nullptr);
        auto client = std::make_unique<ConnectionManager>(loopbackLimits());
        client->setEvents(&clientEvents);
        const PeerId id = client->connectTo("127.0.0.1", port);
        QTRY_VERIFY(clientEvents.wasOpened(id));
        client->connectTo("127.0.0.1", port);
        client.reset();
        QTRY_COMPARE(serverEvents.closed.size(), size_t(1));
        QVERIFY(clientEvents.closed.empty());
        QVERIFY(clientEvents.dialFailures.empty());
    }

    void wrongResourcePathIsRefused()
    {
        LoopbackPair pair;
        QWebSocket raw;
        raw.open(QUrl(QString("ws://127.0.0.1:%1/elsewhere").arg(pair.port)));
        QTRY_COMPARE(raw.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(raw.closeReason(), QString("unknown resource /elsewhere, expected /photoblocks/v1"));
        QVERIFY(pair.serverEvents.opened.empty());
    }

    void listeningTwiceOrOnABusyPortFails()
    {
        ConnectionManager first, second;
        QString error;
        const quint16 port = first.listen(QHostAddress::LocalHost, 0, &error);
        QVERIFY(port != 0);
        QCOMPARE(first.listen(QHostAddress::LocalHost, 0, &error), quint16(0));
        QCOMPARE(error, QString("already listening"));
        QCOMPARE(second.listen(QHostAddress::LocalHost, port, &error), quint16(0));
        QVERIFY2(error.startsWith(QString("cannot listen on 127.0.0.1 port %1: ").arg(port)), qPrintable(error));
        first.stopListening();
        QVERIFY(!first.isListening());
        QCOMPARE(second.listen(QHostAddress::LocalHost, port, &error), port);
    }
};

QTEST_GUILESS_MAIN(TransportLinksTest)
#include "tst_transport_links.moc"
