#pragma once
// Log console: the live engine log with a minimum-level filter and a text search. Follows
// new lines while the view is scrolled to the bottom; scrolling up stops following.
#include "core/util/Logger.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace pb::ui {

class LogFilterModel;
class LogModel;

class LogPage : public QWidget {
    Q_OBJECT
public:
    explicit LogPage(QWidget* parent = nullptr);

    void append(const pb::LogLine& line);

    LogModel* model() const { return model_; }
    LogFilterModel* filter() const { return filter_; }
    QComboBox* levelBox() const { return level_; }
    QLineEdit* searchBox() const { return search_; }
    QTableView* view() const { return view_; }

private:
    LogModel* model_;
    LogFilterModel* filter_;
    QComboBox* level_;
    QLineEdit* search_;
    QTableView* view_;
};

} // namespace pb::ui
