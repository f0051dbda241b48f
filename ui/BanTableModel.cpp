#include "ui/BanTableModel.h"
#include "ui/LocaleFormat.h"

#include <QDateTime>

namespace pb::ui {

BanTableModel::BanTableModel(QObject* parent) : SnapshotTableModel(parent) {}

bool BanTableModel::sameRow(const BanInfo& a, const BanInfo& b) const
{
    return a.address == b.address && a.until == b.until && a.reason == b.reason && a.bannedAt == b.bannedAt;
}

int BanTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant BanTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
    const BanInfo& b = rows_[index.row()];
    switch (index.column()) {
    case Address: return b.address;
    case BannedAt: return b.bannedAt > 0 ? dateTimeText(QDateTime::fromSecsSinceEpoch(b.bannedAt)) : tr("unknown");
    case Until: return dateTimeText(QDateTime::fromSecsSinceEpoch(b.until));
    case Reason: return b.reason;
    }
    return {};
}

QVariant BanTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Address: return tr("Address");
    case BannedAt: return tr("Banned at");
    case Until: return tr("Banned until");
    case Reason: return tr("Reason");
    }
    return {};
}

} // namespace pb::ui
