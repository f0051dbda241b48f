#pragma once
// The address book (core/wallet/AddressBook.h) to look at and edit: named recipients that Send
// offers. Saving a name again re-points it; a bad address or name is refused in words.
#include "core/wallet/AddressBook.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace pb::ui {

class AddressBookDialog : public QDialog {
    Q_OBJECT
public:
    AddressBookDialog(const QString& path, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    QLineEdit* nameBox() const { return name_; }
    QLineEdit* addressBox() const { return address_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* removeButton() const { return remove_; }
    QLabel* errorLabel() const { return error_; }

private:
    void showContacts();
    void saveContact();
    void removeSelected();

    std::optional<wallet::AddressBook> book_;
    QTableWidget* table_;
    QLineEdit* name_;
    QLineEdit* address_;
    QPushButton* save_;
    QPushButton* remove_;
    QLabel* error_;
};

} // namespace pb::ui
