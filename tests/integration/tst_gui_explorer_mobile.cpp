// The chain explorer's transfer and address views and the Mobile page, over a real engine on
// the test network with its REST API on loopback: a transfer made with the engine's façade
// is found by its id and by both addresses, with links back to its block; the Mobile page's
// pairing code is traded for a device token over HTTP, the device is listed, and Revoke makes
// the token fail; with the German setting the window speaks German. The address view and the
// Mobile page are rendered to PNG files in the build tree (screenshots/).
#include "core/api/ApiService.h"
#include "core/crypto/Address.h"
#include "core/node/Node.h"
#include "DaemonProcess.h"
#include "core/wallet/Keystore.h"
#include "tests/support/Screenshots.h"
#include "tests/support/WindowOverNode.h"
#include "tests/unit/chain/BlockFixtures.h"
#include "ui/AddressView.h"
#include "ui/BlockDetailView.h"
#include "ui/BlockListModel.h"
#include "core/wallet/Coins.h"
#include "ui/ChainPage.h"
#include "ui/GuiSettings.h"
#include "ui/MainWindow.h"
#include "ui/MiningJobModel.h"
#include "ui/MobilePage.h"
#include "ui/SettingsPage.h"
#include "ui/Translations.h"
#include "ui/TransferView.h"
#include "ui/WalletPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QSpinBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace pb;

namespace {

QString labelText(QWidget* parent, const QString& accessibleName)
{
    for (QLabel* label : parent->findChildren<QLabel*>())
        if (label->accessibleName() == accessibleName) return label->text();
    return "(no label " + accessibleName + ")";
}

} // namespace

class GuiExplorerMobileTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<Node> node_;
    std::unique_ptr<api::ApiService> api_;
    std::unique_ptr<ui::MainWindow> window_;
    quint16 restPort_ = 0;
    const crypto::Ed25519Key sender_ = test::keyFor(21);  // the node's rewards go here
    const QString senderAddress_ = test::addressOf(sender_);
    const QString receiverAddress_ = test::addressOf(test::keyFor(22));
    TransactionInfo transfer_;

    ui::ChainPage* chain() { return window_->chainPage(); }
    ui::MobilePage* mobile() { return window_->mobilePage(); }

    // Waits until the chain page shows `view` having loaded; fails with the page's message.
    bool shows(QWidget* view)
    {
        return QTest::qWaitFor([&] { return chain()->shownView() == view; }, 10000);
    }

