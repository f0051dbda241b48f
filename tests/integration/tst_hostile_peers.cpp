// Peers that send garbage, oversized frames, the wrong network, forged or replayed node packs
// or invalid headers, or blocks claiming a label their photo does not show, are banned by IP,
// and the node keeps serving everyone else.
#include "DaemonProcess.h"
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/chain/NetworkParams.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"
#include "core/net/NodePack.h"
#include "core/crypto/Sha256.h"
#include "tests/support/SolveBlock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

class HostilePeersTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir nodeDir_{"/tmp/pbXXXXXX"}, friendDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> node_, friend_;
    quint16 nodePort_ = freeLoopbackPort();
    quint16 friendPort_ = freeLoopbackPort();
    const Hash256 genesis_ = networkByName("test")->genesisHash();

    bool banned(const QString& address)
    {
        for (const QJsonValue& b : node_->operatorGet("/api/v1/bans").json.value("bans").toArray())
            if (b.toObject().value("address").toString() == address) return true;
        return false;
    }

    void expectBanned(RawPeer& peer, const QString& source)
    {
        QVERIFY2(peer.waitForClose(5000), "the node kept a misbehaving peer connected");
        QVERIFY2(waitUntil([&] { return banned(source); }, 5000), qPrintable(source + " not banned"));
        RawPeer again;
        QVERIFY(!again.open(source, nodePort_, net::kWebSocketPath) || again.waitForClose(3000));
        // Everyone else is still served.
        QCOMPARE(httpGet(node_->restPort(), "/api/v1/status").status, 200);
        QVERIFY(waitUntil([&] { return friend_->status().value("peers").toInt() >= 1; }, 5000));
    }

