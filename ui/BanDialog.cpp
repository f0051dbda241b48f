#include "ui/BanDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace pb::ui {

BanDialog::BanDialog(const QString& address, QWidget* parent) : QDialog(parent), address_(address)
{
    setWindowTitle(address.isEmpty() ? tr("Ban an address or subnet") : tr("Ban %1").arg(address));
    duration_ = new QComboBox;
    duration_->setAccessibleName(tr("Ban duration"));
    constexpr qint64 hour = 3600, day = 24 * hour;
    duration_->addItem(tr("1 hour"), hour);
    duration_->addItem(tr("1 day"), day);
    duration_->addItem(tr("1 week"), 7 * day);
    duration_->addItem(tr("30 days"), 30 * day);
    duration_->addItem(tr("1 year"), 365 * day);
    duration_->setCurrentIndex(1);
    reason_ = new QLineEdit(tr("banned by the operator"));
    reason_->setAccessibleName(tr("Ban reason"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Ban"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    if (address.isEmpty()) {
        target_ = new QLineEdit;
        target_->setAccessibleName(tr("Address or subnet to ban"));
        target_->setPlaceholderText(tr("203.0.113.7, 203.0.113.0/24 or 2001:db8::/64"));
        form->addRow(new QLabel(tr("Connections from the address or subnet are closed and refused until the ban ends.")));
        form->addRow(tr("&Address or subnet:"), target_);
    } else {
        form->addRow(new QLabel(tr("Connections from %1 are closed and refused until the ban ends.").arg(address)));
    }
    form->addRow(tr("&Duration:"), duration_);
    form->addRow(tr("&Reason:"), reason_);
    form->addRow(buttons);
}

QString BanDialog::target() const { return target_ ? target_->text().trimmed() : address_; }
qint64 BanDialog::seconds() const { return duration_->currentData().toLongLong(); }
QString BanDialog::reason() const { return reason_->text().trimmed(); }

} // namespace pb::ui
