#pragma once
// Shows the log lines at or above a level whose message contains a search text.
#include "core/util/Logger.h"

#include <QSortFilterProxyModel>

namespace pb::ui {

class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterModel(QObject* parent = nullptr);

    void setMinimumLevel(LogLine::Level level);
    void setSearchText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    LogLine::Level minimum_ = LogLine::Debug;
    QString search_;
};

} // namespace pb::ui
