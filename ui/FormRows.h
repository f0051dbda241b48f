#pragma once
// A read-only value row in a form: "Label: value", selectable, with an accessible name that
// tests and screen readers find it by; a detail pane's large title; coin amounts as text.
#include <QString>

class QFormLayout;
class QLabel;

namespace pb::ui {

QLabel* addValueRow(QFormLayout* form, const QString& label, const QString& accessibleName);
// Bold, a third larger than the text, wrapping.
QLabel* makeTitle(const QString& text, const QString& accessibleName);
// Units as coins with all eight decimals: "12.50000000".
QString coinText(quint64 units);

} // namespace pb::ui
