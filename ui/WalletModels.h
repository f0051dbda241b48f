#pragma once
// The Wallet page's tables: the wallet's addresses with labels and balances, and the history
// of the selected address (pending transfers first, then confirmed ones, newest first).
#include "core/node/TransactionInfo.h"
#include "ui/SnapshotTableModel.h"

namespace pb::ui {

struct WalletAddressRow {
    QString address;
    QString label;
    bool isDefault = false;
    std::optional<AccountInfo> account;  // unknown until the node answered

    // What a new transfer may still spend: confirmed balance minus pending spending.
    quint64 spendable() const;
};

class WalletAddressModel : public SnapshotTableModel<WalletAddressRow> {
    Q_OBJECT
public:
    enum Column { Label, Address, Confirmed, Pending, ColumnCount };

    using SnapshotTableModel::SnapshotTableModel;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString rowKey(const WalletAddressRow& row) const override { return row.address; }
    bool sameRow(const WalletAddressRow& a, const WalletAddressRow& b) const override;
};

class WalletHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Status, Direction, Amount, Fee, Height, Id, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // `transactions` as Node::addressHistory() lists them, seen from `address`.
    void show(const QString& address, const QList<TransactionInfo>& transactions);
    TransactionInfo transactionAt(int row) const { return rows_.value(row); }

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(rows_.size()); }
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString direction(const TransactionInfo& tx) const;

    QString address_;
    QList<TransactionInfo> rows_;
};

} // namespace pb::ui
