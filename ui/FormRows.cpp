#include "ui/FormRows.h"

#include <QFormLayout>
#include <QLabel>

namespace pb::ui {

QLabel* addValueRow(QFormLayout* form, const QString& label, const QString& accessibleName)
{
    auto* value = new QLabel(QStringLiteral("—"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setAccessibleName(accessibleName);
    form->addRow(label + ':', value);
    return value;
}

QLabel* makeTitle(const QString& text, const QString& accessibleName)
{
    auto* title = new QLabel(text);
    title->setAccessibleName(accessibleName);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);
    title->setWordWrap(true);
    return title;
}

} // namespace pb::ui
