// The desktop app's pages over two real engines on the test network (embedded Redis, loopback
// peers): the peer table follows the engine and its actions reach it, the chain explorer
// pages through a mined chain with a photo block, a dropped photo becomes a mining job, the
// log console filters, settings persist, and every page is rendered to a PNG in the build
// tree (screenshots/) for people to look at.
#include "core/crypto/Sha256.h"
#include "core/node/Node.h"
#include "core/wallet/Keystore.h"
#include "ui/AboutDialog.h"
#include "ui/BanTableModel.h"
#include "ui/BlockDetailView.h"
#include "ui/BlockListModel.h"
#include "ui/ChainPage.h"
#include "ui/GalleryView.h"
#include "ui/GuiSettings.h"
#include "ui/LogFilterModel.h"
#include "ui/LogModel.h"
#include "ui/LogPage.h"
#include "ui/MainWindow.h"
#include "ui/MiningControls.h"
#include "ui/MiningJobModel.h"
#include "ui/MiningPage.h"
#include "ui/PeerTableModel.h"
#include "ui/PeersPage.h"
#include "ui/OverviewPage.h"
#include "ui/PhotoDropArea.h"
#include "ui/SyncProgress.h"
#include "ui/SettingsPage.h"
#include "ui/TimeSeriesChart.h"
#include "tests/support/EventLoopGap.h"
#include "tests/support/Screenshots.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QIcon>
#include <QTabWidget>
#include <limits>
#include <QElapsedTimer>
#include <QThread>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// NanoDet sees a person (0.71) and a sports ball (0.76) in the first, a person in the second.
const QString kPersonPhoto = "/usr/share/doc/opencv-doc/examples/data/messi5.jpg";
const QString kSecondPersonPhoto = "/usr/share/doc/opencv-doc/examples/data/basketball1.png";

pb::NodeConfig testConfig(const QString& dataDir)
{
    pb::NodeConfig config;
    config.network = "test";
    config.dataDir = dataDir;
    config.logToStderr = false;
    config.port = 0;  // any free loopback port: tests may run side by side
    return config;
}

