// RequestDeadlines on real loopback sockets, with short deadlines and a minimal HTTP responder
// standing in for QHttpServer: idle and slow-header (slowloris) connections are aborted, an
// honest keep-alive client is served request after request.
#include "core/api/RequestDeadlines.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace pb::api;

namespace {

// Answers every request whose header is complete; deadlines watch each accepted socket first.
struct Responder {
    explicit Responder(RequestDeadlineSettings settings) : deadlines(settings)
    {
        server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* s = server.nextPendingConnection()) {
                deadlines.watch(s);
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(s, &QTcpSocket::readyRead, s, [s, buffer] {
                    *buffer += s->readAll();
                    while (buffer->contains("\r\n\r\n")) {
                        buffer->remove(0, buffer->indexOf("\r\n\r\n") + 4);
                        s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
                    }
                });
            }
        });
    }
    QTcpServer server;
    RequestDeadlines deadlines;
};

RequestDeadlineSettings shortDeadlines()
{
    RequestDeadlineSettings s;
    s.headerMs = 400;
    s.requestMs = 2000;
    s.idleMs = 800;
    return s;
}

} // namespace

class RequestDeadlinesTest : public QObject {
    Q_OBJECT
private slots:
    void idleConnectionIsClosed()
    {
        Responder r(shortDeadlines());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, r.server.serverPort());
        QVERIFY(client.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(r.deadlines.aborted(), quint64(1));
    }

    void trickledHeaderIsClosedAtTheHeaderDeadline()
    {
        Responder r(shortDeadlines());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, r.server.serverPort());
        QVERIFY(client.waitForConnected(5000));
        client.write("GET / HTTP/1.1\r\n");
        QElapsedTimer clock;
        clock.start();
        // One header line every 50 ms keeps the connection busy but never finishes the header.
        while (client.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 10000) {
            client.write("X-Slow: 1\r\n");
            QTest::qWait(50);
        }
        QCOMPARE(client.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(r.deadlines.aborted(), quint64(1));
    }

    void keepAliveClientIsServedRepeatedly()
    {
        Responder r(shortDeadlines());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, r.server.serverPort());
        QVERIFY(client.waitForConnected(5000));
        QByteArray answers;
        for (int i = 0; i < 4; ++i) {
            client.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_VERIFY_WITH_TIMEOUT((answers += client.readAll()).count("200 OK") == i + 1, 5000);
            QTest::qWait(300);  // idle between requests, within the idle deadline
        }
        QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(r.deadlines.aborted(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(RequestDeadlinesTest)
#include "tst_request_deadlines.moc"
