#include "ui/TrayIcon.h"

#include "core/node/StatusText.h"

#include <QMenu>

namespace pb::ui {

bool TrayIcon::available() { return QSystemTrayIcon::isSystemTrayAvailable(); }

TrayIcon::TrayIcon(QObject* parent) : QSystemTrayIcon(QIcon(":/photoblocks.svg"), parent)
{
    auto* menu = new QMenu;
    menu->addAction(tr("Show Photoblocks"), this, &TrayIcon::showRequested);
    peers_ = menu->addAction(tr("Peers…"), this, &TrayIcon::peersRequested);
    mining_ = menu->addAction(tr("Start mining"), this, [this] { emit miningToggleRequested(!miningNow_); });
    mining_->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    setContextMenu(menu);
    connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger || reason == DoubleClick) emit showRequested();
    });
    setToolTip(tr("Photoblocks: starting"));
    show();
}

void TrayIcon::showStatus(const NodeStatus& status)
{
    if (!status.ready) return;
    miningNow_ = status.mining;
    mining_->setText(status.mining ? tr("Stop mining") : tr("Start mining"));
    mining_->setEnabled(true);
    setToolTip(tr("Photoblocks %1: height %2, %3 peers%4")
                   .arg(status.network)
                   .arg(status.height)
                   .arg(status.peers)
                   .arg(status.mining ? tr(", mining at %1").arg(formatHashrate(status.hashrate60s)) : QString()));
}

void TrayIcon::notifyBlockFound(quint64 height, const QString& hash)
{
    notify(tr("Block found"), tr("This node mined block %1 (%2…).").arg(height).arg(hash.left(16)));
}

void TrayIcon::notify(const QString& title, const QString& message)
{
    showMessage(title, message, QSystemTrayIcon::Information, 5000);
}

} // namespace pb::ui
