#include "ui/MempoolPage.h"

#include "ui/LocaleFormat.h"
#include "ui/MempoolTableModel.h"
#include "ui/TableViews.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace pb::ui {

MempoolPage::MempoolPage(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    model_ = new MempoolTableModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(MempoolTableModel::SortRole);
    view_ = makeTableView(proxy_, tr("Pending transfers"));
    view_->setSortingEnabled(true);
    view_->sortByColumn(MempoolTableModel::FeeRate, Qt::DescendingOrder);
    summary_ = new QLabel(tr("Reading the mempool…"));
    summary_->setAccessibleName(tr("Mempool summary"));
    summary_->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("<b>Pending transfers</b>"));
    layout->addWidget(title);
    layout->addWidget(summary_);
    layout->addWidget(view_, 1);
}

void MempoolPage::refresh()
{
    if (queried_) return;
    queried_ = true;
    Node* node = &node_;
    queries_.run(
        [node] {
            QueryError error;
            QList<TransactionInfo> pending = node->mempool(&error);
            return std::make_pair(pending, error.message);
        },
        [this](std::pair<QList<TransactionInfo>, QString> answer) {
            queried_ = false;
            show(answer.first, answer.second);
        });
}

void MempoolPage::show(const QList<TransactionInfo>& pending, const QString& problem)
{
    model_->update(pending, QDateTime::currentSecsSinceEpoch());
    if (!problem.isEmpty()) {
        summary_->setText(tr("Cannot read the mempool: %1").arg(problem));
    } else if (pending.isEmpty()) {
        summary_->setText(tr("No transfers are waiting for a block."));
    } else {
        qint64 bytes = 0;
        quint64 lowest = MempoolTableModel::feeRate(pending.first()), highest = lowest;
        for (const TransactionInfo& tx : pending) {
            bytes += tx.size;
            lowest = std::min(lowest, MempoolTableModel::feeRate(tx));
            highest = std::max(highest, MempoolTableModel::feeRate(tx));
        }
        summary_->setText(tr("%n transfer(s) waiting, %1 bytes; fee rates from %2 to %3 units/kB.", nullptr, int(pending.size()))
                              .arg(numberText(bytes))
                              .arg(numberText(qint64(lowest)))
                              .arg(numberText(qint64(highest))));
    }
    emit refreshed();
}

} // namespace pb::ui
