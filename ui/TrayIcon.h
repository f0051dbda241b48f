#pragma once
// The system-tray icon: height, peers and hashrate in its tooltip, a menu to show the window,
// start or stop mining, open the peers or quit, and notifications for blocks this node found.
#include "core/node/NodeStatus.h"

#include <QSystemTrayIcon>

class QAction;

namespace pb::ui {

class TrayIcon : public QSystemTrayIcon {
    Q_OBJECT
public:
    // False on desktops without a tray (and on the offscreen platform).
    static bool available();

    explicit TrayIcon(QObject* parent = nullptr);

    void showStatus(const NodeStatus& status);
    void notifyBlockFound(quint64 height, const QString& hash);
    void notify(const QString& title, const QString& message);

    // "Start mining" or "Stop mining", as the last status says; disabled until the node runs.
    QAction* miningAction() const { return mining_; }
    QAction* peersAction() const { return peers_; }

signals:
    void showRequested();
    void peersRequested();
    // start: true to start mining, false to stop it.
    void miningToggleRequested(bool start);
    void quitRequested();

private:
    QAction* mining_;
    QAction* peers_;
    bool miningNow_ = false;
};

} // namespace pb::ui
