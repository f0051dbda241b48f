#include "ui/Panes.h"

#include <QHBoxLayout>
#include <QSplitter>
#include <QVBoxLayout>

namespace pb::ui {

QWidget* column(std::initializer_list<PaneItem> items, QWidget* stretching)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const PaneItem& item : items) {
        if (auto* const* widget = std::get_if<QWidget*>(&item)) layout->addWidget(*widget, *widget == stretching ? 1 : 0);
        else layout->addLayout(std::get<QLayout*>(item));
    }
    return box;
}

QLayout* rowWithRight(std::initializer_list<QWidget*> items, std::initializer_list<QWidget*> right)
{
    auto* row = new QHBoxLayout;
    for (QWidget* w : items) row->addWidget(w);
    row->addStretch();
    for (QWidget* w : right) row->addWidget(w);
    return row;
}

QSplitter* panes(Qt::Orientation orientation, QWidget* first, QWidget* second)
{
    auto* split = new QSplitter(orientation);
    split->addWidget(first);
    split->addWidget(second);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    return split;
}

void fill(QWidget* page, QWidget* content, bool margins)
{
    auto* layout = new QVBoxLayout(page);
    if (!margins) layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(content);
}

} // namespace pb::ui
