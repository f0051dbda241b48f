#pragma once
// Chain explorer: every block of the active chain, newest first, with photo thumbnails
// (a lazy model, smooth however long the chain), the selected block in detail, and a search
// by height or block hash.
#include "core/node/Node.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace pb::ui {

class BlockDetailView;
class BlockListModel;

class ChainPage : public QWidget {
    Q_OBJECT
public:
    explicit ChainPage(Node& node, QWidget* parent = nullptr);

    void refresh(const NodeStatus& status);
    void blockConnected(quint64 height, const QString& hash);
    // A height or a 64-digit hash: selects the block and shows it, or says why not.
    void search(const QString& text);

    BlockListModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    BlockDetailView* detail() const { return detail_; }
    QLineEdit* searchBox() const { return search_; }
    QString message() const;

private:
    void selectHeight(quint64 height);

    BlockListModel* model_;
    QTableView* view_;
    BlockDetailView* detail_;
    QLineEdit* search_;
    QLabel* message_;
};

} // namespace pb::ui
