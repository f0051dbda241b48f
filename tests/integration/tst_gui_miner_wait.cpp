// The Mining and Overview pages say why a running miner has no work, over a real engine (test
// network, embedded Redis) in the real window (offscreen). A raw peer shows the node the headers
// of an 80-block chain and holds the bodies back: mining started then waits for initial sync
// (BlockProducer::pausedFor), and both pages say so with how far behind the chain is. Once the
// peer hands over the bodies the chain catches up, mining resumes and the line goes. The clock
// wait (block times ahead of the clock) cannot be brought about in a test's minute: the page is
// given a snapshot that says so, and the same without numbers for the sync wait.
// Screenshot: screenshots/mining-waits-for-sync.png.
#include "RawHandshake.h"
#include "RawPeer.h"
#include "core/chain/NetworkParams.h"
#include "core/net/ConnectionManager.h"
#include "core/net/MessageCodec.h"
#include "tests/support/Screenshots.h"
#include "tests/support/SolveBlock.h"
#include "tests/support/WindowOverNode.h"
#include "ui/MiningControls.h"
#include "ui/MiningPage.h"
#include "ui/OverviewPage.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <optional>

using namespace pb;

namespace {

constexpr quint64 kPeerHeight = 80;  // 64 or more above the node's genesis tip: far behind

// The "Why mining waits" line inside `page`, which is shown only while it says something.
QLabel* pauseLine(QWidget* page)
{
    for (QLabel* label : page->findChildren<QLabel*>())
        if (label->accessibleName() == "Why mining waits") return label;
    return nullptr;
}

} // namespace

class GuiMinerWaitTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<Node> node_;
    std::unique_ptr<ui::MainWindow> window_;
    std::vector<Block> chain_;  // the peer's blocks, heights 1..kPeerHeight
    test::RawPeer peer_;
    std::optional<net::GetBlocks> heldBack_;  // the node's first request for the bodies

    ui::MiningPage* mining() { return window_->miningPage(); }

private slots:
    void initTestCase()
    {
        test::keepSettingsIn(dir_.filePath("settings"));
        test::WindowOverNode made = test::windowOverNode(test::headNodeConfig(dir_.filePath("node")));
        node_ = std::move(made.node);
        window_ = std::move(made.window);
        QVERIFY(test::startNode(*node_));
        QTRY_VERIFY_WITH_TIMEOUT(mining()->controls()->button()->isEnabled(), 5000);
        window_->showPage(ui::MainWindow::MiningIndex);

        const NetworkParams& net = *networkByName("test");
        Hash256 prev = net.genesisHash();
        crypto::AddressHash payTo;
        payTo.fill(0x7E);
        for (quint64 height = 1; height <= kPeerHeight; ++height) {
            chain_.push_back(test::coinbaseBlockOn(net, prev, height, net.genesisTime + 60 * height, payTo));
            prev = chain_.back().hash();
        }
    }

    void cleanupTestCase()
    {
        window_.reset();
        if (node_) node_->stop();
    }

    void bothPagesSayTheMinerWaitsForSyncAndHowFarBehind()
    {
        QVERIFY(mining()->controls()->pauseText().isEmpty());
        QVERIFY(pauseLine(mining())->isHidden());

        net::Headers headers;
        for (const Block& block : chain_) {
            const auto h = block.header.serialize();
            headers.headers.emplace_back(h.begin(), h.end());
        }
        QVERIFY(peer_.open("127.0.0.93", node_->status().peerPort, net::kWebSocketPath));
        const auto key = crypto::Ed25519Key::generate();
        QVERIFY(test::handshake(peer_, key, test::helloFrom(key)));
        peer_.sendFrame(net::encode(headers));
        // Stored (more work than the tip): the node asks for the bodies, held back until the next
        // test (within the node's 20 s download timeout).
        heldBack_ = test::awaitMessage<net::GetBlocks>(peer_, 10000);
        QVERIFY(heldBack_);
        QTRY_COMPARE_WITH_TIMEOUT(node_->status().bestHeaderHeight, kPeerHeight, 5000);

        QTest::mouseClick(mining()->controls()->button(), Qt::LeftButton);
        const QString expected = "Waiting for the chain to sync before mining (80 block(s) behind)";
        QTRY_COMPARE_WITH_TIMEOUT(mining()->controls()->pauseText(), expected, 10000);
        QVERIFY(!pauseLine(mining())->isHidden());
        QCOMPARE(node_->status().miningPausedFor, QString("initial_sync"));
        QCOMPARE(node_->status().height, quint64(0));
        // The Overview's mining controls say the same.
        QCOMPARE(pauseLine(window_->overview())->text(), expected);
        QVERIFY(!pauseLine(window_->overview())->isHidden());
        test::saveScreenshot(window_.get(), "mining-waits-for-sync");
    }

    void theLineGoesOnceTheChainCaughtUpAndMiningResumed()
    {
        // Answer the held-back request, then every further one until the chain has caught up.
        QVERIFY(heldBack_);
        std::map<Hash256, const Block*> byHash;
        for (const Block& block : chain_) byHash[block.hash()] = &block;
        const auto serve = [&](const net::GetBlocks& request) {
            for (const Hash256& hash : request.hashes)
                if (const auto found = byHash.find(hash); found != byHash.end())
                    peer_.sendFrame(net::encode(net::BlockMessage{found->second->serialize(), {}}));
        };
        serve(*heldBack_);
        QElapsedTimer timer;
        timer.start();
        while (node_->status().height < kPeerHeight && timer.elapsed() < 30000)
            if (const auto request = test::awaitMessage<net::GetBlocks>(peer_, 500)) serve(*request);
        QVERIFY2(node_->status().height >= kPeerHeight, qPrintable(QString::number(node_->status().height)));

        // Caught up: the miner works again, mines on the tip, and neither page shows a reason.
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().height > kPeerHeight, 20000);
        QVERIFY(node_->status().mining);
        QVERIFY(node_->status().miningPausedFor.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(mining()->controls()->pauseText().isEmpty(), 5000);
        QVERIFY(pauseLine(mining())->isHidden());
        QVERIFY(pauseLine(window_->overview())->isHidden());

        QTest::mouseClick(mining()->controls()->button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!node_->status().mining, 5000);
    }

    void snapshotsOfTheOtherWaitsShowTheirReasonAndAClearedOneNone()
    {
        NodeStatus paused = node_->status();
        QVERIFY(!paused.mining);
        paused.mining = true;
        paused.miningThreads = 1;
        paused.miningPausedFor = "clock";
        mining()->refresh(paused);
        QCOMPARE(mining()->controls()->pauseText(), QString("Waiting: the newest blocks are ahead of this computer's clock"));
        QVERIFY(!pauseLine(mining())->isHidden());

        // A sync wait without a better header known than the tip has no count to give.
        paused.miningPausedFor = "initial_sync";
        paused.bestHeaderHeight = paused.height;
        mining()->refresh(paused);
        QCOMPARE(mining()->controls()->pauseText(), QString("Waiting for the chain to sync before mining"));

        paused.miningPausedFor.clear();
        mining()->refresh(paused);
        QVERIFY(mining()->controls()->pauseText().isEmpty());
        QVERIFY(pauseLine(mining())->isHidden());
    }
};

QTEST_MAIN(GuiMinerWaitTest)
#include "tst_gui_miner_wait.moc"
