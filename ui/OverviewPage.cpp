#include "ui/OverviewPage.h"

#include "core/node/StatusText.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QThread>
#include <QVBoxLayout>

namespace pb::ui {

OverviewPage::OverviewPage(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    auto* chainBox = new QGroupBox(tr("Node and chain"));
    auto* chainForm = new QFormLayout(chainBox);
    network_ = addField(chainForm, tr("Network"), tr("Network name"));
    mode_ = addField(chainForm, tr("Mode"), tr("Node mode"));
    height_ = addField(chainForm, tr("Height"), tr("Chain height"));
    tip_ = addField(chainForm, tr("Tip"), tr("Tip block hash"));
    tipAge_ = addField(chainForm, tr("Last block"), tr("Age of the last block"));
    peers_ = addField(chainForm, tr("Peers"), tr("Connected peers"));

    auto* miningBox = new QGroupBox(tr("Mining"));
    auto* miningForm = new QFormLayout(miningBox);
    hashrate_ = addField(miningForm, tr("Hashrate"), tr("Hashrate over 10 s, 60 s and 15 min"));
    found_ = addField(miningForm, tr("Blocks found"), tr("Blocks found by this node"));
    reward_ = addField(miningForm, tr("Reward address"), tr("Address receiving rewards"));

    threadsBox_ = new QSpinBox;
    threadsBox_->setRange(1, std::max(1, QThread::idealThreadCount()));
    threadsBox_->setAccessibleName(tr("Mining threads"));
    miningButton_ = new QPushButton(tr("Start mining"));
    miningButton_->setAccessibleName(tr("Start or stop mining"));
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Threads:")));
    controls->addWidget(threadsBox_);
    controls->addStretch();
    controls->addWidget(miningButton_);
    miningForm->addRow(controls);
    connect(miningButton_, &QPushButton::clicked, this, &OverviewPage::toggleMining);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(chainBox);
    layout->addWidget(miningBox);
    layout->addStretch();
    refresh();
}

QLabel* OverviewPage::addField(QFormLayout* form, const QString& label, const QString& accessibleName)
{
    auto* value = new QLabel(QStringLiteral("—"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAccessibleName(accessibleName);
    form->addRow(label + ':', value);
    return value;
}

void OverviewPage::toggleMining()
{
    // Reflect the request at once; the next status snapshot confirms it.
    if (mining_) {
        node_.stopMining();
        miningButton_->setText(tr("Start mining"));
    } else {
        node_.startMining(threadsBox_->value());
        miningButton_->setText(tr("Stop mining"));
    }
    mining_ = !mining_;
}

void OverviewPage::refresh()
{
    const NodeStatus s = node_.status();
    if (!s.ready) {
        height_->setText(tr("starting…"));
        miningButton_->setEnabled(false);
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
    miningButton_->setEnabled(true);
    mining_ = s.mining;
    miningButton_->setText(mining_ ? tr("Stop mining") : tr("Start mining"));
    if (mining_) threadsBox_->setValue(s.miningThreads);
}

} // namespace pb::ui
