#include "ui/MiningControls.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

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

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(threadsLabel);
    layout->addWidget(threads_);
    layout->addStretch();
    layout->addWidget(button_);
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
}

void MiningControls::refresh(const NodeStatus& status)
{
    button_->setEnabled(status.ready);
    if (!status.ready) return;
    showState(status.mining);
    if (status.mining) threads_->setValue(status.miningThreads);
}

} // namespace pb::ui
