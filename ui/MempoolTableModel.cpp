#include "ui/MempoolTableModel.h"

#include "ui/LocaleFormat.h"

namespace pb::ui {

MempoolTableModel::MempoolTableModel(QObject* parent) : SnapshotTableModel(parent) {}

void MempoolTableModel::update(const QList<TransactionInfo>& pending, qint64 now)
{
    const bool ticked = now != now_;
    now_ = now;
    SnapshotTableModel::update(pending);
    if (ticked && !rows_.isEmpty()) emit dataChanged(index(0, Age), index(int(rows_.size()) - 1, Age));
}

quint64 MempoolTableModel::feeRate(const TransactionInfo& tx)
{
    return tx.size > 0 ? tx.fee * 1000 / quint64(tx.size) : 0;
}

QString MempoolTableModel::ageText(qint64 seconds)
{
    if (seconds < 0) return tr("unknown");
    if (seconds < 60) return tr("%1 s").arg(seconds);
    if (seconds < 3600) return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400) return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

bool MempoolTableModel::sameRow(const TransactionInfo& a, const TransactionInfo& b) const
{
    return a.id == b.id && a.fee == b.fee && a.size == b.size && a.arrivedAt == b.arrivedAt;
}

int MempoolTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MempoolTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const TransactionInfo& tx = rows_[index.row()];
    const qint64 age = tx.arrivedAt > 0 ? now_ - tx.arrivedAt : -1;
    if (role == SortRole) {
        switch (index.column()) {
        case Amount: return tx.amount;
        case Fee: return tx.fee;
        case FeeRate: return feeRate(tx);
        case Size: return tx.size;
        case Age: return age;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Amount) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && (index.column() == Id || index.column() == From || index.column() == To))
        return index.column() == Id ? tx.id : index.column() == From ? tx.from : tx.to;
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Id: return tx.id.left(16) + QChar(0x2026);
    case From: return tx.from;
    case To: return tx.to;
    case Amount: return coinsText(tx.amount);
    case Fee: return coinsText(tx.fee);
    case FeeRate: return tx.size > 0 ? tr("%1 units/kB").arg(numberText(qint64(feeRate(tx)))) : tr("unknown");
    case Size: return tr("%1 B").arg(numberText(tx.size));
    case Age: return ageText(age);
    }
    return {};
}

QVariant MempoolTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("Transfer");
    case From: return tr("From");
    case To: return tr("To");
    case Amount: return tr("Amount");
    case Fee: return tr("Fee");
    case FeeRate: return tr("Fee rate");
    case Size: return tr("Size");
    case Age: return tr("Age");
    }
    return {};
}

} // namespace pb::ui
