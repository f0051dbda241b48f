#include "ui/MainWindow.h"

#include "ui/AboutDialog.h"
#include "ui/ChainPage.h"
#include "ui/GuiSettings.h"
#include "ui/IncomingTransfers.h"
#include "ui/LogPage.h"
#include "ui/MempoolPage.h"
#include "ui/MiningPage.h"
#include "ui/MobilePage.h"
#include "ui/OverviewPage.h"
#include "ui/PeersPage.h"
#include "ui/SettingsPage.h"
#include "ui/TrayIcon.h"
#include "ui/WalletPage.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>

namespace pb::ui {

namespace {
constexpr int kRefreshMs = 250;
}

MainWindow::MainWindow(Node& node, const QString& walletPath, QWidget* parent) : QMainWindow(parent), node_(node)
{
    setWindowTitle(tr("Photoblocks"));
    sidebar_ = new QListWidget;
    sidebar_->setAccessibleName(tr("Pages"));
    sidebar_->setIconSize(QSize(24, 24));
    sidebar_->setFixedWidth(150);
    sidebar_->setSpacing(2);
    stack_ = new QStackedWidget;
    connect(sidebar_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);
    connect(sidebar_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row == MempoolIndex) mempool_->refresh();
    });

    overview_ = new OverviewPage(node);
    peers_ = new PeersPage(node);
    chain_ = new ChainPage(node);
    mempool_ = new MempoolPage(node);
    mining_ = new MiningPage(node);
    wallet_ = new WalletPage(node, walletPath);
    incoming_ = new IncomingTransfers(node, *wallet_->session(), this);
    mobile_ = new MobilePage(node);
    log_ = new LogPage;
    settings_ = new SettingsPage;
    addPage(overview_, "overview", tr("Overview"));
    addPage(peers_, "peers", tr("Peers"));
    addPage(chain_, "chain", tr("Chain"));
    addPage(mempool_, "mempool", tr("Mempool"));
    addPage(mining_, "mining", tr("Mining"));
    addPage(wallet_, "wallet", tr("Wallet"));
    addPage(mobile_, "mobile", tr("Mobile"));
    addPage(log_, "log", tr("Log"));
    addPage(settings_, "settings", tr("Settings"));

    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(sidebar_);
    layout->addWidget(stack_, 1);
    setCentralWidget(central);
    createMenus();
    statusBar()->showMessage(tr("Starting the node…"));

    if (TrayIcon::available()) {
        tray_ = new TrayIcon(this);
        connect(tray_, &TrayIcon::showRequested, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        connect(tray_, &TrayIcon::peersRequested, this, [this] {
            showNormal();
            raise();
            activateWindow();
            showPage(PeersIndex);
        });
        connect(tray_, &TrayIcon::miningToggleRequested, this, [this](bool start) {
            if (start) node_.startMining(node_.status().miningThreadsSetting);
            else node_.stopMining();
        });
        connect(tray_, &TrayIcon::quitRequested, this, &MainWindow::quit);
    }

    refreshTimer_.setSingleShot(true);
    refreshTimer_.setInterval(kRefreshMs);
    connect(&refreshTimer_, &QTimer::timeout, this, &MainWindow::refreshPages);
    connect(&node_, &Node::statusChanged, this, &MainWindow::scheduleRefresh);
    connect(&node_, &Node::started, this, [this] { statusBar()->showMessage(tr("Node running"), 5000); });
    connect(&node_, &Node::failed, this, &MainWindow::showFailure);
    connect(&node_, &Node::blockConnected, this, &MainWindow::onBlockConnected);
    connect(&node_, &Node::logged, log_, &LogPage::append);
    connect(wallet_, &WalletPage::balanceChanged, overview_, &OverviewPage::showWalletBalance);
    connect(incoming_, &IncomingTransfers::received, this, &MainWindow::onTransferReceived);
    restoreWindowState();
}

void MainWindow::addPage(QWidget* page, const QString& iconName, const QString& title)
{
    const int index = stack_->addWidget(page);
    auto* item = new QListWidgetItem(QIcon(QString(":/icons/%1.svg").arg(iconName)), title, sidebar_);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(index + 1));
    page->setAccessibleName(tr("%1 page").arg(title));
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)), this);
    connect(shortcut, &QShortcut::activated, this, [this, index] { showPage(index); });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Settings"), this, [this] { showPage(SettingsIndex); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Photoblocks"), this, [this] { AboutDialog(this).exec(); });
}

void MainWindow::setSettingOrigins(const SettingOrigins& origins)
{
    settings_->setOrigins(origins);
    mobile_->setOrigins(origins);
}

void MainWindow::showPage(int page)
{
    sidebar_->setCurrentRow(page);
}

int MainWindow::currentPage() const { return stack_->currentIndex(); }

void MainWindow::quit()
{
    quitting_ = true;
    close();
}

void MainWindow::scheduleRefresh()
{
    if (!refreshTimer_.isActive()) refreshTimer_.start();
}

void MainWindow::refreshPages()
{
    const NodeStatus status = node_.status();
    overview_->refresh();
    peers_->refresh();
    chain_->refresh(status);
    if (stack_->currentWidget() == mempool_) mempool_->refresh();
    mining_->refresh(status);
    wallet_->refresh(status);
    incoming_->checkMempool();
    mobile_->refresh();
    if (tray_) tray_->showStatus(status);
}

void MainWindow::onBlockConnected(quint64 height, const QString& hash, bool minedHere)
{
    chain_->blockConnected(height, hash);
    incoming_->checkBlock(hash);
    if (!minedHere) return;
    overview_->blockFound(height, hash);
    statusBar()->showMessage(tr("Found block %1 (%2)").arg(height).arg(hash.left(16)), 5000);
    if (tray_) tray_->notifyBlockFound(height, hash);
}

void MainWindow::onTransferReceived(const TransactionInfo& transfer, bool confirmed)
{
    const QString text = incomingTransferText(transfer, confirmed);
    statusBar()->showMessage(text, 10000);
    if (tray_) tray_->notify(confirmed ? tr("Coins received") : tr("Coins on their way"), text);
}

void MainWindow::showFailure(const QString& reason)
{
    statusBar()->showMessage(tr("Node stopped: %1").arg(reason));
    QMessageBox::critical(this, tr("Photoblocks cannot run the node"), reason);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (tray_ && !quitting_ && GuiSettings().minimizeToTray()) {
        hide();
        tray_->notify(tr("Photoblocks keeps running"), tr("The node runs on in the tray; quit from its menu."));
        event->ignore();
        return;
    }
    saveWindowState();
    event->accept();
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/page", currentPage());
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1000, 680);
    showPage(std::clamp(settings.value("window/page", 0).toInt(), 0, int(stack_->count()) - 1));
}

} // namespace pb::ui
