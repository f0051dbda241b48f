#pragma once
// The system-tray icon: height, peers and hashrate in its tooltip, a menu to show the window
// or quit, and notifications for blocks this node found.
#include "core/node/NodeStatus.h"

#include <QSystemTrayIcon>

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

signals:
    void showRequested();
    void quitRequested();
};

} // namespace pb::ui
