// The Peers page with several real peers (four engines on the test network, embedded Redis,
// loopback): one selected peer is shown in detail, grouped, with hints against the others;
// disconnect acts on exactly the selected peers; ban acts on every selected peer's host after
// one dialog; the ban list folds away; an address typed in is banned. Screenshots go to
// build/screenshots.
#include "core/node/Node.h"
#include "core/wallet/Keystore.h"
#include "tests/support/Screenshots.h"
#include "ui/BanDialog.h"
#include "ui/BanTableModel.h"
#include "ui/LocaleFormat.h"
#include "ui/MainWindow.h"
#include "ui/PeerDetailView.h"
#include "ui/PeerTableModel.h"
#include "ui/PeersPage.h"

#include <QApplication>
#include <QDateTime>
#include <QGroupBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

namespace {

pb::NodeConfig testConfig(const QString& dataDir)
{
    pb::NodeConfig config;
    config.network = "test";
    config.dataDir = dataDir;
    config.logToStderr = false;
    config.port = 0;
    return config;
}

QPushButton* buttonNamed(QWidget* parent, const QString& accessibleName)
{
    for (auto* button : parent->findChildren<QPushButton*>())
        if (button->accessibleName() == accessibleName) return button;
    return nullptr;
}

// Answers the next modal dialog (after optionally typing into its address box).
void acceptNextDialog(QObject* context, const QString& target = {})
{
    QTimer::singleShot(0, context, [target] {
        auto* dialog = qobject_cast<pb::ui::BanDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        if (!target.isEmpty() && dialog->targetBox()) dialog->targetBox()->setText(target);
        dialog->accept();
    });
}

} // namespace

class GuiPeersTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<pb::Node> node_;
    std::vector<std::unique_ptr<pb::Node>> peers_;
    std::unique_ptr<pb::ui::MainWindow> window_;

    pb::ui::PeersPage* page() { return window_->peersPage(); }
    QSet<quint64> connectionIds()
    {
        QSet<quint64> ids;
        for (const pb::PeerInfo& p : node_->peers()) ids.insert(p.connectionId);
        return ids;
    }
    // Selects the view rows of these connections (and only them).
    void selectConnections(const QSet<quint64>& ids)
    {
        QTableView* view = page()->peerView();
        view->clearSelection();
        for (int row = 0; row < page()->peerProxy()->rowCount(); ++row) {
            const QModelIndex source = page()->peerProxy()->mapToSource(page()->peerProxy()->index(row, 0));
            if (ids.contains(page()->peerModel()->peerAt(source.row()).connectionId))
                view->selectionModel()->select(page()->peerProxy()->index(row, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

private slots:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.filePath("settings"));
        QApplication::setOrganizationName("photoblocks-test");
        QApplication::setQuitOnLastWindowClosed(false);
        pb::NodeConfig config = testConfig(dir_.filePath("head"));
        config.mode = pb::NodeMode::Head;
        node_ = pb::createNode(config);
        window_ = std::make_unique<pb::ui::MainWindow>(*node_, pb::wallet::Keystore::fileIn(config.dataDir));
        window_->resize(1200, 800);
        window_->show();
        window_->showPage(pb::ui::MainWindow::PeersIndex);
        QSignalSpy started(node_.get(), &pb::Node::started);
        node_->start();
        QVERIFY(started.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().peerPort != 0, 5000);
        node_->startMining(1);
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().height >= 3, 60000);
        node_->stopMining();
        for (int i = 0; i < 3; ++i) {
            pb::NodeConfig peerConfig = testConfig(dir_.filePath(QString("peer%1").arg(i)));
            peerConfig.seeds = {QString("127.0.0.1:%1").arg(node_->status().peerPort)};
            peers_.push_back(pb::createNode(peerConfig));
            QSignalSpy peerStarted(peers_.back().get(), &pb::Node::started);
            peers_.back()->start();
            QVERIFY(peerStarted.wait(30000));
        }
        QTRY_VERIFY_WITH_TIMEOUT(page()->peerModel()->rowCount() == 3, 30000);
    }

    void cleanupTestCase()
    {
        window_.reset();
        for (auto& peer : peers_) peer->stop();
        if (node_) node_->stop();
    }

    void detailPaneShowsOneSelectedPeerGrouped()
    {
        const pb::PeerInfo first = node_->peers().first();
        selectConnections({first.connectionId});
        pb::ui::PeerDetailView* detail = page()->detailView();
        QTRY_COMPARE_WITH_TIMEOUT(detail->title()->text(), QString("Peer %1").arg(first.address), 5000);
        QStringList groups;
        for (auto* box : detail->findChildren<QGroupBox*>()) groups << box->title();
        QCOMPARE(groups, (QStringList{"Identity", "Connection", "Sync", "Traffic", "Misbehaviour"}));
        // Height relative to ours, ping relative to the median of the three.
        QTRY_VERIFY_WITH_TIMEOUT(detail->heightValue()->text().contains("at our tip")
                                     || detail->heightValue()->text().contains("behind us"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(detail->pingValue()->text().contains("median"), 60000);  // pings every 15 s
        QCOMPARE(detail->misbehaviourValue()->text(), QString("0: well behaved"));
        pb::test::saveScreenshot(window_.get(), "peers-detail");

        page()->peerView()->selectAll();
        QTRY_COMPARE_WITH_TIMEOUT(detail->title()->text(), QString("3 peers selected"), 5000);
    }

    void disconnectActsOnExactlyTheSelectedPeers()
    {
        const QList<quint64> before = connectionIds().values();
        QCOMPARE(before.size(), 3);
        const QSet<quint64> chosen{before[0], before[1]};
        selectConnections(chosen);
        QCOMPARE(page()->peerView()->selectionModel()->selectedRows().size(), 2);
        buttonNamed(page(), "Disconnect the selected peers")->click();
        QCOMPARE(page()->messageLabel()->text(), QString("Disconnecting 2 of 2 selected peer(s)."));
        QTRY_VERIFY_WITH_TIMEOUT(!connectionIds().contains(before[0]) && !connectionIds().contains(before[1]), 15000);
        QVERIFY(connectionIds().contains(before[2]));  // not selected: still connected
    }

    void banActsOnEveryHostOfTheSelection()
    {
        page()->refresh();
        page()->peerView()->selectAll();
        QVERIFY(!page()->peerView()->selectionModel()->selectedRows().isEmpty());
        acceptNextDialog(this);
        const qint64 clickedAt = QDateTime::currentSecsSinceEpoch();
        buttonNamed(page(), "Ban the selected peers")->click();
        // All peers are on 127.0.0.1: one host, banned once.
        QTRY_COMPARE_WITH_TIMEOUT(node_->bans().size(), 1, 5000);
        const pb::BanInfo ban = node_->bans().first();
        QCOMPARE(ban.address, QString("127.0.0.1"));
        QVERIFY2(ban.bannedAt >= clickedAt && ban.bannedAt <= QDateTime::currentSecsSinceEpoch(), qPrintable(QString::number(ban.bannedAt)));
        QCOMPARE(page()->messageLabel()->text(), QString("Banned 127.0.0.1."));
        QTRY_COMPARE_WITH_TIMEOUT(node_->peers().size(), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(page()->banModel()->rowCount(), 1, 5000);
        QCOMPARE(page()->banBox()->title(), QString("Banned addresses (1)"));
        // The list shows when the ban was set and why.
        const auto* model = page()->banModel();
        QCOMPARE(model->headerData(pb::ui::BanTableModel::BannedAt, Qt::Horizontal, Qt::DisplayRole).toString(), QString("Banned at"));
        QCOMPARE(model->index(0, pb::ui::BanTableModel::BannedAt).data().toString(),
                 pb::ui::dateTimeText(QDateTime::fromSecsSinceEpoch(ban.bannedAt)));
        QCOMPARE(model->index(0, pb::ui::BanTableModel::Reason).data().toString(), ban.reason);
        QVERIFY(!ban.reason.isEmpty());
    }

    void anAddressTypedInIsBannedAndTheListFolds()
    {
        acceptNextDialog(this, "192.0.2.7");
        buttonNamed(page(), "Ban an address or subnet")->click();
        QTRY_COMPARE_WITH_TIMEOUT(node_->bans().size(), 2, 5000);
        QCOMPARE(page()->messageLabel()->text(), QString("Banned 192.0.2.7."));
        // A malformed address is refused with the node's reason, nothing banned.
        acceptNextDialog(this, "not-an-address");
        buttonNamed(page(), "Ban an address or subnet")->click();
        QVERIFY2(page()->messageLabel()->text().startsWith("Cannot ban not-an-address: "), qPrintable(page()->messageLabel()->text()));
        QCOMPARE(node_->bans().size(), 2);

        QTRY_COMPARE_WITH_TIMEOUT(page()->banModel()->rowCount(), 2, 5000);
        pb::test::saveScreenshot(window_.get(), "peers-bans");
        page()->banBox()->setChecked(false);
        QVERIFY(!page()->banView()->isVisible());
        page()->banBox()->setChecked(true);
        QVERIFY(page()->banView()->isVisible());
    }
};

QTEST_MAIN(GuiPeersTest)
#include "tst_gui_peers.moc"
