#pragma once
// Start/stop mining with a thread count: the same controls on the Overview and Mining pages.
// Clicking reflects the request at once; the next status snapshot confirms it.
#include "core/node/Node.h"

#include <QWidget>

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

private:
    void toggle();
    void showState(bool mining);

    Node& node_;
    QSpinBox* threads_;
    QPushButton* button_;
    bool mining_ = false;
};

} // namespace pb::ui