private slots:
    void initTestCase()
    {
        node_ = std::make_unique<DaemonProcess>(nodeDir_.path());
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(nodePort_), "--mine"}), qPrintable(node_->stderrText()));
        friend_ = std::make_unique<DaemonProcess>(friendDir_.path());
        QVERIFY(friend_->start({"--port", QString::number(friendPort_), "--seed", QString("127.0.0.1:%1").arg(nodePort_)}));
        QVERIFY(waitUntil([&] { return friend_->status().value("peers").toInt() >= 1; }, 10000));
    }

    void cleanupTestCase()
    {
        QCOMPARE(friend_->terminate(), 0);
        QCOMPARE(node_->terminate(), 0);
    }

    void garbageIsBanned()
    {
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.66", nodePort_, net::kWebSocketPath));
        peer.sendFrame("this is not CBOR at all");
        peer.sendFrame(QByteArray(64, '\xff'));
        peer.sendFrame(QByteArray::fromHex("a2617601617478ff"));
        expectBanned(peer, "127.0.0.66");
    }

    void oversizedFrameIsBanned()
    {
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.67", nodePort_, net::kWebSocketPath));
        for (int i = 0; i < 3; ++i) peer.sendFrame(QByteArray(5 << 20, 'x'));
        expectBanned(peer, "127.0.0.67");
    }

    void wrongNetworkIsBanned()
    {
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.68", nodePort_, net::kWebSocketPath));
        const auto key = crypto::Ed25519Key::generate();
        peer.sendFrame(net::encode(helloFrom(key, networkByName("dev")->genesisHash())));
        expectBanned(peer, "127.0.0.68");
    }

    void forgedNodePackIsBanned()
    {
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.69", nodePort_, net::kWebSocketPath));
        const auto key = crypto::Ed25519Key::generate();
        net::Hello hello = helloFrom(key, genesis_);
        hello.pack.bestHeight = 999999;  // no longer what was signed
        peer.sendFrame(net::encode(hello));
        expectBanned(peer, "127.0.0.69");
    }

    void replayedNodePackIsBanned()
    {
        // Record the friend's signed pack and the proof it gives a stranger...
        RawPeer recorder;
        QVERIFY(recorder.open("127.0.0.73", friendPort_, net::kWebSocketPath));
        const auto strangerKey = crypto::Ed25519Key::generate();
        recorder.sendFrame(net::encode(helloFrom(strangerKey, genesis_)));
        const auto friendHello = awaitHello(recorder);
        QVERIFY(friendHello);
        std::optional<net::HelloProof> friendProof;
        QVERIFY(waitUntil([&] {
            const auto frame = recorder.readMessage(200);
            QString error;
            const auto message = frame ? net::decode(*frame, &error) : std::nullopt;
            if (const auto* proof = message ? std::get_if<net::HelloProof>(&*message) : nullptr) friendProof = *proof;
            return friendProof.has_value();
        }, 5000));
        // ...and replay both to the node as if we were the friend.
        RawPeer replayer;
        QVERIFY(replayer.open("127.0.0.74", nodePort_, net::kWebSocketPath));
        net::Hello replayed = *friendHello;
        replayed.nonce = 4242;
        replayer.sendFrame(net::encode(replayed));
        QVERIFY(awaitHello(replayer));
        replayer.sendFrame(net::encode(*friendProof));
        expectBanned(replayer, "127.0.0.74");
        // The node's record of the friend still points where the friend is.
        const QString friendId = QString::fromStdString(toHex(fromWire(friendHello->pack).id));
        bool found = false;
        for (const QJsonValue& n : httpGet(node_->restPort(), "/api/v1/nodes?limit=1000").json.value("nodes").toArray()) {
            if (n.toObject().value("id").toString() != friendId) continue;
            found = true;
            QCOMPARE(n.toObject().value("host").toString(), QString("127.0.0.1"));
        }
        QVERIFY(found);
    }

    void invalidHeaderIsBanned()
    {
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.70", nodePort_, net::kWebSocketPath));
        const auto key = crypto::Ed25519Key::generate();
        QVERIFY(handshake(peer, key, helloFrom(key, genesis_)));
        QTest::qWait(300);
        // A header on genesis whose hash is far above its target.
        BlockHeader header = networkByName("test")->genesisBlock().header;
        header.prevHash = genesis_;
        header.time += 1;
        const Uint256 target = *Uint256::fromCompact(header.bits);
        while (Uint256::fromBigEndian(header.hash()) <= target) ++header.nonce;
        const auto bytes = header.serialize();
        peer.sendFrame(net::encode(net::Headers{{Bytes(bytes.begin(), bytes.end())}}));
        expectBanned(peer, "127.0.0.70");
    }

    void invalidTransactionsAreBannedWhileUnaffordableOnesAreNot()
    {
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.72", nodePort_, net::kWebSocketPath));
        const auto key = crypto::Ed25519Key::generate();
        QVERIFY(handshake(peer, key, helloFrom(key, genesis_)));
        QTest::qWait(300);
        TransferTx t;
        t.network = genesis_;
        t.to.fill(0x21);
        t.amount = kCoin;
        t.fee = 2000;
        t.signWith(key);
        // An empty account's transfer is a race any honest peer can lose: no penalty.
        peer.sendFrame(net::encode(net::TransactionMessage{t.serialize()}));
        QVERIFY(!peer.waitForClose(1000));
        t.amount += 1;  // the signature no longer covers it
        peer.sendFrame(net::encode(net::TransactionMessage{t.serialize()}));
        peer.sendFrame(net::encode(net::TransactionMessage{Bytes(40, 1)}));
        expectBanned(peer, "127.0.0.72");
        QVERIFY2(node_->stderrText().contains("bad_signature"), qPrintable(node_->stderrText().right(2000)));
    }

    void forgedPhotoLabelIsBanned()
    {
        QFile dogFile("/usr/share/darknet/data/dog.jpg");
        QVERIFY2(dogFile.open(QIODevice::ReadOnly), "install darknet (scripts/test.sh does)");
        const QByteArray dogBytes = dogFile.readAll();
        const Bytes dog(dogBytes.begin(), dogBytes.end());
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.71", nodePort_, net::kWebSocketPath));
        const auto key = crypto::Ed25519Key::generate();
        QVERIFY(handshake(peer, key, helloFrom(key, genesis_)));
        // On the tip (a block forking below it would keep only its header, unjudged), so the
        // node stops mining and its tip holds still.
        QCOMPARE(node_->operatorSend("POST", "/api/v1/mining", R"({"active": false})").status, 200);
        QTest::qWait(300);
        const QJsonObject status = httpGet(node_->restPort(), "/api/v1/status").json;
        const auto tip = hashFromHex(status.value("tipHash").toString().toStdString());
        QVERIFY(tip);
        // A block claiming "cat" for a photo of a dog, mined at the photo target.
        const NetworkParams& test = *networkByName("test");
        CoinbaseTx coinbase;
        coinbase.height = uint64_t(status.value("height").toInteger()) + 1;
        coinbase.amount = test.blockReward;
        Block block;
        block.transactions.push_back(coinbase.serialize());
        block.photoHash = crypto::sha256(dog);
        block.label = "cat";
        block.header.version = BlockHeader::kVersion | BlockHeader::kLabelClaimFlag;
        block.header.prevHash = *tip;
        // Past the median time of the last blocks, which fast mining may have pushed a little
        // ahead of the clock; well within the test network's 2 h drift.
        block.header.time = uint64_t(QDateTime::currentSecsSinceEpoch()) + 600;
        block.header.bits = test.genesisBits;
        block.header.contentRoot = block.computeContentRoot();
        solve(block);
        peer.sendFrame(net::encode(net::BlockMessage{block.serialize(), dog}));
        expectBanned(peer, "127.0.0.71");
        QVERIFY2(node_->stderrText().contains("label_not_confirmed"), qPrintable(node_->stderrText().right(2000)));
        QCOMPARE(node_->operatorSend("POST", "/api/v1/mining", R"({"active": true})").status, 200);
    }

    void operatorCanLiftABan()
    {
        QVERIFY(banned("127.0.0.66"));
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(QString("http://127.0.0.1:%1/api/v1/bans/127.0.0.66").arg(node_->restPort())));
        request.setRawHeader("Authorization", "Bearer " + node_->operatorToken());
        QNetworkReply* reply = manager.deleteResource(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(waitUntil([&] { return !banned("127.0.0.66"); }, 5000));
        RawPeer peer;
        QVERIFY(peer.open("127.0.0.66", nodePort_, net::kWebSocketPath));
        QVERIFY(!peer.waitForClose(500));
        reply->deleteLater();
    }
};

QTEST_GUILESS_MAIN(HostilePeersTest)
#include "tst_hostile_peers.moc"