private slots:
    void initTestCase()
    {
        test::keepSettingsIn(dir_.filePath("settings"));
        test::WindowOverNode made = test::windowOverNode(test::headNodeConfig(dir_.filePath("node"), senderAddress_));
        node_ = std::move(made.node);
        window_ = std::move(made.window);
        QVERIFY(test::startNode(*node_));

        api::RestSettings rest;
        rest.devicesFile = dir_.filePath("node/devices.json");
        api_ = std::make_unique<api::ApiService>(*node_);
        QString error;
        restPort_ = api_->start(rest, &error);
        QVERIFY2(restPort_ != 0, qPrintable(error));
        QVERIFY(api_->pairingDesk());
        mobile()->setApi(api_->pairingDesk(), restPort_, false);

        // Coins for the sender, then one transfer, confirmed in a block.
        node_->startMining(1);
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().height >= 3, 60000);
        const Bytes raw = test::signedTransfer(sender_, *crypto::decodeAddress(receiverAddress_.toStdString()),
                                               kCoin / 2, 2000, 0).serialize();
        QueryError submitError;
        const auto submitted = node_->submitTransfer(QByteArray(reinterpret_cast<const char*>(raw.data()), int(raw.size())),
                                                     &submitError);
        QVERIFY2(submitted, qPrintable(submitError.message));
        QTRY_VERIFY_WITH_TIMEOUT(node_->transaction(submitted->id, &submitError)->status == "confirmed", 30000);
        node_->stopMining();
        QTRY_VERIFY_WITH_TIMEOUT(!node_->status().mining, 5000);
        transfer_ = *node_->transaction(submitted->id, &submitError);
        // The block list follows the status snapshots, which may trail storage a little.
        QTRY_VERIFY_WITH_TIMEOUT(chain()->model()->rowForHeight(transfer_.height) >= 0, 10000);
        window_->showPage(ui::MainWindow::ChainIndex);
    }

    void cleanupTestCase()
    {
        window_.reset();
        api_.reset();
        if (node_) node_->stop();
    }

    void searchByTransferIdShowsTheTransferAndLinksToItsBlock()
    {
        chain()->search(transfer_.id.toUpper());
        QVERIFY2(shows(chain()->transferView()), qPrintable(chain()->message()));
        const auto shown = chain()->transferView()->transfer();
        QCOMPARE(shown->id, transfer_.id);
        ui::TransferView* view = chain()->transferView();
        QCOMPARE(labelText(view, "Transfer type"), QString("transfer"));
        QCOMPARE(labelText(view, "Sender"), senderAddress_);
        QCOMPARE(labelText(view, "Recipient"), receiverAddress_);
        QCOMPARE(labelText(view, "Amount"), QString("0.50000000"));
        QCOMPARE(labelText(view, "Fee"), QString("0.00002000"));
        QCOMPARE(labelText(view, "Transfer nonce"), QString("0"));
        QCOMPARE(labelText(view, "Transfer status"), QString("confirmed in block %1").arg(transfer_.height));

        QTest::mouseClick(view->blockButton(), Qt::LeftButton);
        QVERIFY2(shows(chain()->detail()), qPrintable(chain()->message()));
        QCOMPARE(chain()->detail()->block()->hash, transfer_.blockHash);
        QTRY_COMPARE_WITH_TIMEOUT(chain()->view()->currentIndex().data(ui::BlockListModel::HeightRole).toULongLong(),
                                  transfer_.height, 10000);
    }

    void unknownIdsAndTextGetAMessageInPlace()
    {
        chain()->search(QString(64, 'e'));
        QTRY_VERIFY_WITH_TIMEOUT(chain()->message().startsWith("No block has this hash and no transfer this id"), 10000);
        QCOMPARE(chain()->shownView(), chain()->detail());
        chain()->search("pb1notanaddress");
        QTRY_VERIFY_WITH_TIMEOUT(!chain()->message().startsWith("Looking up"), 10000);
        QVERIFY2(!chain()->message().isEmpty(), "an invalid address needs a message");
        chain()->search("hello");
        QVERIFY(chain()->message().startsWith("Type a block height"));
    }

    void searchByAddressShowsBalanceNonceAndHistory()
    {
        chain()->search(receiverAddress_);
        QVERIFY2(shows(chain()->addressView()), qPrintable(chain()->message()));
        ui::AddressView* view = chain()->addressView();
        QCOMPARE(view->account()->address, receiverAddress_);
        QCOMPARE(view->balanceText(), QString("0.50000000"));
        QCOMPARE(view->history()->topLevelItemCount(), 1);
        QTreeWidgetItem* received = view->history()->topLevelItem(0);
        QCOMPARE(received->text(ui::AddressView::Direction), QString("received"));
        QCOMPARE(received->text(ui::AddressView::Counterparty), senderAddress_);
        QCOMPARE(received->text(ui::AddressView::Amount), QString("+0.50000000"));
        QCOMPARE(received->text(ui::AddressView::Block), QString::number(transfer_.height));

        chain()->search(senderAddress_);
        QTRY_COMPARE_WITH_TIMEOUT(view->account()->address, senderAddress_, 10000);
        QueryError error;
        const auto account = node_->account(senderAddress_, &error);
        QVERIFY(account);
        QCOMPARE(view->balanceText(), wallet::formatCoins(account->balance));
        QCOMPARE(labelText(view, "Address nonce"), QString("1 confirmed, next transfer uses 1"));
        QList<QTreeWidgetItem*> sent = view->history()->findItems("sent", Qt::MatchExactly, ui::AddressView::Direction);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first()->text(ui::AddressView::Amount), QString("−0.50000000"));
        QVERIFY(view->history()->topLevelItemCount() >= 4);  // the transfer and the coinbases
        pb::test::saveScreenshot(window_.get(), "address");

        // Enter on a history row goes to its block.
        view->history()->setFocus();
        view->history()->setCurrentItem(sent.first());
        QTest::keyClick(view->history(), Qt::Key_Return);
        QVERIFY2(shows(chain()->detail()), qPrintable(chain()->message()));
        QCOMPARE(chain()->detail()->block()->hash, transfer_.blockHash);
    }

    // A transfer or address view can link to a block the list has not caught up with yet:
    // its row is selected as soon as the list grows to it.
    void blockNewerThanTheListIsSelectedOnceListed()
    {
        ui::ChainPage page(*node_);
        const NodeStatus status = node_->status();
        QVERIFY(status.height >= 2);
        NodeStatus behind = status;
        behind.height = status.height - 2;
        page.refresh(behind);
        QueryError error;
        const auto tip = node_->findBlock(QString::number(status.height), &error);
        QVERIFY(tip);
        QSignalSpy loaded(page.detail(), &ui::BlockDetailView::loaded);
        page.search(tip->hash);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.detail()->block()->height, status.height);
        QVERIFY(!page.view()->currentIndex().isValid());
        page.refresh(status);
        QCOMPARE(page.view()->currentIndex().row(), page.model()->rowForHeight(status.height));
    }

    void mobilePagePairsAPhoneListsItAndRevokesIt()
    {
        window_->showPage(ui::MainWindow::MobileIndex);
        QVERIFY2(mobile()->apiStateText().contains(QString("port %1").arg(restPort_)), qPrintable(mobile()->apiStateText()));
        QVERIFY(mobile()->pairButton()->isEnabled());
        QTest::mouseClick(mobile()->pairButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!mobile()->pairingUrl().isEmpty(), 10000);
        const QString code = mobile()->pairingCode();
        QVERIFY2(QRegularExpression("^[A-Z2-9]{4}-[A-Z2-9]{4}$").match(code).hasMatch(), qPrintable(code));
        QCOMPARE(mobile()->pairingUrl(), QString("http://127.0.0.1:%1/#pair=%2").arg(restPort_).arg(code));
        const QLabel* qr = nullptr;
        for (QLabel* label : mobile()->findChildren<QLabel*>())
            if (label->accessibleName() == "Pairing QR code") qr = label;
        QVERIFY(qr && !qr->pixmap().isNull());
        QVERIFY2(labelText(mobile(), "Pairing code expiry").endsWith("(one use)"), qPrintable(labelText(mobile(), "Pairing code expiry")));

        const QByteArray body = QJsonDocument(QJsonObject{{"code", code}, {"name", "Anna's phone"}}).toJson();
        const test::HttpResult paired = test::httpSend(restPort_, "POST", "/api/v1/pair", body);
        QCOMPARE(paired.status, 201);
        const QByteArray token = paired.json.value("token").toString().toLatin1();
        const QString id = paired.json.value("id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(mobile()->deviceList()->topLevelItemCount(), 1, 10000);
        QTreeWidgetItem* device = mobile()->deviceList()->topLevelItem(0);
        QCOMPARE(device->text(ui::MobilePage::DeviceName), QString("Anna's phone"));
        QCOMPARE(device->text(ui::MobilePage::DeviceId), id);

        // The token works for a write (the job is unknown: 404, not 401) until it is revoked.
        const test::RequestHeaders bearer = {{"Authorization", "Bearer " + token}};
        QCOMPARE(test::httpSend(restPort_, "DELETE", "/api/v1/mining/jobs/nosuchjob", {}, 10000, bearer).status, 404);
        pb::test::saveScreenshot(window_.get(), "mobile");
        mobile()->deviceList()->setCurrentItem(mobile()->deviceList()->topLevelItem(0));
        QPushButton* revoke = nullptr;
        for (QPushButton* button : mobile()->findChildren<QPushButton*>())
            if (button->accessibleName() == "Revoke the selected device") revoke = button;
        QVERIFY(revoke && revoke->isEnabled());
        QTest::mouseClick(revoke, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(mobile()->deviceList()->topLevelItemCount(), 0, 10000);
        QVERIFY2(mobile()->message().startsWith("Revoked Anna's phone"), qPrintable(mobile()->message()));
        const test::HttpResult refused = test::httpSend(restPort_, "DELETE", "/api/v1/mining/jobs/nosuchjob", {}, 10000, bearer);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.json.value("error").toObject().value("code").toString(), QString("bad_token"));
    }

    void mobileJobQueueShowsOnlyJobsFromTheApi()
    {
        QFile photo("/usr/share/doc/opencv-doc/examples/data/messi5.jpg");
        QVERIFY2(photo.open(QIODevice::ReadOnly), "opencv-doc's test photos are needed (scripts/common.sh installs them)");
        const QByteArray bytes = photo.readAll();
        for (const QString& source : {QString("api"), QString("gui:messi5.jpg")}) {
            PhotoJobRequest request;
            request.photo = bytes;
            request.label = "person";
            request.source = source;
            QueryError error;
            QVERIFY2(node_->submitMiningJob(request, &error), qPrintable(error.message));
        }
        QTRY_COMPARE_WITH_TIMEOUT(mobile()->mobileJobs()->sourceModel()->rowCount(), 2, 10000);
        QCOMPARE(mobile()->mobileJobs()->rowCount(), 1);
        QCOMPARE(mobile()->mobileJobs()->index(0, ui::MiningJobModel::Source).data().toString(), QString("api"));
    }

    void restApiSettingsBecomeOptionsAtTheNextStart()
    {
        mobile()->restEnabledBox()->setChecked(true);
        mobile()->restPortBox()->setValue(8701);
        mobile()->listenAllBox()->setChecked(true);
        mobile()->saveRestSettings();
        const QStringList args = ui::GuiSettings().withSavedOptions({"photoblocks"});
        QCOMPARE(args, QStringList({"photoblocks", "--rest-port", "8701", "--rest-listen-all"}));
        mobile()->restEnabledBox()->setChecked(false);
        mobile()->saveRestSettings();
        QCOMPARE(ui::GuiSettings().withSavedOptions({"photoblocks"}), QStringList({"photoblocks"}));
    }

    // A mobile node that mined past its prune window has only headers of its old blocks, and
    // no full peer to fetch their bodies from: the detail view says so instead of showing
    // empty fields.
    void prunedBlockOnAMobileNodeSaysItsBodyIsBeingFetched()
    {
        NodeConfig config;
        config.network = "test";
        config.mode = NodeMode::Mobile;
        config.pruneWindow = 16;
        config.dataDir = dir_.filePath("mobile");
        config.logToStderr = false;
        config.port = 0;
        const auto mobileNode = createNode(config);
        QSignalSpy started(mobileNode.get(), &Node::started);
        mobileNode->start();
        QVERIFY(started.wait(20000));
        mobileNode->startMining(1);
        QueryError error;
        QVERIFY(QTest::qWaitFor([&] {
            const auto old = mobileNode->findBlock("3", &error);
            return old && old->bodyPruned;
        }, 60000));
        mobileNode->stopMining();

        ui::BlockDetailView view(*mobileNode);
        QSignalSpy loaded(&view, &ui::BlockDetailView::loaded);
        view.resize(900, 600);
        view.setVisible(true);
        view.load("3");
        QVERIFY(loaded.wait(10000));
        QVERIFY(view.block()->bodyPruned);
        QVERIFY2(view.photoText().contains("pruned the block's body and photo"), qPrintable(view.photoText()));
        // The summary kept at pruning time still says what the block carried.
        QVERIFY2(labelText(&view, "Block size").contains(" bytes (body pruned here"), qPrintable(labelText(&view, "Block size")));
        QCOMPARE(labelText(&view, "The block's own vote"), QString("abstain"));
        pb::test::saveScreenshot(&view, "block-pruned");
        // Without a full peer the body stays away; the view asks again a bounded number of times.
        QVERIFY(loaded.wait(ui::BlockDetailView::kPrunedRetryMs + 5000));
        QVERIFY(view.block()->bodyPruned);
        mobileNode->stop();
    }

    void withTheGermanSettingTheWindowSpeaksGerman()
    {
        ui::SettingsPage* settings = window_->settingsPage();
        settings->languageBox()->setCurrentIndex(settings->languageBox()->findData("de"));
        QVERIFY(settings->save());
        QVERIFY2(settings->message().contains("language"), qPrintable(settings->message()));
        QCOMPARE(ui::GuiSettings().language(), QString("de"));

        // What photoblocks does at start: the translation, then the window.
        ui::Translations german(ui::GuiSettings().language());
        QVERIFY(german.active());
        ui::MainWindow translated(*node_, wallet::Keystore::fileIn(dir_.filePath("node")));
        auto* sidebar = translated.findChild<QListWidget*>();
        QCOMPARE(sidebar->item(ui::MainWindow::SettingsIndex)->text(), QString("Einstellungen"));
        QCOMPARE(sidebar->item(ui::MainWindow::ChainIndex)->text(), QString("Blockkette"));
        QCOMPARE(translated.mobilePage()->pairButton()->text(), QString("Telefon &koppeln"));
        QVERIFY2(translated.mobilePage()->apiStateText().startsWith("Die REST-API ist aus"),
                 qPrintable(translated.mobilePage()->apiStateText()));
        translated.resize(1100, 720);
        translated.showPage(ui::MainWindow::MobileIndex);
        translated.show();
        QTest::qWait(200);
        pb::test::saveScreenshot(&translated, "mobile-de");

        QCOMPARE(translated.walletPage()->sendButton()->text(), QString("Senden…"));
        QCOMPARE(translated.walletPage()->copyButton()->text(), QString("Adresse kopieren"));
        QVERIFY(!translated.walletPage()->copyButton()->isEnabled());  // no wallet here: nothing to copy
        translated.showPage(ui::MainWindow::WalletIndex);
        QTest::qWait(200);
        pb::test::saveScreenshot(&translated, "wallet-de");
    }
};

QTEST_MAIN(GuiExplorerMobileTest)
#include "tst_gui_explorer_mobile.moc"
