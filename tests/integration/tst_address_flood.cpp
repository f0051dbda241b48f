// A hostile peer floods a real node (photoblocksd, its redis-server, loopback WebSockets) with
// 100,000 addresses, bad hosts among them, and 500 throwaway handshakes from one address. The
// node's address tables and its node catalogue stay within their bounds (read from /metrics),
// and it still dials a good peer another peer tells it about.
#include "DaemonProcess.h"
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/chain/NetworkParams.h"
#include "core/net/AddressTable.h"
#include "core/net/CatalogueKeeper.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"
#include "core/net/NodePack.h"
#include "tests/support/PrometheusFormat.h"

#include <QFile>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

namespace {

double metric(DaemonProcess& node, const QString& table)
{
    const HttpResult r = node.operatorGet("/metrics");
    return checkPrometheusText(QString::fromUtf8(r.body)).value("photoblocks_address_book_entries", {{"table", table}});
}

qint64 residentKiB(qint64 pid)
{
    QFile status(QString("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace

class AddressFloodTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir nodeDir_{"/tmp/pbXXXXXX"}, goodDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> node_, good_;
    const quint16 nodePort_ = freeLoopbackPort();
    const quint16 goodPort_ = freeLoopbackPort();

private slots:
    void initTestCase()
    {
        node_ = std::make_unique<DaemonProcess>(nodeDir_.path());
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(nodePort_)}), qPrintable(node_->stderrText()));
        // The good peer knows nobody (its one seed is a closed port): only a dial from the node
        // under attack can connect the two.
        good_ = std::make_unique<DaemonProcess>(goodDir_.path());
        QVERIFY2(good_->start({"--port", QString::number(goodPort_), "--seed", QString("127.0.0.1:%1").arg(freeLoopbackPort())}),
                 qPrintable(good_->stderrText()));
    }

    void cleanupTestCase()
    {
        QCOMPARE(good_->terminate(), 0);
        QCOMPARE(node_->terminate(), 0);
    }

    void addressFloodStaysBoundedAndAGoodPeerIsStillDialled()
    {
        const qint64 rssBefore = residentKiB(node_->pid());
        RawPeer hostile;
        QVERIFY(hostile.open("127.0.0.80", nodePort_, net::kWebSocketPath));
        const auto hostileKey = crypto::Ed25519Key::generate();
        QVERIFY(handshake(hostile, hostileKey, helloFrom(hostileKey)));
        // Loopback addresses all over 127/8 refuse at once; every tenth host cannot be dialled
        // at all (it used to stop all dialling when QUrl refused it).
        const QStringList badHosts = {"0.0.0.0", "224.1.2.3", "255.255.255.255", "::", "not a host", "a..b", "ff02::1"};
        QElapsedTimer flood;
        flood.start();
        int sent = 0;
        for (int message = 0; message < 100; ++message) {
            net::Peers peers;
            for (int i = 0; i < 1000; ++i, ++sent) {
                net::PeerAddress a;
                a.host = sent % 10 == 0 ? badHosts[(sent / 10) % badHosts.size()]
                                        : QString("127.%1.%2.%3").arg(1 + (sent >> 16) % 254).arg((sent >> 8) & 0xff).arg(sent & 0xff);
                a.port = quint16(20000 + sent % 40000);
                a.nodeId[0] = uint8_t(sent);
                a.nodeId[1] = uint8_t(sent >> 8);
                a.nodeId[2] = uint8_t(sent >> 16);
                a.type = "full";
                peers.peers.push_back(a);
            }
            hostile.sendFrame(net::encode(peers));
            QTest::qWait(20);  // 50 messages a second: under the transport's rate limits
        }
        QCOMPARE(sent, 100'000);

        // 500 throwaway handshakes from one address, each a fresh node id listening on a new port.
        for (int i = 0; i < 500; ++i) {
            RawPeer throwaway;
            bool opened = false;
            for (int attempt = 0; attempt < 50 && !opened; ++attempt)
                if (!(opened = throwaway.open("127.0.0.82", nodePort_, net::kWebSocketPath))) QTest::qWait(20);
            QVERIFY2(opened, qPrintable(QString("throwaway handshake %1 could not connect").arg(i)));
            const auto key = crypto::Ed25519Key::generate();
            QVERIFY(handshake(throwaway, key, helloFrom(key, networkByName("test")->genesisHash(), quint16(30000 + i))));
        }
        qInfo("flood sent in %lld ms", qint64(flood.elapsed()));

        // The flood and the handshakes came from one /24: together they hold one source's share.
        QVERIFY(waitUntil([&] { return metric(*node_, "catalogue") >= double(net::CatalogueKeeper::kMaxPerGroup); }, 15000));
        const double heardOf = metric(*node_, "new"), catalogue = metric(*node_, "catalogue");
        qInfo("after the flood: new %g, tried %g, catalogue %g; resident memory %lld -> %lld KiB", heardOf,
              metric(*node_, "tried"), catalogue, rssBefore, residentKiB(node_->pid()));
        QVERIFY2(heardOf <= double(net::AddressTable::kMaxNewPerSource), qPrintable(QString::number(heardOf)));
        QVERIFY2(catalogue <= double(net::CatalogueKeeper::kMaxPerGroup + 1), qPrintable(QString::number(catalogue)));

        // A peer in another /24 tells the node about the good peer, which it dials.
        RawPeer honest;
        QVERIFY(honest.open("127.1.0.1", nodePort_, net::kWebSocketPath));
        const auto honestKey = crypto::Ed25519Key::generate();
        QVERIFY(handshake(honest, honestKey, helloFrom(honestKey)));
        const auto goodId = hashFromHex(good_->status().value("nodeId").toString().toStdString());
        QVERIFY(goodId);
        net::PeerAddress good{"127.0.0.1", goodPort_, *goodId, "full", 0};
        QTest::qWait(300);
        honest.sendFrame(net::encode(net::Peers{{good}}));
        QVERIFY2(waitUntil([&] { return good_->status().value("peers").toInt() >= 1; }, 45000),
                 "the node never dialled the good peer");
        QVERIFY(waitUntil([&] { return metric(*node_, "tried") >= 1; }, 5000));
        QVERIFY(metric(*node_, "new") <= double(net::AddressTable::kMaxNewPerSource + 1));
    }
};

QTEST_GUILESS_MAIN(AddressFloodTest)
#include "tst_address_flood.moc"
