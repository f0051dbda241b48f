#pragma once
// The desktop application's main window. Holds pages that each see the engine only through
// pb::Node; status updates arrive as queued signals, so the window never blocks.
#include "core/node/Node.h"

#include <QMainWindow>

namespace pb::ui {

class OverviewPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Node& node, QWidget* parent = nullptr);

    OverviewPage* overview() const { return overview_; }

private:
    void showFailure(const QString& reason);

    Node& node_;
    OverviewPage* overview_;
};

} // namespace pb::ui
