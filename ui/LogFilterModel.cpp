#include "ui/LogFilterModel.h"

#include "ui/LogModel.h"

namespace pb::ui {

LogFilterModel::LogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setMinimumLevel(LogLine::Level level)
{
    minimum_ = level;
    invalidateRowsFilter();
}

void LogFilterModel::setSearchText(const QString& text)
{
    search_ = text;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* source = sourceModel();
    if (source->index(sourceRow, 0, sourceParent).data(LogModel::LevelRole).toInt() < int(minimum_)) return false;
    if (search_.isEmpty()) return true;
    return source->index(sourceRow, LogModel::Message, sourceParent).data().toString().contains(search_, Qt::CaseInsensitive);
}

} // namespace pb::ui
