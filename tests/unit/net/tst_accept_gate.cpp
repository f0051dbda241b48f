// AcceptGate on a real loopback listener: caps in total, per address and per /24 applied at
// accept(), slots freed when connections close, and a listener that runs out of descriptors
// pauses instead of spinning and resumes once descriptors are back.
#include "core/net/AcceptGate.h"
#include "tests/support/SocketFlood.h"

#include <QDir>
#include <QTcpSocket>
#include <QtTest>

#include <sys/resource.h>

using namespace pb::net;
using namespace pb::test;

namespace {

struct Listener {
    explicit Listener(AcceptLimits limits) : gate(limits), server(&gate, nullptr)
    {
        server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server, &QTcpServer::newConnection, [this] {
            while (server.hasPendingConnections()) accepted.push_back(server.nextPendingConnection());
        });
    }
    AcceptGate gate;
    GatedServer<QTcpServer> server;
    std::vector<QTcpSocket*> accepted;
};

int openDescriptors() { return int(QDir("/proc/self/fd").entryList(QDir::NoDotAndDotDot | QDir::System).size()); }

} // namespace

class AcceptGateTest : public QObject {
    Q_OBJECT
private slots:
    void capsApplyAtAcceptAndFreeOnClose()
    {
        AcceptLimits limits;
        limits.maxConnections = 4;
        limits.maxPerAddress = 2;
        limits.maxPerSubnet = 3;
        Listener l(limits);
        SocketFlood a, b, c;
        a.open("127.0.40.1", l.server.serverPort(), 3);  // two admitted, the address cap
        b.open("127.0.40.2", l.server.serverPort(), 3);  // one more, the /24 cap
        c.open("127.0.41.1", l.server.serverPort(), 3);  // one more, the total cap
        QTRY_COMPARE(int(l.gate.refused()), 5);
        QCOMPARE(l.gate.live(), 4);
        QCOMPARE(int(l.accepted.size()), 4);
        // Refused connections see the close; admitted ones stay open.
        QTRY_COMPARE(a.stillOpen() + b.stillOpen() + c.stillOpen(), 4);
        // A closed connection gives its slot back.
        l.accepted.front()->abort();
        QCOMPARE(l.gate.live(), 3);
        SocketFlood d;
        d.open("127.0.42.1", l.server.serverPort(), 1);
        QTRY_COMPARE(l.gate.live(), 4);
    }

    void runningOutOfDescriptorsPausesInsteadOfSpinning()
    {
        AcceptLimits limits;
        limits.maxConnections = 1000;
        limits.maxPerAddress = 1000;
        limits.maxPerSubnet = 1000;
        limits.resumeDelayMs = 200;
        Listener l(limits);
        SocketFlood flood;
        QCOMPARE(flood.open("127.0.43.1", l.server.serverPort(), 20), 20);
        // Leave the process no descriptor to accept with.
        rlimit saved{};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
        rlimit tight = saved;
        tight.rlim_cur = rlim_t(openDescriptors());
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &tight) == 0);
        QTest::qWait(1000);
        const quint64 shortages = l.gate.descriptorShortages();
        const size_t acceptedWhileShort = l.accepted.size();
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &saved) == 0);
        QVERIFY2(shortages >= 1, "accept() never ran out of descriptors");
        // A spinning listener retries thousands of times a second; a paused one a few times.
        QVERIFY2(shortages <= 20, qPrintable(QString::number(shortages)));
        // Each pause drained one connection from the backlog with the spare descriptor; the
        // rest are accepted once descriptors are back.
        QTRY_VERIFY(l.accepted.size() > acceptedWhileShort);
        QTRY_VERIFY(l.accepted.size() + l.gate.descriptorShortages() >= 20);
        QVERIFY(l.accepted.size() <= 20);
    }
};

QTEST_GUILESS_MAIN(AcceptGateTest)
#include "tst_accept_gate.moc"
