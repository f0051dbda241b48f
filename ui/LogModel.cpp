#include "ui/LogModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace pb::ui {

LogModel::LogModel(int capacity, QObject* parent) : QAbstractTableModel(parent), capacity_(std::max(1, capacity)) {}

QString LogModel::levelName(LogLine::Level level)
{
    switch (level) {
    case LogLine::Debug: return tr("debug");
    case LogLine::Info: return tr("info");
    case LogLine::Warning: return tr("warning");
    case LogLine::Error: return tr("error");
    }
    return {};
}

void LogModel::append(const LogLine& line)
{
    if (int(lines_.size()) >= capacity_) {
        beginRemoveRows({}, 0, 0);
        lines_.pop_front();
        endRemoveRows();
    }
    beginInsertRows({}, int(lines_.size()), int(lines_.size()));
    lines_.push_back(line);
    endInsertRows();
}

int LogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(lines_.size()); }
int LogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(lines_.size())) return {};
    const LogLine& line = lines_[size_t(index.row())];
    if (role == LevelRole) return int(line.level);
    if (role == Qt::ForegroundRole && line.level >= LogLine::Warning)
        return QBrush(line.level == LogLine::Error ? QColor(0xc5, 0x30, 0x30) : QColor(0xb7, 0x79, 0x1f));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
    case Time: return QDateTime::fromMSecsSinceEpoch(line.msecsSinceEpoch).toString("HH:mm:ss.zzz");
    case Level: return levelName(line.level);
    case Message: return line.text;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Time: return tr("Time");
    case Level: return tr("Level");
    case Message: return tr("Message");
    }
    return {};
}

} // namespace pb::ui
