#pragma once
// Small controls the wallet's page and dialogs share, each with the accessible name that
// screen readers and tests find it by.
#include <QString>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pb::ui {

QPushButton* namedButton(const QString& text, const QString& accessibleName);
// A label that wraps long text.
QLabel* wrappingLabel(const QString& accessibleName);
// A wrapping label in the error colour, for a dialog's "what is wrong" line.
QLabel* errorLine();
// A line edit that hides what is typed (passphrases).
QLineEdit* passphraseEdit(const QString& accessibleName);

} // namespace pb::ui
