#include "ui/WalletModels.h"
#include "ui/LocaleFormat.h"


#include <QBrush>
#include <QColor>
#include <QFont>

namespace pb::ui {

quint64 WalletAddressRow::spendable() const
{
    if (!account) return 0;
    return account->balance > account->pendingSpend ? account->balance - account->pendingSpend : 0;
}

bool WalletAddressModel::sameRow(const WalletAddressRow& a, const WalletAddressRow& b) const
{
    const auto accountKey = [](const std::optional<AccountInfo>& x) {
        return x ? std::tuple(true, x->balance, x->pendingIn, x->pendingSpend) : std::tuple(false, quint64(0), quint64(0), quint64(0));
    };
    return a.label == b.label && a.isDefault == b.isDefault && accountKey(a.account) == accountKey(b.account);
}

int WalletAddressModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant WalletAddressModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const WalletAddressRow& row = rows_[index.row()];
    if (role == Qt::FontRole && row.isDefault) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && row.isDefault) return tr("The default address: the node mines to it");
    if (role == Qt::TextAlignmentRole && (index.column() == Confirmed || index.column() == Pending))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Label: return row.isDefault ? tr("%1 (default)").arg(row.label.isEmpty() ? tr("unlabelled") : row.label) : row.label;
    case Address: return row.address;
    case Confirmed: return row.account ? coinsText(row.account->balance) : tr("…");
    case Pending:
        if (!row.account) return tr("…");
        if (row.account->pendingIn == 0 && row.account->pendingSpend == 0) return QString();
        return QString("+%1 / −%2").arg(coinsText(row.account->pendingIn), coinsText(row.account->pendingSpend));
    }
    return {};
}

QVariant WalletAddressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Label: return tr("Label");
    case Address: return tr("Address");
    case Confirmed: return tr("Confirmed");
    case Pending: return tr("Pending in / out");
    }
    return {};
}

void WalletHistoryModel::show(const QString& address, const QList<TransactionInfo>& transactions)
{
    const auto same = [&] {
        if (address != address_ || transactions.size() != rows_.size()) return false;
        for (int i = 0; i < rows_.size(); ++i)
            if (rows_[i].id != transactions[i].id || rows_[i].status != transactions[i].status) return false;
        return true;
    };
    if (same()) return;
    beginResetModel();
    address_ = address;
    rows_ = transactions;
    endResetModel();
}

QString WalletHistoryModel::direction(const TransactionInfo& tx) const
{
    if (tx.type == "coinbase") return tr("mined");
    if (tx.from == address_ && tx.to == address_) return tr("to self");
    return tx.from == address_ ? tr("sent") : tr("received");
}

int WalletHistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant WalletHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const TransactionInfo& tx = rows_[index.row()];
    if (role == Qt::ForegroundRole && index.column() == Status && tx.status == "pending") return QBrush(QColor(0xb7, 0x79, 0x1f));
    if (role == Qt::ToolTipRole) return tr("%1 → %2\nDouble-click to copy the id").arg(tx.from.isEmpty() ? tr("block reward") : tx.from, tx.to);
    if (role == Qt::TextAlignmentRole && (index.column() == Amount || index.column() == Fee || index.column() == Height))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    const bool outgoing = tx.type == "transfer" && tx.from == address_ && tx.to != address_;
    switch (index.column()) {
    case Status: return tx.status;
    case Direction: return direction(tx);
    case Amount: return (outgoing ? "−" : "+") + coinsText(tx.amount);
    case Fee: return tx.type == "transfer" ? coinsText(tx.fee) : QString();
    case Height: return tx.status == "confirmed" ? QString::number(tx.height) : QString();
    case Id: return tx.id;
    }
    return {};
}

QVariant WalletHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Status: return tr("Status");
    case Direction: return tr("Direction");
    case Amount: return tr("Amount");
    case Fee: return tr("Fee");
    case Height: return tr("Height");
    case Id: return tr("Transaction id");
    }
    return {};
}

} // namespace pb::ui
