#pragma once
// Log console: the live engine log with a minimum-level filter and a text search. Follows
// new lines while the view is scrolled to the bottom; scrolling up stops following. Selected
// lines (or, with none selected, every shown line) can be copied (Ctrl+C) or saved to a file.
#include "core/util/Logger.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
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
    QPushButton* copyButton() const { return copy_; }
    QPushButton* saveButton() const { return save_; }
    QLabel* messageLabel() const { return message_; }

    // "time<TAB>LEVEL<TAB>message" lines of the selected rows in view order, or of every
    // shown row when none is selected.
    QString selectedText() const;
    void copySelection();
    // Writes selectedText() to `path`; false (and the reason shown) when it cannot.
    bool saveSelection(const QString& path);

private:
    LogModel* model_;
    LogFilterModel* filter_;
    QComboBox* level_;
    QLineEdit* search_;
    QTableView* view_;
    QPushButton* copy_;
    QPushButton* save_;
    QLabel* message_;
};

} // namespace pb::ui