// Delivers a file drop the way a desktop would: drag enter, then drop.
void dropFile(QWidget* target, const QString& path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF at(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

QString sha256Hex(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray bytes = file.readAll();
    return QString::fromStdString(pb::toHex(pb::crypto::sha256(pb::Bytes(bytes.begin(), bytes.end()))));
}

} // namespace

class GuiPagesTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<pb::Node> node_;   // the node the window shows; it mines
    std::unique_ptr<pb::Node> peer_;   // a second node connected to it
    std::unique_ptr<pb::ui::MainWindow> window_;
    QString minedJobId_;

    pb::ui::PeersPage* peers() { return window_->peersPage(); }
    pb::ui::ChainPage* chain() { return window_->chainPage(); }
    pb::ui::MiningPage* mining() { return window_->miningPage(); }

    std::optional<pb::PhotoJob> jobWithPhoto(const QString& photoHash)
    {
        for (const pb::PhotoJob& job : node_->miningJobs())
            if (job.photoHash == photoHash) return job;
        return std::nullopt;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kPersonPhoto), "opencv-doc's test photos are needed (scripts/common.sh installs them)");
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.filePath("settings"));
        QApplication::setOrganizationName("photoblocks-test");
        QApplication::setQuitOnLastWindowClosed(false);

        pb::NodeConfig config = testConfig(dir_.filePath("a"));
        config.mode = pb::NodeMode::Head;
        node_ = pb::createNode(config);
        window_ = std::make_unique<pb::ui::MainWindow>(*node_, pb::wallet::Keystore::fileIn(config.dataDir));
        window_->resize(1100, 720);
        window_->show();
        QSignalSpy started(node_.get(), &pb::Node::started);
        node_->start();
        QVERIFY(started.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().peerPort != 0, 5000);

        pb::NodeConfig peerConfig = testConfig(dir_.filePath("b"));
        peerConfig.seeds = {QString("127.0.0.1:%1").arg(node_->status().peerPort)};
        peer_ = pb::createNode(peerConfig);
        QSignalSpy peerStarted(peer_.get(), &pb::Node::started);
        peer_->start();
        QVERIFY(peerStarted.wait(20000));
    }

    void cleanupTestCase()
    {
        window_.reset();
        if (peer_) peer_->stop();
        if (node_) node_->stop();
    }

    void peerTableShowsTheConnectedPeerSortsAndFilters()
    {
        pb::ui::PeerTableModel* model = peers()->peerModel();
        const QString peerId = peer_->status().nodeId;
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && model->peerAt(0).nodeId == peerId, 10000);
        QCOMPARE(model->index(0, pb::ui::PeerTableModel::NodeId).data().toString(), peerId.left(16));
        QCOMPARE(model->index(0, pb::ui::PeerTableModel::Type).data().toString(), QString("full"));
        QCOMPARE(model->index(0, pb::ui::PeerTableModel::Direction).data().toString(), QString("inbound"));
        QVERIFY(model->index(0, pb::ui::PeerTableModel::Address).data().toString().startsWith("127.0.0.1:"));

        peers()->filterBox()->setText(peerId.left(8).toUpper());
        QCOMPARE(peers()->peerProxy()->rowCount(), 1);
        peers()->filterBox()->setText("no-such-peer");
        QCOMPARE(peers()->peerProxy()->rowCount(), 0);
        peers()->filterBox()->clear();
        QCOMPARE(peers()->peerProxy()->rowCount(), 1);
    }

    void peerModelUpdatesOnlyRowsThatChanged()
    {
        pb::ui::PeerTableModel model;
        pb::PeerInfo a, b, c;
        a.connectionId = 1, a.height = 10, a.bytesIn = 5;
        b.connectionId = 2, b.height = 30;
        c.connectionId = 3, c.height = 20;
        model.update({a, b});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        a.bytesIn = 900;  // a changed, b is gone, c is new
        model.update({a, c});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.peerAt(0).bytesIn, quint64(900));
        QCOMPARE(model.peerAt(1).connectionId, quint64(3));

        model.update({a, c});
        QCOMPARE(changed.count(), 1);  // nothing differs: nothing emitted

        // Sorting goes by the raw numbers, not the formatted text.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(pb::ui::PeerTableModel::SortRole);
        c.height = 9;
        pb::PeerInfo d;
        d.connectionId = 4, d.height = 100;
        model.update({a, c, d});
        proxy.sort(pb::ui::PeerTableModel::Height, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, pb::ui::PeerTableModel::Height).data().toULongLong(), 9ULL);
        QCOMPARE(proxy.index(2, pb::ui::PeerTableModel::Height).data().toULongLong(), 100ULL);
    }

    void miningControlsStartTheEngineAndTheHashrateChartFollows()
    {
        pb::ui::MiningControls* controls = mining()->controls();
        QTRY_VERIFY_WITH_TIMEOUT(controls->button()->isEnabled(), 5000);
        controls->threadsBox()->setValue(1);
        QTest::mouseClick(controls->button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().mining, 5000);
        QCOMPARE(node_->status().miningThreads, 1);
        QTRY_VERIFY_WITH_TIMEOUT(mining()->hashrateChart()->lastValue(0) > 0, 10000);
        // A populated chain for the pages that follow; one instrumented thread needs ~35 s under ASan.
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().height >= 60, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(controls->button()->text(), QString("Stop mining"), 5000);
    }

    void droppedPhotoBecomesAJobThatIsMined()
    {
        dropFile(mining()->dropArea(), kPersonPhoto);
        QCOMPARE(mining()->dropArea()->fileName(), QString("messi5.jpg"));
        // Before anything is queued, the recognizer's view is previewed with its boxes.
        QTRY_VERIFY_WITH_TIMEOUT(mining()->recognitionText().contains("would confirm: person, sports ball"), 10000);
        QVERIFY(mining()->dropArea()->showsRecognition());
        QTRY_COMPARE_WITH_TIMEOUT(mining()->labelBox()->currentText(), QString("person"), 5000);
        QVERIFY(mining()->submitButton()->isEnabled());
        mining()->voteBox()->setCurrentIndex(mining()->voteBox()->findData("agree"));
        QTest::mouseClick(mining()->submitButton(), Qt::LeftButton);
        QVERIFY2(mining()->message().startsWith("Queued messi5.jpg"), qPrintable(mining()->message()));

        const QString photoHash = sha256Hex(kPersonPhoto);
        QTRY_VERIFY_WITH_TIMEOUT(jobWithPhoto(photoHash).has_value(), 5000);
        QCOMPARE(jobWithPhoto(photoHash)->label, QString("person"));
        QCOMPARE(jobWithPhoto(photoHash)->vote, QString("agree"));
        QTRY_VERIFY_WITH_TIMEOUT(jobWithPhoto(photoHash)->state == pb::JobState::Mined, 30000);
        minedJobId_ = jobWithPhoto(photoHash)->id;
        QTRY_VERIFY_WITH_TIMEOUT(mining()->jobModel()->rowCount() >= 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(mining()->jobModel()->index(0, pb::ui::MiningJobModel::State).data().toString(),
                                  QString("mined"), 5000);
    }

    void previewSaysWhenTheRecognizerWouldConfirmNothing()
    {
        QVERIFY(mining()->dropArea()->loadFile("/usr/share/doc/opencv-doc/examples/data/baboon.jpg"));
        QTRY_VERIFY_WITH_TIMEOUT(mining()->recognitionText().contains("no label it would confirm"), 10000);
        mining()->dropArea()->clear();
        QVERIFY(mining()->recognitionText().isEmpty());
    }

    void dropOfAFileThatIsNoPhotoIsRefusedWithTheReason()
    {
        QFile text(dir_.filePath("notes.jpg"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a photo at all");
        text.close();
        dropFile(mining()->dropArea(), text.fileName());
        QVERIFY(mining()->dropArea()->photo().isEmpty());
        QVERIFY2(mining()->message().contains("neither a JPEG nor a PNG"), qPrintable(mining()->message()));
        QVERIFY(!mining()->submitButton()->isEnabled());
    }

    void stoppingMiningStopsTheEngineAndAWaitingJobCanBeCancelled()
    {
        QTest::mouseClick(mining()->controls()->button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!node_->status().mining, 5000);

        QVERIFY(mining()->dropArea()->loadFile(kSecondPersonPhoto));
        QVERIFY(mining()->submitJob());
        const QString photoHash = sha256Hex(kSecondPersonPhoto);
        QTRY_VERIFY_WITH_TIMEOUT(jobWithPhoto(photoHash).has_value(), 5000);
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT((row = [&] {
            for (int r = 0; r < mining()->jobModel()->rowCount(); ++r)
                if (mining()->jobModel()->jobAt(r).photoHash == photoHash) return r;
            return -1;
        }()) >= 0, 5000);
        mining()->jobView()->selectRow(row);
        QVERIFY2(mining()->cancelSelectedJob(), qPrintable(mining()->message()));
        QTRY_VERIFY_WITH_TIMEOUT(jobWithPhoto(photoHash)->state == pb::JobState::Cancelled, 10000);

        // A settled job cannot be cancelled again; the page says why.
        QTRY_COMPARE_WITH_TIMEOUT(mining()->jobModel()->jobAt(row).state, pb::JobState::Cancelled, 5000);
        QVERIFY(!mining()->cancelSelectedJob());
        QVERIFY2(mining()->message().contains("already cancelled"), qPrintable(mining()->message()));
    }

    void chainExplorerListsEveryBlockNewestFirstWithPhotoThumbnails()
    {
        pb::ui::BlockListModel* model = chain()->model();
        const quint64 height = node_->status().height;
        QTRY_COMPARE_WITH_TIMEOUT(quint64(model->rowCount()), height + 1, 5000);
        window_->showPage(pb::ui::MainWindow::ChainIndex);
        QCOMPARE(model->index(0, pb::ui::BlockListModel::Height).data(pb::ui::BlockListModel::HeightRole).toULongLong(), height);

        QVERIFY2(node_->miningJob(minedJobId_), "needs the photo block mined by droppedPhotoBecomesAJobThatIsMined");
        const pb::PhotoJob job = *node_->miningJob(minedJobId_);
        pb::QueryError error;
        const auto photoBlock = node_->findBlock(job.blockHash, &error);
        QVERIFY2(photoBlock, qPrintable(error.message));
        const int row = model->rowForHeight(photoBlock->height);
        const QModelIndex label = model->index(row, pb::ui::BlockListModel::Label);
        model->data(label, Qt::DisplayRole);  // asks for the page
        QTRY_COMPARE_WITH_TIMEOUT(model->data(label, Qt::DisplayRole).toString(), QString("person"), 10000);
        const QImage thumbnail = model->index(row, pb::ui::BlockListModel::Photo).data(Qt::DecorationRole).value<QImage>();
        QCOMPARE(thumbnail.height(), pb::ui::BlockListModel::kThumbnailHeight);
        QVERIFY(model->index(row + 1, pb::ui::BlockListModel::Photo).data(Qt::DecorationRole).isNull());
        QCOMPARE(model->loadedBlock(photoBlock->height)->hash, photoBlock->hash);
    }

    void chainModelLoadsOnlyThePagesAskedForNewestRequestFirst()
    {
        constexpr int pageSize = 4;
        pb::ui::BlockListModel model(*node_, pageSize);
        model.setTip(node_->status().height, true);
        const int pages = model.rowCount() / pageSize;
        QVERIFY(pages >= 15);
        // Ask for every row, as a view flung from the tip to the genesis block would.
        for (int row = 0; row < model.rowCount(); ++row) model.index(row, pb::ui::BlockListModel::Hash).data();
        QTRY_VERIFY_WITH_TIMEOUT(!model.fetching(), 10000);
        // The page in flight at the first ask, then only the newest few requests, genesis's first.
        QVERIFY2(model.pagesFetched() <= 1 + int(pb::ui::BlockListModel::kMaxWanted),
                 qPrintable(QString("%1 of %2 pages fetched").arg(model.pagesFetched()).arg(pages)));
        QVERIFY(model.loadedBlock(0).has_value());
        QVERIFY(!model.loadedBlock(quint64(model.rowCount() / 2)).has_value());
        QCOMPARE(model.loadedBlock(0)->prevHash, QString(64, '0'));
    }

    void galleryShowsThePhotosWithLabelsAndSearchesByLabel()
    {
        QVERIFY2(node_->miningJob(minedJobId_), "needs the photo block mined by droppedPhotoBecomesAJobThatIsMined");
        const pb::PhotoJob job = *node_->miningJob(minedJobId_);
        QVERIFY(node_->status().height < pb::ui::GalleryView::kScannedBlocks);  // the whole chain is in range
        window_->showPage(pb::ui::MainWindow::ChainIndex);
        pb::ui::GalleryView* gallery = chain()->gallery();
        chain()->tabs()->setCurrentWidget(gallery);
        QVERIFY(gallery->isVisible());
        const auto tileOf = [gallery](const QString& blockHash) {
            const QAbstractItemModel* m = gallery->view()->model();
            for (int row = 0; row < m->rowCount(); ++row)
                if (m->index(row, 0).data(pb::ui::GalleryView::kHashRole).toString() == blockHash) return m->index(row, 0);
            return QModelIndex();
        };
        QTRY_VERIFY_WITH_TIMEOUT(tileOf(job.blockHash).isValid(), 20000);
        const QModelIndex tile = tileOf(job.blockHash);
        QCOMPARE(tile.data(Qt::DisplayRole).toString(), QString("person"));
        QVERIFY(!tile.data(Qt::DecorationRole).value<QIcon>().isNull());

        // Every tile is a photo block of the chain with its label, newest first.
        const QAbstractItemModel* tiles = gallery->view()->model();
        QVERIFY(tiles->rowCount() >= 1);
        quint64 previous = std::numeric_limits<quint64>::max();
        int persons = 0;
        for (int row = 0; row < tiles->rowCount(); ++row) {
            const QModelIndex index = tiles->index(row, 0);
            pb::QueryError error;
            const auto block = node_->findBlock(index.data(pb::ui::GalleryView::kHashRole).toString(), &error);
            QVERIFY2(block, qPrintable(error.message));
            QVERIFY(!block->photoHash.isEmpty());
            QCOMPARE(index.data(Qt::DisplayRole).toString(), block->label.isEmpty() ? QString("(no label)") : block->label);
            QCOMPARE(index.data(pb::ui::GalleryView::kHeightRole).toULongLong(), block->height);
            QVERIFY(block->height < previous);
            previous = block->height;
            persons += block->label.contains("pers", Qt::CaseInsensitive) ? 1 : 0;
        }
        // No photo block of the chain is missing.
        pb::QueryError error;
        int photoBlocks = 0;
        for (const pb::BlockInfo& b : node_->blocksFrom(0, int(node_->status().height + 1), &error))
            photoBlocks += b.photoHash.isEmpty() ? 0 : 1;
        QTRY_COMPARE_WITH_TIMEOUT(gallery->photoCount(), photoBlocks, 10000);

        gallery->searchLabel("PERS");
        QCOMPARE(gallery->searchBox()->text(), QString("PERS"));
        QCOMPARE(gallery->shownCount(), persons);
        QVERIFY(persons >= 1);
        QVERIFY2(gallery->summaryLabel()->text().endsWith(QString("; %1 with a label containing \"PERS\".").arg(persons)),
                 qPrintable(gallery->summaryLabel()->text()));
        gallery->searchLabel("no-such-label");
        QCOMPARE(gallery->shownCount(), 0);
        gallery->searchLabel("");
        QCOMPARE(gallery->shownCount(), gallery->photoCount());
        pb::test::saveScreenshot(window_.get(), "chain-gallery");

        // Activating a photo shows its block on the Blocks tab.
        emit gallery->view()->activated(tileOf(job.blockHash));
        QCOMPARE(chain()->tabs()->currentIndex(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(chain()->detail()->block() && chain()->detail()->block()->hash == job.blockHash, 10000);
    }

    void searchByHeightOrHashSelectsTheBlockAndShowsItsDetail()
    {
        const quint64 height = node_->status().height;
        QVERIFY2(node_->miningJob(minedJobId_), "needs the photo block mined by droppedPhotoBecomesAJobThatIsMined");
        const pb::PhotoJob job = *node_->miningJob(minedJobId_);
        chain()->search(job.blockHash);
        QTRY_VERIFY_WITH_TIMEOUT(chain()->detail()->block() && chain()->detail()->block()->hash == job.blockHash, 10000);
        QVERIFY(chain()->detail()->hasPhoto());
        QCOMPARE(chain()->detail()->block()->label, QString("person"));
        QVERIFY2(chain()->detail()->recognitionText().contains("person 0.7"), qPrintable(chain()->detail()->recognitionText()));
        QTRY_COMPARE_WITH_TIMEOUT(chain()->view()->currentIndex().data(pb::ui::BlockListModel::HeightRole).toULongLong(),
                                  chain()->detail()->block()->height, 5000);

        chain()->search("1");
        QTRY_VERIFY_WITH_TIMEOUT(chain()->detail()->block() && chain()->detail()->block()->height == 1, 10000);

        chain()->search(QString::number(height + 1000));
        QVERIFY2(chain()->message().startsWith("No block at height"), qPrintable(chain()->message()));
        chain()->search("zz");
        QVERIFY2(chain()->message().startsWith("Type a block height"), qPrintable(chain()->message()));
        chain()->search(QString(64, 'a'));
        QTRY_VERIFY_WITH_TIMEOUT(chain()->message().startsWith("No block has this hash and no transfer this id"), 10000);
    }

    void logConsoleShowsEngineLinesFiltersByLevelAndText()
    {
        pb::ui::LogPage* log = window_->logPage();
        QVERIFY(log->model()->rowCount() > 10);
        log->searchBox()->setText("connected block");
        QVERIFY(log->filter()->rowCount() > 0);
        for (int r = 0; r < log->filter()->rowCount(); ++r)
            QVERIFY(log->filter()->index(r, pb::ui::LogModel::Message).data().toString().contains("connected block"));
        log->searchBox()->clear();
        log->levelBox()->setCurrentIndex(log->levelBox()->findData(int(pb::LogLine::Error)));
        for (int r = 0; r < log->filter()->rowCount(); ++r)
            QCOMPARE(log->filter()->index(r, pb::ui::LogModel::Level).data().toString(), QString("error"));
        QVERIFY(log->filter()->rowCount() < log->model()->rowCount());
        log->levelBox()->setCurrentIndex(log->levelBox()->findData(int(pb::LogLine::Info)));
    }

    void logPageCopiesAndSavesTheSelection()
    {
        window_->showPage(pb::ui::MainWindow::LogIndex);
        pb::ui::LogPage* log = window_->logPage();
        log->searchBox()->setText("connected block");
        QVERIFY(log->filter()->rowCount() >= 3);
        const auto lineOf = [log](int row) {
            QStringList cells;
            for (int column = 0; column < pb::ui::LogModel::ColumnCount; ++column) cells << log->filter()->index(row, column).data().toString();
            return cells.join('\t');
        };
        log->view()->clearSelection();
        for (int row : {2, 0})
            log->view()->selectionModel()->select(log->filter()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        log->view()->setFocus();
        QTest::keyClick(log->view(), Qt::Key_C, Qt::ControlModifier);
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied, lineOf(0) + "\n" + lineOf(2) + "\n");  // view order, whatever the selection order
        QCOMPARE(log->messageLabel()->text(), QString("Copied 2 line(s)."));

        const QString path = dir_.filePath("saved-log.txt");
        QVERIFY(log->saveSelection(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), copied);
        QVERIFY(!log->saveSelection(dir_.filePath("no-such-dir/log.txt")));
        QVERIFY2(log->messageLabel()->text().startsWith("Cannot save "), qPrintable(log->messageLabel()->text()));

        // Nothing selected: every shown line.
        log->view()->clearSelection();
        QCOMPARE(log->selectedText().count('\n'), log->filter()->rowCount());
        log->view()->selectionModel()->select(log->filter()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        pb::test::saveScreenshot(window_.get(), "log-selection");
        log->searchBox()->clear();
    }

    void overviewListsBlocksFoundAndSyncState()
    {
        auto* found = window_->overview()->findChild<QListWidget*>();
        QVERIFY(found);
        QCOMPARE(found->count(), pb::ui::OverviewPage::kLastFoundShown);
        QVERIFY(found->item(0)->text().contains("block "));
        QString syncState;
        for (QLabel* label : window_->overview()->findChildren<QLabel*>())
            if (label->accessibleName() == "Sync state") syncState = label->text();
        // The peer follows this node, which mines: nothing to catch up with.
        QCOMPARE(syncState, QString("up to date"));
    }

    void syncProgressCountsBlocksLeftAndEstimatesTime()
    {
        pb::ui::SyncProgress sync;
        sync.sample(0, 100, 1100);
        QCOMPARE(sync.blocksLeft(), 1000ULL);
        QVERIFY(!sync.secondsLeft().has_value());  // no rate yet
        sync.sample(10'000, 300, 1100);          // 20 blocks/s
        QCOMPARE(sync.blocksLeft(), 800ULL);
        QCOMPARE(sync.secondsLeft().value(), 40);
        QCOMPARE(sync.perMille(), 272);
        sync.sample(20'000, 1100, 1100);
        QVERIFY(sync.synced());
        QCOMPARE(sync.perMille(), 1000);
    }

    void logModelKeepsOnlyTheNewestLines()
    {
        pb::ui::LogModel model(3);
        for (int i = 0; i < 5; ++i) model.append({pb::LogLine::Info, 0, QString("line %1").arg(i)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, pb::ui::LogModel::Message).data().toString(), QString("line 2"));
        QCOMPARE(model.index(2, pb::ui::LogModel::Message).data().toString(), QString("line 4"));
    }

    void settingsAreSavedAndBecomeOptionsAtTheNextStart()
    {
        const QStringList bare = {"photoblocks", "--datadir", "/x"};
        QCOMPARE(pb::ui::GuiSettings().withSavedOptions(bare), bare);  // nothing saved yet

        pb::ui::SettingsPage* page = window_->settingsPage();
        pb::ui::NodeSettings wanted;
        wanted.network = "test";
        wanted.mode = "seed";
        wanted.seeds = {"127.0.0.1:7001", "127.0.0.1:7002"};
        wanted.peerPort = 7010;
        wanted.threads = 1;
        wanted.mineOnLaunch = true;
        page->showValues(wanted, true, "");
        QVERIFY(page->save());
        QVERIFY2(page->message().contains("Restart Photoblocks"), qPrintable(page->message()));
        QCOMPARE(pb::ui::GuiSettings().node(), wanted);
        QVERIFY(pb::ui::GuiSettings().minimizeToTray());

        const QStringList args = pb::ui::GuiSettings().withSavedOptions({"photoblocks", "--mode", "full"});
        QCOMPARE(args.mid(0, 3), QStringList({"photoblocks", "--mode", "full"}));
        QVERIFY(args.contains("--network") && args.contains("--mine") && args.contains("--port"));
        QCOMPARE(args.count("--mode"), 1);
        QCOMPARE(args.at(args.indexOf("--seed") + 1), QString("127.0.0.1:7001,127.0.0.1:7002"));

        wanted.seeds = {"no-port-here"};
        page->showValues(wanted, false, "");
        QVERIFY(!page->save());
        QVERIFY2(page->message().contains("`no-port-here` is not host:port"), qPrintable(page->message()));
        QCOMPARE(pb::ui::GuiSettings().node().seeds.size(), 2);  // the bad value was not stored
    }

    void rendersEveryPageToPng()
    {
        QTRY_VERIFY_WITH_TIMEOUT(mining()->hashrateChart()->sampleCount() >= 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(peers()->peerModel()->rowCount() == 1, 10000);
        using W = pb::ui::MainWindow;  // named by page, so a new page cannot shift the names
        const QList<QPair<W::Page, QString>> pages = {{W::OverviewIndex, "overview"}, {W::PeersIndex, "peers"},
                                                      {W::ChainIndex, "chain"},       {W::MempoolIndex, "mempool"},
                                                      {W::MiningIndex, "mining"},     {W::WalletIndex, "wallet-empty"},
                                                      {W::MobileIndex, "mobile-off"}, {W::LogIndex, "log"},
                                                      {W::SettingsIndex, "settings"}};
        QVERIFY2(node_->miningJob(minedJobId_), "needs the photo block mined by droppedPhotoBecomesAJobThatIsMined");
        chain()->search(node_->miningJob(minedJobId_)->blockHash);
        QTRY_VERIFY_WITH_TIMEOUT(chain()->detail()->hasPhoto(), 10000);
        QVERIFY(mining()->dropArea()->loadFile(kSecondPersonPhoto));
        QTRY_VERIFY_WITH_TIMEOUT(mining()->dropArea()->showsRecognition(), 10000);
        // Long messages and statistics wrap: nothing has widened the window past the size it was given.
        QCOMPARE(window_->width(), 1100);
        for (const auto& [page, name] : pages) {
            window_->showPage(page);
            QTest::qWait(page == W::ChainIndex ? 1500 : 200);
            pb::test::saveScreenshot(window_.get(), name);
        }
        pb::ui::AboutDialog about(window_.get());
        about.show();
        QTRY_VERIFY_WITH_TIMEOUT(!about.versionsText().contains("asking"), 5000);
        QVERIFY2(about.versionsText().contains("Redis version: 7."), qPrintable(about.versionsText()));
        pb::test::saveScreenshot(&about, "about");
    }

    void eventLoopStaysResponsiveWhileMiningOnAllThreadsAndAPeerSyncs()
    {
        window_->showPage(pb::ui::MainWindow::ChainIndex);
        node_->startMining(QThread::idealThreadCount());
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().mining, 5000);
        pb::NodeConfig config = testConfig(dir_.filePath("c"));
        config.seeds = {QString("127.0.0.1:%1").arg(node_->status().peerPort)};
        auto fresh = pb::createNode(config);
        fresh->start();

        // A 10 ms timer must keep firing on the GUI thread: measure the worst gap.
        qint64 worstGap = 0;
        {
            pb::test::EventLoopGap gap;
            QTRY_VERIFY_WITH_TIMEOUT(fresh->status().height > 50, 20000);
            QTest::qWait(1000);
            worstGap = gap.worstGapMs();
        }
        qInfo("worst event-loop gap while mining on %d threads and a peer synced %llu blocks: %lld ms",
              QThread::idealThreadCount(), (unsigned long long)fresh->status().height, worstGap);
        node_->stopMining();
        fresh->stop();
        // The goal is 100 ms (86 ms measured on a loaded 2-core machine); the bound leaves room
        // for sanitizer builds sharing the machine with other work (about 250 ms there).
        QVERIFY2(worstGap < 500, qPrintable(QString("event loop stalled for %1 ms").arg(worstGap)));
        QTRY_VERIFY_WITH_TIMEOUT(!node_->status().mining, 5000);
    }

    void bannedPeerIsListedAndCanBeUnbanned()
    {
        QTRY_VERIFY_WITH_TIMEOUT(peers()->peerProxy()->rowCount() == 1, 10000);
        // The ban dialog is modal: answer it once it is up.
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (dialog) dialog->accept();
        });
        peers()->banPeer(0);
        QTRY_COMPARE_WITH_TIMEOUT(node_->bans().size(), 1, 5000);
        QCOMPARE(node_->bans().first().address, QString("127.0.0.1"));
        QTRY_COMPARE_WITH_TIMEOUT(peers()->banModel()->rowCount(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(peers()->peerModel()->rowCount(), 0, 10000);

        peers()->banView()->selectRow(0);
        peers()->unbanSelected();
        QTRY_VERIFY_WITH_TIMEOUT(node_->bans().isEmpty(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(peers()->banModel()->rowCount(), 0, 5000);
    }

    void windowRemembersItsPage()
    {
        window_->showPage(pb::ui::MainWindow::MiningIndex);
        pb::ui::GuiSettings().setMinimizeToTray(false);
        QVERIFY(window_->close());
        pb::ui::MainWindow another(*node_, pb::wallet::Keystore::fileIn(dir_.filePath("a")));
        QCOMPARE(another.currentPage(), int(pb::ui::MainWindow::MiningIndex));
        window_->show();
    }
};

QTEST_MAIN(GuiPagesTest)
#include "tst_gui_pages.moc"
