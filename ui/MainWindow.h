#pragma once
// The desktop application's main window: a sidebar of pages (Overview, Peers, Chain, Mempool, Mining,
// Wallet, Mobile, Log, Settings), each seeing the engine only through pb::Node. Status updates arrive as
// queued signals and are coalesced into at most a few page refreshes per second, so a fast
// chain never floods the event loop and the window never waits for the engine.
#include "core/node/Node.h"
#include "ui/SettingOrigins.h"

#include <QMainWindow>
#include <QTimer>

class QListWidget;
class QStackedWidget;

namespace pb::ui {

class ChainPage;
class LogPage;
class MempoolPage;
class MiningPage;
class MobilePage;
class OverviewPage;
class PeersPage;
class SettingsPage;
class TrayIcon;
class IncomingTransfers;
class WalletPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page { OverviewIndex, PeersIndex, ChainIndex, MempoolIndex, MiningIndex, WalletIndex, MobileIndex, LogIndex, SettingsIndex };

    // `walletPath`: the wallet keystore of the node's data directory (Keystore::fileIn).
    MainWindow(Node& node, const QString& walletPath, QWidget* parent = nullptr);

    OverviewPage* overview() const { return overview_; }
    PeersPage* peersPage() const { return peers_; }
    ChainPage* chainPage() const { return chain_; }
    MempoolPage* mempoolPage() const { return mempool_; }
    MiningPage* miningPage() const { return mining_; }
    MobilePage* mobilePage() const { return mobile_; }
    WalletPage* walletPage() const { return wallet_; }
    IncomingTransfers* incomingTransfers() const { return incoming_; }
    LogPage* logPage() const { return log_; }
    SettingsPage* settingsPage() const { return settings_; }

    // Options of this run from the command line or a config file, for the pages that show
    // saved settings (Settings, Mobile).
    void setSettingOrigins(const SettingOrigins& origins);

    void showPage(int page);
    int currentPage() const;
    // Closes the window for good (even when closing would only minimize it to the tray).
    void quit();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addPage(QWidget* page, const QString& iconName, const QString& title);
    void createMenus();
    void scheduleRefresh();
    void refreshPages();
    void onBlockConnected(quint64 height, const QString& hash, bool minedHere);
    void onTransferReceived(const TransactionInfo& transfer, bool confirmed);
    void showFailure(const QString& reason);
    void saveWindowState();
    void restoreWindowState();

    Node& node_;
    QListWidget* sidebar_;
    QStackedWidget* stack_;
    OverviewPage* overview_;
    PeersPage* peers_;
    ChainPage* chain_;
    MempoolPage* mempool_;
    MiningPage* mining_;
    MobilePage* mobile_;
    WalletPage* wallet_;
    IncomingTransfers* incoming_;
    LogPage* log_;
    SettingsPage* settings_;
    TrayIcon* tray_ = nullptr;  // only where the desktop has a system tray
    QTimer refreshTimer_;
    bool quitting_ = false;
};

} // namespace pb::ui
