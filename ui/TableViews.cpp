#include "ui/TableViews.h"

#include <QHeaderView>
#include <QTableView>

namespace pb::ui {

QTableView* makeTableView(QAbstractItemModel* model, const QString& accessibleName)
{
    auto* view = new QTableView;
    view->setModel(model);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace pb::ui
