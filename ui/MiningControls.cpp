#include "ui/MiningControls.h"

#include <algorithm>
#include <climits>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace pb::ui {

MiningControls::MiningControls(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    threads_ = new QSpinBox;
    threads_->setRange(1, std::max(1, QThread::idealThreadCount()));
    threads_->setAccessibleName(tr("Mining threads"));
    auto* threadsLabel = new QLabel(tr("&Threads:"));
    threadsLabel->setBuddy(threads_);
    button_ = new QPushButton(tr("Start mining"));
    button_->setAccessibleName(tr("Start or stop mining"));
    button_->setEnabled(false);
    connect(button_, &QPushButton::clicked, this, &MiningControls::toggle);

    pause_ = new QLabel;
    pause_->setAccessibleName(tr("Why mining waits"));
    pause_->setWordWrap(true);
    pause_->setVisible(false);

    auto* row = new QHBoxLayout;
    row->addWidget(threadsLabel);
    row->addWidget(threads_);
    row->addStretch();
    row->addWidget(button_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(pause_);
}

QString MiningControls::pauseReason(const NodeStatus& status)
{
    if (status.miningPausedFor == "initial_sync") {
        if (status.bestHeaderHeight > status.height)
            return tr("Waiting for the chain to sync before mining (%n block(s) behind)", nullptr,
                      int(std::min<quint64>(status.bestHeaderHeight - status.height, INT_MAX)));
        return tr("Waiting for the chain to sync before mining");
    }
    if (status.miningPausedFor == "clock") return tr("Waiting: the newest blocks are ahead of this computer's clock");
    return {};
}

void MiningControls::toggle()
{
    if (mining_) node_.stopMining();
    else node_.startMining(threads_->value());
    showState(!mining_);
}

void MiningControls::showState(bool mining)
{
    mining_ = mining;
    button_->setText(mining ? tr("Stop mining") : tr("Start mining"));
    if (!mining) showPause({});  // a stopped miner waits for nothing
}

void MiningControls::showPause(const QString& text)
{
    pause_->setText(text);
    pause_->setVisible(!text.isEmpty());
}

QString MiningControls::pauseText() const { return pause_->text(); }

void MiningControls::refresh(const NodeStatus& status)
{
    button_->setEnabled(status.ready);
    if (!status.ready) return;
    showState(status.mining);
    if (status.mining) threads_->setValue(status.miningThreads);
    showPause(pauseReason(status));
}

} // namespace pb::ui
