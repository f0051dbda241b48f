#include "ui/AddressBookDialog.h"

#include "ui/Controls.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pb::ui {

AddressBookDialog::AddressBookDialog(const QString& path, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Address book"));
    table_ = new QTableWidget(0, 2);
    table_->setHorizontalHeaderLabels({tr("Name"), tr("Address")});
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAccessibleName(tr("Saved recipients"));
    name_ = new QLineEdit;
    name_->setAccessibleName(tr("Recipient name"));
    name_->setMaxLength(wallet::AddressBook::kMaxName);
    address_ = new QLineEdit;
    address_->setAccessibleName(tr("Recipient address"));
    address_->setPlaceholderText("pb1…");
    save_ = namedButton(tr("Save"), tr("Save the recipient"));
    remove_ = namedButton(tr("Remove selected"), tr("Remove the selected recipient"));
    error_ = errorLine();
    auto* close = namedButton(tr("Close"), tr("Close"));
    connect(save_, &QPushButton::clicked, this, &AddressBookDialog::saveContact);
    connect(remove_, &QPushButton::clicked, this, &AddressBookDialog::removeSelected);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(table_, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0) return;
        name_->setText(table_->item(row, 0)->text());
        address_->setText(table_->item(row, 1)->text());
    });

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), name_);
    form->addRow(tr("Address:"), address_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addLayout(form);
    layout->addWidget(save_);
    layout->addWidget(remove_);
    layout->addWidget(error_);
    layout->addWidget(close);

    QString why;
    book_ = wallet::AddressBook::load(path, &why);
    error_->setText(why);
    save_->setEnabled(book_.has_value());
    remove_->setEnabled(book_.has_value());
    showContacts();
}

void AddressBookDialog::showContacts()
{
    table_->setRowCount(0);
    if (!book_) return;
    for (const wallet::Contact& c : book_->contacts()) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, new QTableWidgetItem(c.name));
        table_->setItem(row, 1, new QTableWidgetItem(c.address));
    }
}

void AddressBookDialog::saveContact()
{
    QString why;
    if (book_ && book_->save({name_->text(), address_->text()}, &why)) showContacts();
    error_->setText(why);
}

void AddressBookDialog::removeSelected()
{
    const int row = table_->currentRow();
    QString why = tr("Select a recipient first.");
    if (book_ && row >= 0 && book_->remove(table_->item(row, 0)->text(), &why)) {
        why.clear();
        showContacts();
    }
    error_->setText(why);
}

} // namespace pb::ui
