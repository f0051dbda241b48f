// A peer that joins a mining node late, at height 0, and syncs from it afterwards (getheaders,
// then getblocks) is known to have the blocks it was served (core/net/PeerHeights.h), so the
// node pushes it each new block whole instead of announcing it by inventory, which would cost
// the peer a headers and a block round trip per block. The late joiner is a raw peer here, so
// the test sees exactly which message each new block comes in.
#include "DaemonProcess.h"
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/chain/Block.h"
#include "core/chain/NetworkParams.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"

#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

class LateJoinerTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir nodeDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> node_;
    quint16 nodePort_ = freeLoopbackPort();
    const Hash256 genesis_ = networkByName("test")->genesisHash();

    bool mining(bool active)
    {
        return node_->operatorSend("POST", "/api/v1/mining", active ? R"({"active": true})" : R"({"active": false})").status == 200;
    }

private slots:
    void initTestCase()
    {
        node_ = std::make_unique<DaemonProcess>(nodeDir_.path());
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(nodePort_), "--mine"}), qPrintable(node_->stderrText()));
        QVERIFY(waitUntil([&] { return node_->status().value("height").toInt() >= 3; }, 30000));
        QVERIFY(mining(false));  // the chain holds still while the late joiner syncs
    }

    void cleanupTestCase() { QCOMPARE(node_->terminate(), 0); }

    void aPeerThatSyncedAfterJoiningGetsNewBlocksPushed()
    {
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.90", nodePort_, net::kWebSocketPath));
        const auto key = crypto::Ed25519Key::generate();
        QVERIFY(handshake(peer, key, helloFrom(key)));  // at height 0
        QTest::qWait(300);
        const int height = node_->status().value("height").toInt();

        // Headers-first sync from genesis, as a node that just started does.
        peer.sendFrame(net::encode(net::GetHeaders{{genesis_}, {}}));
        const auto headers = awaitMessage<net::Headers>(peer, 5000);
        QVERIFY(headers);
        QCOMPARE(int(headers->headers.size()), height);
        net::GetBlocks wanted;
        for (const Bytes& h : headers->headers) wanted.hashes.push_back(BlockHeader::parse(h.data(), h.size())->hash());
        peer.sendFrame(net::encode(wanted));
        for (int i = 0; i < height; ++i) QVERIFY(awaitMessage<net::BlockMessage>(peer, 5000));
        Hash256 tip = wanted.hashes.back();

        // Each new block comes whole, on the last one: never as inventory.
        QVERIFY(mining(true));
        for (int i = 0; i < 3; ++i) {
            std::optional<Block> block;
            bool announced = false;
            QVERIFY(waitUntil([&] {
                const auto frame = peer.readMessage(200);
                QString error;
                const auto message = frame ? net::decode(*frame, &error) : std::nullopt;
                if (const auto* inv = message ? std::get_if<net::Inventory>(&*message) : nullptr) announced = !inv->blocks.empty();
                if (const auto* pushed = message ? std::get_if<net::BlockMessage>(&*message) : nullptr) block = Block::parse(pushed->block);
                return announced || block.has_value();
            }, 20000));
            QVERIFY2(!announced, qPrintable(QString("new block %1 came as inventory, not pushed").arg(i)));
            QCOMPARE(block->header.prevHash, tip);
            tip = block->hash();
        }
        QVERIFY(mining(false));
    }
};

QTEST_GUILESS_MAIN(LateJoinerTest)
#include "tst_late_joiner.moc"
