#include "ui/MainWindow.h"

#include "ui/OverviewPage.h"

#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace pb::ui {

MainWindow::MainWindow(Node& node, QWidget* parent) : QMainWindow(parent), node_(node)
{
    setWindowTitle(tr("Photoblocks"));
    auto* pages = new QTabWidget;
    overview_ = new OverviewPage(node);
    pages->addTab(overview_, tr("Overview"));
    setCentralWidget(pages);
    statusBar()->showMessage(tr("Starting the node…"));
    resize(720, 480);

    connect(&node_, &Node::statusChanged, this, [this] { overview_->refresh(); });
    connect(&node_, &Node::started, this, [this] { statusBar()->showMessage(tr("Node running"), 5000); });
    connect(&node_, &Node::failed, this, &MainWindow::showFailure);
    connect(&node_, &Node::blockConnected, this, [this](quint64 height, const QString& hash, bool minedHere) {
        if (minedHere) statusBar()->showMessage(tr("Found block %1 (%2)").arg(height).arg(hash.left(16)), 5000);
    });
}

void MainWindow::showFailure(const QString& reason)
{
    statusBar()->showMessage(tr("Node stopped: %1").arg(reason));
    QMessageBox::critical(this, tr("Photoblocks cannot run the node"), reason);
}

} // namespace pb::ui
