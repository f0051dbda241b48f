#pragma once
// Start/stop mining with a thread count: the same controls on the Overview and Mining pages.
// Clicking reflects the request at once; the next status snapshot confirms it. Below them, while
// a running miner has no work (NodeStatus::miningPausedFor), a line says why: otherwise the
// pages would show only a hashrate falling to 0 H/s.
#include "core/node/Node.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace pb::ui {

class MiningControls : public QWidget {
    Q_OBJECT
public:
    explicit MiningControls(Node& node, QWidget* parent = nullptr);

    void refresh(const NodeStatus& status);

    QPushButton* button() const { return button_; }
    QSpinBox* threadsBox() const { return threads_; }
    // Why the running miner waits; empty (and hidden) while it mines or is stopped.
    QString pauseText() const;

private:
    void toggle();
    void showState(bool mining);
    void showPause(const QString& text);
    // The engine's reason (BlockProducer::pausedFor) in words, with how far the chain has to go
    // when the snapshot knows a better header than the tip.
    static QString pauseReason(const NodeStatus& status);

    Node& node_;
    QSpinBox* threads_;
    QPushButton* button_;
    QLabel* pause_;
    bool mining_ = false;
};

} // namespace pb::ui
