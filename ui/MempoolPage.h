#pragma once
// Mempool: the transfers waiting for a block, highest fee rate first (sortable by any column),
// with a summary line of their count, bytes and fee rates. The node is asked off the GUI
// thread (BackgroundQueries): the mempool is read from Redis.
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace pb::ui {

class MempoolTableModel;

class MempoolPage : public QWidget {
    Q_OBJECT
public:
    explicit MempoolPage(Node& node, QWidget* parent = nullptr);

    // Asks the node for the pending transfers; the table follows when they arrive.
    void refresh();

    MempoolTableModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QLabel* summaryLabel() const { return summary_; }

signals:
    void refreshed();  // a refresh() answer reached the table

private:
    void show(const QList<TransactionInfo>& pending, const QString& problem);

    Node& node_;
    MempoolTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* view_;
    QLabel* summary_;
    bool queried_ = false;  // a query is under way: refreshes meanwhile are dropped
    BackgroundQueries queries_{this};
};

} // namespace pb::ui
