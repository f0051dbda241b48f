#pragma once
// A read-only value row in a form: "Label: value", selectable, with an accessible name that
// tests and screen readers find it by.
#include <QString>

class QFormLayout;
class QLabel;

namespace pb::ui {

QLabel* addValueRow(QFormLayout* form, const QString& label, const QString& accessibleName);

} // namespace pb::ui
