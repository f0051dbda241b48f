// Compact blocks between two real nodes: A mines (its rewards paid to a key this test holds),
// the test sends transfers through B, which relays them to A's mempool; A's blocks carrying
// them reach B as compact blocks that B rebuilds from its own mempool, as B's log says, and
// the transfers confirm on both nodes.
#include "DaemonProcess.h"
#include "core/api/TransferJson.h"
#include "core/chain/NetworkParams.h"
#include "tests/unit/chain/BlockFixtures.h"

#include <QRegularExpression>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

namespace {

struct Node {
    QTemporaryDir dir{"/tmp/pbXXXXXX"};
    DaemonProcess daemon{dir.path()};
    quint16 port = freeLoopbackPort();

    QString log() const
    {
        QFile file(dir.filePath("node.log"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    QJsonObject account(const QString& address) { return httpGet(daemon.restPort(), "/api/v1/addresses/" + address).json; }
};

} // namespace

class CompactBlockRelayTest : public QObject {
    Q_OBJECT
private:
    Node a_, b_;
    const crypto::Ed25519Key key_ = test::keyFor(0x5C);
    const QString address_ = QString::fromStdString(crypto::encodeAddress(crypto::addressFromPublicKey(key_.publicKey())));

private slots:
    void initTestCase()
    {
        QVERIFY2(a_.daemon.start({"--mode", "head", "--port", QString::number(a_.port), "--reward-address", address_}),
                 qPrintable(a_.daemon.stderrText()));
        QVERIFY2(b_.daemon.start({"--port", QString::number(b_.port), "--seed", QString("127.0.0.1:%1").arg(a_.port)}),
                 qPrintable(b_.daemon.stderrText()));
        // Mining starts once B is connected, both at genesis: A then knows B's height and
        // pushes each new block to it from the first (a peer that joins late is pushed blocks
        // only once it has synced from A: core/net/PeerHeights.h).
        QVERIFY(waitUntil([&] { return httpGet(b_.daemon.restPort(), "/api/v1/status").json.value("peers").toInt() >= 1; }, 30000));
        QCOMPARE(a_.daemon.operatorSend("POST", "/api/v1/mining", R"({"active": true})").status, 200);
    }

    void cleanupTestCase()
    {
        QCOMPARE(b_.daemon.terminate(), 0);
        QCOMPARE(a_.daemon.terminate(), 0);
    }

    void blocksWithKnownTransfersReachTheOtherNodeCompact()
    {
        QVERIFY(waitUntil([&] { return b_.account(address_).value("balance").toInteger() >= qint64(kCoin); }, 60000));
        static const QRegularExpression rebuilt("rebuilt from a compact block: (\\d+) of (\\d+) transfers from the mempool");
        const auto rebuiltFromMempool = [&] {
            auto it = rebuilt.globalMatch(b_.log());
            while (it.hasNext()) {
                const auto m = it.next();
                if (m.captured(1).toInt() >= 1 && m.captured(1) == m.captured(2)) return true;
            }
            return false;
        };
        crypto::AddressHash to;
        to.fill(0x42);
        uint64_t nonce = 0;
        const auto sendOne = [&] {
            const TransferTx tx = test::signedTransfer(key_, to, 1000, 1000, nonce, networkByName("test")->genesisHash());
            const HttpResult r = httpSend(b_.daemon.restPort(), "POST", "/api/v1/tx", QJsonDocument(api::transferToJson(tx)).toJson());
            if (r.status == 202) ++nonce;
            return rebuiltFromMempool();
        };
        // A block holding transfers B had in its mempool, pushed while B was one block behind:
        // with the miner this fast, within a few transfers.
        QVERIFY2(waitUntil(sendOne, 60000), qPrintable(b_.log().right(3000)));
        QVERIFY(nonce >= 1);
        QVERIFY(!b_.log().contains("malformed compact block"));
        QVERIFY(!a_.log().contains("malformed compact block"));
        // Everything sent confirms on both nodes.
        QVERIFY(waitUntil([&] {
            return a_.account(address_).value("nonce").toInteger() == qint64(nonce)
                && b_.account(address_).value("nonce").toInteger() == qint64(nonce);
        }, 60000));
    }
};

QTEST_GUILESS_MAIN(CompactBlockRelayTest)
#include "tst_compact_block_relay.moc"
