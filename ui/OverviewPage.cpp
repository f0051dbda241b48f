#include "ui/OverviewPage.h"
#include "ui/LocaleFormat.h"

#include "core/node/StatusText.h"
#include "ui/FormRows.h"
#include "ui/MiningControls.h"

#include <QDateTime>
#include <QListWidget>
#include <QProgressBar>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace pb::ui {

OverviewPage::OverviewPage(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    auto* chainBox = new QGroupBox(tr("Node and chain"));
    auto* chainForm = new QFormLayout(chainBox);
    network_ = addValueRow(chainForm, tr("Network"), tr("Network name"));
    mode_ = addValueRow(chainForm, tr("Mode"), tr("Node mode"));
    height_ = addValueRow(chainForm, tr("Height"), tr("Chain height"));
    tip_ = addValueRow(chainForm, tr("Tip"), tr("Tip block hash"));
    tipAge_ = addValueRow(chainForm, tr("Last block"), tr("Age of the last block"));
    peers_ = addValueRow(chainForm, tr("Peers"), tr("Connected peers"));
    syncBar_ = new QProgressBar;
    syncBar_->setRange(0, 1000);
    syncBar_->setTextVisible(false);
    syncBar_->setAccessibleName(tr("Sync progress"));
    syncText_ = new QLabel(tr("waiting for peers"));
    syncText_->setAccessibleName(tr("Sync state"));
    syncText_->setWordWrap(true);
    auto* syncRow = new QHBoxLayout;
    syncRow->addWidget(syncBar_, 1);
    syncRow->addWidget(syncText_, 1);
    chainForm->addRow(tr("Sync:"), syncRow);

    auto* miningBox = new QGroupBox(tr("Mining"));
    auto* miningForm = new QFormLayout(miningBox);
    hashrate_ = addValueRow(miningForm, tr("Hashrate"), tr("Hashrate over 10 s, 60 s and 15 min"));
    found_ = addValueRow(miningForm, tr("Blocks found"), tr("Blocks found by this node"));
    reward_ = addValueRow(miningForm, tr("Reward address"), tr("Address receiving rewards"));
    walletBalance_ = addValueRow(miningForm, tr("Wallet balance"), tr("Wallet balance, confirmed and pending"));
    miningForm->setRowVisible(walletBalance_, false);
    miningForm_ = miningForm;

    controls_ = new MiningControls(node);
    miningForm->addRow(controls_);

    lastFound_ = new QListWidget;
    lastFound_->setAccessibleName(tr("Last blocks found"));
    lastFound_->setMaximumHeight(110);
    miningForm->addRow(tr("Last found:"), lastFound_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(chainBox);
    layout->addWidget(miningBox);
    layout->addStretch();
    refresh();
}

void OverviewPage::refresh()
{
    const NodeStatus s = node_.status();
    if (!s.ready) {
        height_->setText(tr("starting…"));
        controls_->refresh(s);
        return;
    }
    network_->setText(s.network);
    mode_->setText(s.mode);
    height_->setText(QString::number(s.height));
    tip_->setText(s.tipHash);
    const qint64 age = std::max<qint64>(0, QDateTime::currentSecsSinceEpoch() - s.tipTime);
    tipAge_->setText(tr("%1 s ago").arg(age));
    peers_->setText(QString::number(s.peers));
    showSync(s);
    hashrate_->setText(QString("%1 · %2 · %3 (%4)")
                           .arg(formatHashrate(s.hashrate10s), formatHashrate(s.hashrate60s),
                                formatHashrate(s.hashrate15m), s.miningBackend));
    found_->setText(tr("%1 (%2 coins)").arg(numberText(qint64(s.blocksFound)), coinsText(s.rewardsUnits)));
    reward_->setText(s.rewardAddress);
    controls_->refresh(s);
}

void OverviewPage::showSync(const NodeStatus& s)
{
    quint64 best = 0;
    bool anyPeer = false;
    for (const PeerInfo& p : node_.peers()) {
        if (p.nodeId.isEmpty()) continue;
        anyPeer = true;
        best = std::max(best, p.height);
    }
    sync_.sample(QDateTime::currentMSecsSinceEpoch(), s.height, best);
    syncBar_->setValue(sync_.perMille());
    if (!anyPeer) {
        syncText_->setText(s.mode == "head" ? tr("head of the network") : tr("waiting for peers"));
    } else if (sync_.synced()) {
        syncText_->setText(tr("up to date"));
    } else {
        const auto seconds = sync_.secondsLeft();
        syncText_->setText(seconds ? tr("%1 blocks left, about %2").arg(sync_.blocksLeft()).arg(formatDuration(*seconds))
                                   : tr("%1 blocks left").arg(sync_.blocksLeft()));
    }
}

void OverviewPage::blockFound(quint64 height, const QString& hash)
{
    lastFound_->insertItem(0, tr("%1  block %2  %3…").arg(timeText(QDateTime::currentDateTime())).arg(height).arg(hash.left(16)));
    while (lastFound_->count() > kLastFoundShown) delete lastFound_->takeItem(lastFound_->count() - 1);
}

void OverviewPage::showWalletBalance(quint64 confirmed, quint64 pendingIn, quint64 pendingOut)
{
    QString text = tr("%1 coins confirmed").arg(coinsText(confirmed));
    if (pendingIn != 0 || pendingOut != 0)
        text += tr(", pending +%1 / −%2").arg(coinsText(pendingIn), coinsText(pendingOut));
    walletBalance_->setText(text);
    miningForm_->setRowVisible(walletBalance_, true);
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 90) return QObject::tr("%1 s").arg(seconds);
    if (seconds < 90 * 60) return QObject::tr("%1 min").arg((seconds + 30) / 60);
    return QObject::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QPushButton* OverviewPage::miningButton() const { return controls_->button(); }
QSpinBox* OverviewPage::threadsBox() const { return controls_->threadsBox(); }

} // namespace pb::ui
