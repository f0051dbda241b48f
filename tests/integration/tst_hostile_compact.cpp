// Raw peers attack a real node (test network, mining, an honest node following it) with compact
// block messages (protocol 3, core/net/CompactBlock.h): skeletons that do not decode cost 20
// each and a reject, so five get the sender banned while the honest node keeps getting blocks;
// a getblocktxn for a block the node lacks is answered notfound for free, one naming a
// position past the block's transfers costs 20; and a flood of valid-looking compact blocks
// whose transfers nobody has keeps at most two waiting per peer: each one past that gives the
// oldest up for its full block. See docs/security-model.md and docs/propagation.md (Bounds).
#include "DaemonProcess.h"
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/chain/NetworkParams.h"
#include "core/net/CompactBlockRelay.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"
#include "tests/support/SolveBlock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

namespace {

// What the node sends `peer` until `enough` says so of what came, or `timeoutMs` has passed.
std::vector<net::Message> receiveUntil(RawPeer& peer, const std::function<bool(const std::vector<net::Message>&)>& enough, int timeoutMs)
{
    std::vector<net::Message> found;
    QElapsedTimer timer;
    timer.start();
    while (!enough(found) && timer.elapsed() < timeoutMs) {
        const auto frame = peer.readMessage(int(timeoutMs - timer.elapsed()));
        if (!frame) break;
        QString error;
        if (const auto message = net::decode(*frame, &error)) found.push_back(*message);
    }
    return found;
}

template <class T>
std::vector<T> only(const std::vector<net::Message>& messages)
{
    std::vector<T> found;
    for (const net::Message& m : messages)
        if (const T* t = std::get_if<T>(&m)) found.push_back(*t);
    return found;
}

// The messages of type T the node sends `peer` until `count` have come or `timeoutMs` passed.
template <class T>
std::vector<T> receive(RawPeer& peer, size_t count, int timeoutMs)
{
    return only<T>(receiveUntil(peer, [count](const std::vector<net::Message>& m) { return only<T>(m).size() >= count; }, timeoutMs));
}

} // namespace

class HostileCompactTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir nodeDir_{"/tmp/pbXXXXXX"}, friendDir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<DaemonProcess> node_, friend_;
    quint16 nodePort_ = freeLoopbackPort();
    const Hash256 genesis_ = networkByName("test")->genesisHash();

    bool banned(const QString& address)
    {
        for (const QJsonValue& b : node_->operatorGet("/api/v1/bans").json.value("bans").toArray())
            if (b.toObject().value("address").toString() == address) return true;
        return false;
    }
    // The misbehaviour score of the connected peer from `address`; -1 when none is connected.
    int score(const QString& address)
    {
        for (const QJsonValue& p : node_->operatorGet("/api/v1/peers").json.value("peers").toArray())
            if (p.toObject().value("address").toString().startsWith(address)) return p.toObject().value("misbehaviour").toInt();
        return -1;
    }
    // The node publishes its peer table now and then: true once it shows `address` at `expected`.
    bool scoreBecomes(const QString& address, int expected)
    {
        return waitUntil([&] { return score(address) == expected; }, 5000);
    }
    bool handshakeFrom(RawPeer& peer, const QString& source)
    {
        if (!peer.open(source, nodePort_, net::kWebSocketPath)) return false;
        const auto key = crypto::Ed25519Key::generate();
        if (!handshake(peer, key, helloFrom(key))) return false;
        QTest::qWait(300);
        return true;
    }

