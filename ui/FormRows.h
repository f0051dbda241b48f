#pragma once
// A read-only value row in a form: "Label: value", selectable, with an accessible name that
// tests and screen readers find it by; a detail pane's large title.
#include <QString>

class QFormLayout;
class QLabel;

namespace pb::ui {

QLabel* addValueRow(QFormLayout* form, const QString& label, const QString& accessibleName);
// Bold, a third larger than the text, wrapping.
QLabel* makeTitle(const QString& text, const QString& accessibleName);

} // namespace pb::ui
