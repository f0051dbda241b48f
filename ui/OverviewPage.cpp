#include "ui/OverviewPage.h"

#include "core/node/StatusText.h"
#include "ui/FormRows.h"
#include "ui/MiningControls.h"

#include <QDateTime>
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

    auto* miningBox = new QGroupBox(tr("Mining"));
    auto* miningForm = new QFormLayout(miningBox);
    hashrate_ = addValueRow(miningForm, tr("Hashrate"), tr("Hashrate over 10 s, 60 s and 15 min"));
    found_ = addValueRow(miningForm, tr("Blocks found"), tr("Blocks found by this node"));
    reward_ = addValueRow(miningForm, tr("Reward address"), tr("Address receiving rewards"));

    controls_ = new MiningControls(node);
    miningForm->addRow(controls_);

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
    hashrate_->setText(QString("%1 · %2 · %3 (%4)")
                           .arg(formatHashrate(s.hashrate10s), formatHashrate(s.hashrate60s),
                                formatHashrate(s.hashrate15m), s.miningBackend));
    found_->setText(tr("%1 (%2 coins)").arg(s.blocksFound).arg(double(s.rewardsUnits) / 1e8, 0, 'f', 2));
    reward_->setText(s.rewardAddress);
    controls_->refresh(s);
}

QPushButton* OverviewPage::miningButton() const { return controls_->button(); }
QSpinBox* OverviewPage::threadsBox() const { return controls_->threadsBox(); }

} // namespace pb::ui
