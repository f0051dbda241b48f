#pragma once
// Base of the table models fed by the node's snapshots (peers, bans, mining jobs). update()
// touches only what changed: rows whose key vanished are removed, new keys appended, and
// dataChanged is emitted only for rows whose values differ, so views keep their selection
// and scroll position, and sorting proxies re-sort only what moved.
#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace pb::ui {

template <typename Row>
class SnapshotTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    void update(const QList<Row>& fresh)
    {
        QHash<QString, const Row*> byKey;
        for (const Row& row : fresh) byKey.insert(rowKey(row), &row);
        for (int i = int(rows_.size()) - 1; i >= 0; --i) {
            const Row* now = byKey.value(rowKey(rows_[i]));
            if (!now) {
                beginRemoveRows({}, i, i);
                rows_.removeAt(i);
                endRemoveRows();
            } else if (!sameRow(*now, rows_[i])) {
                rows_[i] = *now;
                emit dataChanged(index(i, 0), index(i, columnCount() - 1));
            }
        }
        QSet<QString> known;
        for (const Row& row : rows_) known.insert(rowKey(row));
        for (const Row& row : fresh) {
            if (known.contains(rowKey(row))) continue;
            beginInsertRows({}, int(rows_.size()), int(rows_.size()));
            rows_.append(row);
            endInsertRows();
        }
    }

    Row rowAt(int row) const { return rows_.value(row); }
    const QList<Row>& rows() const { return rows_; }
    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(rows_.size()); }

protected:
    virtual QString rowKey(const Row& row) const = 0;
    virtual bool sameRow(const Row& a, const Row& b) const = 0;

    QList<Row> rows_;
};

} // namespace pb::ui
