#pragma once
// The pages' tables look and behave alike: whole-row single selection, no row numbers,
// fixed row heights (so long models are laid out without asking for every row), the last
// column filling the width, and an accessible name.
#include <QString>

class QAbstractItemModel;
class QTableView;

namespace pb::ui {

QTableView* makeTableView(QAbstractItemModel* model, const QString& accessibleName);

} // namespace pb::ui
