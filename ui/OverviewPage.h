#pragma once
// Overview: network, chain tip, hashrate and peers at a glance, plus mining controls.
// Reads the node only through pb::Node snapshots and commands; never waits on the engine.
#include "core/node/Node.h"
#include "ui/SyncProgress.h"

#include <QFormLayout>
#include <QListWidget>
#include <QProgressBar>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QWidget>

namespace pb::ui {

class MiningControls;

// "42 s", "7 min", "2 h 5 min".
QString formatDuration(qint64 seconds);

class OverviewPage : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPage(Node& node, QWidget* parent = nullptr);

    // Re-reads the node's status snapshot into the labels and controls.
    void refresh();
    // A block this node mined: listed under "Last found" (the newest few).
    void blockFound(quint64 height, const QString& hash);
    // The wallet's balance over its addresses (units); the row stays hidden without a wallet.
    void showWalletBalance(quint64 confirmed, quint64 pendingIn, quint64 pendingOut);
    QLabel* walletBalanceLabel() const { return walletBalance_; }
    static constexpr int kLastFoundShown = 5;

    QPushButton* miningButton() const;
    QSpinBox* threadsBox() const;

private:
    void showSync(const NodeStatus& status);

    Node& node_;
    SyncProgress sync_;
    QProgressBar* syncBar_;
    QLabel* syncText_;
    QListWidget* lastFound_;
    QLabel* network_;
    QLabel* mode_;
    QLabel* height_;
    QLabel* tip_;
    QLabel* tipAge_;
    QLabel* hashrate_;
    QLabel* peers_;
    QLabel* found_;
    QLabel* reward_;
    QFormLayout* miningForm_;
    QLabel* walletBalance_;
    MiningControls* controls_;
};

} // namespace pb::ui
