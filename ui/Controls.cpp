#include "ui/Controls.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace pb::ui {

QPushButton* namedButton(const QString& text, const QString& accessibleName)
{
    auto* b = new QPushButton(text);
    b->setAccessibleName(accessibleName);
    return b;
}

QLabel* wrappingLabel(const QString& accessibleName)
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setAccessibleName(accessibleName);
    return label;
}

QLabel* errorLine()
{
    QLabel* label = wrappingLabel(QObject::tr("Error"));
    label->setStyleSheet("color: #c53030");
    return label;
}

QLineEdit* passphraseEdit(const QString& accessibleName)
{
    auto* edit = new QLineEdit;
    edit->setEchoMode(QLineEdit::Password);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace pb::ui
