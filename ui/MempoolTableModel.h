#pragma once
// The pending transfers (Node::mempool() answers) as a table: id, sender, recipient, amount,
// fee, fee rate, size and age, amounts and numbers in the language's format (LocaleFormat).
// Ages are counted from the time given with update(), so the model holds no clock of its own.
#include "core/node/TransactionInfo.h"
#include "ui/SnapshotTableModel.h"

namespace pb::ui {

class MempoolTableModel : public SnapshotTableModel<TransactionInfo> {
    Q_OBJECT
public:
    enum Column { Id, From, To, Amount, Fee, FeeRate, Size, Age, ColumnCount };
    enum { SortRole = Qt::UserRole + 1 };  // numbers for numeric columns

    explicit MempoolTableModel(QObject* parent = nullptr);

    // `now`: seconds since the epoch, what the Age column counts to.
    void update(const QList<TransactionInfo>& pending, qint64 now);

    // Units per 1000 bytes, as the miner ranks transfers; 0 when the size is unknown.
    static quint64 feeRate(const TransactionInfo& tx);
    // "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "unknown" for a negative age.
    static QString ageText(qint64 seconds);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString rowKey(const TransactionInfo& tx) const override { return tx.id; }
    bool sameRow(const TransactionInfo& a, const TransactionInfo& b) const override;

private:
    qint64 now_ = 0;
};

} // namespace pb::ui
