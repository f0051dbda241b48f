#pragma once
// Asking to be paid: for one of the wallet's addresses, an optional amount, label and message
// become a photoblocks: URI (core/wallet/PaymentRequest.h) shown as text and as a QR code that
// the phone client or another wallet's Send reads.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pb::ui {

class PaymentRequestDialog : public QDialog {
    Q_OBJECT
public:
    PaymentRequestDialog(const QString& address, QWidget* parent = nullptr);

    QLineEdit* amountBox() const { return amount_; }
    QLineEdit* labelBox() const { return label_; }
    QLineEdit* messageBox() const { return message_; }
    QLineEdit* uriBox() const { return uri_; }
    QLabel* qrLabel() const { return qr_; }
    QLabel* errorLabel() const { return error_; }

private:
    void update();

    QString address_;
    QLineEdit* amount_;
    QLineEdit* label_;
    QLineEdit* message_;
    QLineEdit* uri_;
    QLabel* qr_;
    QLabel* error_;
    QPushButton* copy_;
};

} // namespace pb::ui