private slots:
    void initTestCase()
    {
        node_ = std::make_unique<DaemonProcess>(nodeDir_.path());
        QVERIFY2(node_->start({"--mode", "head", "--port", QString::number(nodePort_), "--mine"}), qPrintable(node_->stderrText()));
        friend_ = std::make_unique<DaemonProcess>(friendDir_.path());
        QVERIFY(friend_->start({"--port", QString::number(freeLoopbackPort()), "--seed", QString("127.0.0.1:%1").arg(nodePort_)}));
        QVERIFY(waitUntil([&] { return friend_->status().value("peers").toInt() >= 1; }, 10000));
    }

    void cleanupTestCase()
    {
        QCOMPARE(friend_->terminate(), 0);
        QCOMPARE(node_->terminate(), 0);
    }

    void undecodableSkeletonsAreRejectedAndTheFifthBans()
    {
        RawPeer peer;
        QVERIFY(handshakeFrom(peer, "127.0.0.80"));
        const int friendHeight = friend_->status().value("height").toInt();
        const net::CompactBlock malformed{Bytes{0x01, 0x02, 0x03}, 7, {0x123456}};
        for (int i = 0; i < 4; ++i) peer.sendFrame(net::encode(malformed));
        const auto rejects = receive<net::Reject>(peer, 4, 3000);
        QCOMPARE(rejects.size(), size_t(4));
        for (const net::Reject& r : rejects) QCOMPARE(r.code, QString("malformed_compact_block"));
        QVERIFY(scoreBecomes("127.0.0.80", 4 * net::CompactBlockRelay::kMalformedScore));
        peer.sendFrame(net::encode(malformed));
        QVERIFY2(peer.waitForClose(5000), "the node kept a peer sending malformed compact blocks");
        QVERIFY(waitUntil([&] { return banned("127.0.0.80"); }, 5000));
        // The honest node connected all along still follows the mining node.
        QVERIFY2(waitUntil([&] { return friend_->status().value("height").toInt() > friendHeight; }, 30000),
                 "the honest peer stopped getting blocks");
        QVERIFY(friend_->status().value("peers").toInt() >= 1);
    }

    void getBlockTransactionsForAnUnknownBlockOrPastItsTransfersDoesNoHarm()
    {
        RawPeer peer;
        QVERIFY(handshakeFrom(peer, "127.0.0.81"));
        Hash256 unknown{};
        unknown.fill(0xEE);
        peer.sendFrame(net::encode(net::GetBlockTransactions{unknown, {0, 1}}));
        const auto notFound = receive<net::NotFound>(peer, 1, 3000);
        QCOMPARE(notFound.size(), size_t(1));
        QCOMPARE(notFound[0].hashes, std::vector<Hash256>{unknown});
        // Genesis holds only its coinbase: there is no transfer 0 to ask for.
        peer.sendFrame(net::encode(net::GetBlockTransactions{genesis_, {0, 65535}}));
        const auto rejects = receive<net::Reject>(peer, 1, 3000);
        QCOMPARE(rejects.size(), size_t(1));
        QCOMPARE(rejects[0].code, QString("malformed_compact_block"));
        // Only the second cost it: a block we lack may be pruned or reorganised away, no fault.
        QVERIFY(scoreBecomes("127.0.0.81", net::CompactBlockRelay::kMalformedScore));
        QVERIFY(!peer.waitForClose(300));
        QCOMPARE(httpGet(node_->restPort(), "/api/v1/status").status, 200);
    }

    void compactBlocksWaitingForUnknownTransfersStayAtTwoPerPeer()
    {
        RawPeer peer;
        QVERIFY(handshakeFrom(peer, "127.0.0.82"));
        // Valid-looking: coinbase-only skeletons meeting the test network's proof of work, each
        // naming one transfer no mempool holds.
        constexpr size_t kFlood = 8;
        std::vector<Hash256> sent;
        const auto now = uint64_t(QDateTime::currentSecsSinceEpoch());
        for (size_t i = 0; i < kFlood; ++i) {
            crypto::AddressHash payTo;
            payTo.fill(uint8_t(0x30 + i));
            const Block skeleton = coinbaseBlockOn(*networkByName("test"), genesis_, 1, now + i, payTo);
            sent.push_back(skeleton.hash());
            peer.sendFrame(net::encode(net::CompactBlock{skeleton.serialize(), quint64(i), {0xABCDEF000000ull + quint64(i)}}));
        }
        // Each is asked for its transfer; from the third on, the oldest waiting is given up for
        // its full block, so never more than two are held.
        constexpr size_t kGivenUp = kFlood - net::CompactBlockRelay::kMaxPendingPerPeer;
        const auto answers = receiveUntil(peer, [&](const std::vector<net::Message>& m) {
            return only<net::GetBlockTransactions>(m).size() >= kFlood && only<net::GetBlocks>(m).size() >= kGivenUp;
        }, 5000);
        const auto asked = only<net::GetBlockTransactions>(answers);
        QCOMPARE(asked.size(), size_t(kFlood));
        for (size_t i = 0; i < asked.size(); ++i) QCOMPARE(asked[i].block, sent[i]);
        const auto fullBlocks = only<net::GetBlocks>(answers);
        QCOMPARE(fullBlocks.size(), kGivenUp);
        for (size_t i = 0; i < fullBlocks.size(); ++i) QCOMPARE(fullBlocks[i].hashes, std::vector<Hash256>{sent[i]});
        // Valid-looking ones cost their sender nothing (proof of work makes them dear): one
        // malformed skeleton after them brings its score to exactly 20.
        peer.sendFrame(net::encode(net::CompactBlock{Bytes{0x01}, 0, {}}));
        QCOMPARE(receive<net::Reject>(peer, 1, 3000).size(), size_t(1));
        QVERIFY(scoreBecomes("127.0.0.82", net::CompactBlockRelay::kMalformedScore));
        QVERIFY(!peer.waitForClose(300));
    }
};

QTEST_GUILESS_MAIN(HostileCompactTest)
#include "tst_hostile_compact.moc"
