#pragma once
// Building blocks of the pages' layouts: columns of widgets and rows, and resizable pairs
// of panes.
#include <QSplitter>
#include <QWidget>
#include <initializer_list>
#include <variant>

class QLayout;

namespace pb::ui {

using PaneItem = std::variant<QWidget*, QLayout*>;

// A widget holding `items` top to bottom, without margins; the first QWidget listed in
// `stretching` (if any) takes the spare height.
QWidget* column(std::initializer_list<PaneItem> items, QWidget* stretching = nullptr);
// A row layout: `items` left to right, then `right` pushed to the right edge.
QLayout* rowWithRight(std::initializer_list<QWidget*> items, std::initializer_list<QWidget*> right);
// Two panes the user can resize, the first getting three fifths of the room.
QSplitter* panes(Qt::Orientation orientation, QWidget* first, QWidget* second);
// Makes `page`'s layout hold just `content`.
void fill(QWidget* page, QWidget* content, bool margins = true);

} // namespace pb::ui
