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

} // namespace pb::ui
