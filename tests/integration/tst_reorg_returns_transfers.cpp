// A transfer confirmed in a block that a heavier branch undoes returns to the node's mempool,
// survives a restart there (the mempool is in Redis) and is mined again, with the coinbase
// claiming reward + fee. Blocks are built here and pushed through a raw peer connection.
#include "DaemonProcess.h"
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/api/TransferJson.h"
#include "core/chain/NetworkParams.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"
#include "core/net/NodePack.h"
#include "tests/support/SolveBlock.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

namespace {

const NetworkParams& testNet() { return *networkByName("test"); }

crypto::Ed25519Key keyFor(uint8_t b)
{
    std::array<uint8_t, 32> seed;
    seed.fill(b);
    return crypto::Ed25519Key::fromRawPrivate(seed);
}

Block blockOn(const Hash256& prev, uint64_t height, const crypto::AddressHash& payTo, const std::vector<Bytes>& transfers = {},
              uint64_t fees = 0, uint64_t salt = 0)
{
    CoinbaseTx coinbase;
    coinbase.height = height;
    coinbase.to = payTo;
    coinbase.amount = testNet().blockReward + fees;
    Block b;
    b.transactions.push_back(coinbase.serialize());
    b.transactions.insert(b.transactions.end(), transfers.begin(), transfers.end());
    b.header.version = BlockHeader::kVersion;
    b.header.prevHash = prev;
    b.header.time = testNet().genesisTime + height * 10 + salt;  // salt: a different block at the same height
    b.header.bits = testNet().genesisBits;
    b.header.contentRoot = b.computeContentRoot();
    solve(b);
    return b;
}

QString addressText(const crypto::AddressHash& a) { return QString::fromStdString(crypto::encodeAddress(a)); }

} // namespace

class ReorgTransfersTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> node_;
    quint16 port_ = freeLoopbackPort();

    qint64 balance(const crypto::AddressHash& a)
    {
        return httpGet(node_->restPort(), "/api/v1/addresses/" + addressText(a)).json.value("balance").toInteger(-1);
    }
    QJsonObject tx(const Hash256& id) { return httpGet(node_->restPort(), "/api/v1/tx/" + QString::fromStdString(toHex(id))).json; }

private slots:
    void undoneTransferReturnsSurvivesARestartAndConfirmsAgain()
    {
        node_ = std::make_unique<DaemonProcess>(dir_.path());
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(port_)}), qPrintable(node_->stderrText()));
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.1", port_, net::kWebSocketPath));
        const auto peerKey = crypto::Ed25519Key::generate();
        QVERIFY(handshake(peer, peerKey, helloFrom(peerKey)));
        QTest::qWait(300);

        const auto sender = keyFor(0x31);
        const auto senderAddress = crypto::addressFromPublicKey(sender.publicKey());
        crypto::AddressHash recipient, other;
        recipient.fill(0x52);
        other.fill(0x53);
        std::vector<Block> common;
        Hash256 prev = testNet().genesisHash();
        for (uint64_t h = 1; h <= 3; ++h) {
            common.push_back(blockOn(prev, h, senderAddress));
            prev = common.back().hash();
            peer.sendFrame(net::encode(net::BlockMessage{common.back().serialize(), {}}));
        }
        QVERIFY2(waitUntil([&] { return node_->height() == 3; }, 10000), qPrintable(node_->stderrText().right(2000)));
        QCOMPARE(balance(senderAddress), qint64(3 * kCoin));

        TransferTx t;
        t.network = testNet().genesisHash();
        t.to = recipient;
        t.amount = kCoin;
        t.fee = 5000;
        t.nonce = 0;
        t.signWith(sender);
        const Bytes raw = t.serialize();
        const Hash256 id = txId(raw);
        const HttpResult submitted = httpSend(node_->restPort(), "POST", "/api/v1/tx", QJsonDocument(api::transferToJson(t)).toJson());
        QVERIFY2(submitted.status == 202, submitted.body.constData());
        QCOMPARE(tx(id).value("status").toString(), QString("pending"));

        const Block withTransfer = blockOn(prev, 4, other, {raw}, t.fee);
        peer.sendFrame(net::encode(net::BlockMessage{withTransfer.serialize(), {}}));
        QVERIFY(waitUntil([&] { return tx(id).value("status").toString() == "confirmed"; }, 10000));
        QCOMPARE(balance(recipient), qint64(kCoin));
        QCOMPARE(httpGet(node_->restPort(), "/api/v1/mempool").json.value("count").toInt(), 0);

        // A heavier branch from block 3 without the transfer.
        const Block b4 = blockOn(prev, 4, other, {}, 0, 1);
        const Block b5 = blockOn(b4.hash(), 5, other);
        // b4 alone only ties the tip, so the node keeps its header; b5 makes the branch lead, and
        // the node then asks us for b4's body, which we answer (sent again until it arrives as
        // the answer rather than before the request).
        peer.sendFrame(net::encode(net::BlockMessage{b4.serialize(), {}}));
        peer.sendFrame(net::encode(net::BlockMessage{b5.serialize(), {}}));
        QVERIFY2(waitUntil([&] {
                     if (node_->status().value("tipHash").toString() == QString::fromStdString(toHex(b5.hash()))) return true;
                     peer.sendFrame(net::encode(net::BlockMessage{b4.serialize(), {}}));
                     return false;
                 }, 10000),
                 qPrintable(node_->stderrText().right(2000)));
        QCOMPARE(tx(id).value("status").toString(), QString("pending"));
        QCOMPARE(balance(recipient), qint64(0));
        QCOMPARE(balance(senderAddress), qint64(3 * kCoin));
        QCOMPARE(httpGet(node_->restPort(), "/api/v1/addresses/" + addressText(senderAddress)).json.value("nonce").toInt(), 0);

        // Restarted as a miner, the node finds it in Redis and mines it.
        QCOMPARE(node_->terminate(), 0);
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(port_), "--mine"}), qPrintable(node_->stderrText()));
        QVERIFY2(waitUntil([&] { return tx(id).value("status").toString() == "confirmed"; }, 20000),
                 qPrintable(node_->stderrText().right(2000)));
        const QJsonObject confirmed = tx(id);
        QVERIFY(confirmed.value("height").toInt() >= 6);
        QCOMPARE(balance(recipient), qint64(kCoin));
        const QJsonObject block = httpGet(node_->restPort(), "/api/v1/blocks/" + confirmed.value("blockHash").toString()).json;
        const QJsonArray txs = block.value("transactions").toArray();
        QCOMPARE(txs.size(), 2);
        QCOMPARE(txs[0].toObject().value("amount").toInteger(), qint64(kCoin + 5000));
        QCOMPARE(txs[1].toObject().value("id").toString(), QString::fromStdString(toHex(id)));
        QCOMPARE(node_->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(ReorgTransfersTest)
#include "tst_reorg_returns_transfers.moc"
