#pragma once
// The engine's log lines as they arrive (Node::logged), oldest first, keeping at most
// `capacity` lines: the oldest are dropped so a long-running node's console stays small.
#include "core/util/Logger.h"

#include <QAbstractTableModel>
#include <deque>

namespace pb::ui {

class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Level, Message, ColumnCount };
    static constexpr int LevelRole = Qt::UserRole;

    explicit LogModel(int capacity = 5000, QObject* parent = nullptr);

    void append(const LogLine& line);
    int capacity() const { return capacity_; }
    static QString levelName(LogLine::Level level);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::deque<LogLine> lines_;
    int capacity_;
};

} // namespace pb::ui
