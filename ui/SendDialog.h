#pragma once
// Sending coins: recipient (bech32m, checked as it is typed; picked from the address book; or a
// pasted photoblocks: payment request, which fills the amount), amount and fee in coins, checked
// against the sender's spendable balance and the node's minimum fee; then a confirmation step
// with the totals; then the wallet signs and submits off the GUI thread and the dialog shows
// the node's verdict (its reason in words on a refusal). A recipient given a name is saved to
// the address book once the transfer is sent.
#include "ui/WalletModels.h"
#include "core/wallet/AddressBook.h"
#include "ui/WalletSession.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace pb::ui {

class SendDialog : public QDialog {
    Q_OBJECT
public:
    // `senders`: the wallet's addresses with their accounts; `from` preselected when listed.
    SendDialog(WalletSession& session, const QList<WalletAddressRow>& senders, quint64 minimumFee,
               const QString& from, QWidget* parent = nullptr);

    QComboBox* fromBox() const { return from_; }
    QLineEdit* recipientBox() const { return recipient_; }
    QComboBox* contactBox() const { return contacts_; }
    QLineEdit* saveAsBox() const { return saveAs_; }
    QLabel* recipientHint() const { return recipientHint_; }
    QLineEdit* amountBox() const { return amount_; }
    QLineEdit* feeBox() const { return fee_; }
    QPushButton* reviewButton() const { return review_; }
    QPushButton* sendButton() const { return send_; }
    QPushButton* backButton() const { return back_; }
    QLabel* errorLabel() const { return error_; }
    QLabel* summaryLabel() const { return summary_; }
    bool confirming() const;

    // The first problem with the form, in words, or empty when it may be sent.
    QString problem() const;

private:
    QWidget* buildForm();
    QWidget* buildConfirmation();
    void fillContacts();
    void saveContact();
    void checkRecipient();
    void review();
    void submit();
    void onFinished(WalletSession::Operation operation, const QString& error);
    quint64 spendable() const;

    WalletSession& session_;
    QList<WalletAddressRow> senders_;
    quint64 minimumFee_;
    QStackedWidget* steps_;
    QComboBox* from_;
    QComboBox* contacts_;
    QLineEdit* recipient_;
    QLineEdit* saveAs_;
    std::optional<wallet::AddressBook> book_;
    QLabel* recipientHint_;
    QLineEdit* amount_;
    QLineEdit* fee_;
    QPushButton* review_;
    QLabel* summary_;
    QPushButton* back_;
    QPushButton* send_;
    QLabel* error_;
    bool waiting_ = false;
};

} // namespace pb::ui
