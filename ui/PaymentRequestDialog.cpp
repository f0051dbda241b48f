#include "ui/PaymentRequestDialog.h"

#include "core/wallet/Coins.h"
#include "core/wallet/PaymentRequest.h"
#include "ui/Controls.h"
#include "ui/QrCode.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace pb::ui {

namespace {

QLineEdit* edit(const QString& accessibleName, const QString& placeholder, int maxLength)
{
    auto* e = new QLineEdit;
    e->setAccessibleName(accessibleName);
    e->setPlaceholderText(placeholder);
    e->setMaxLength(maxLength);
    return e;
}

} // namespace

PaymentRequestDialog::PaymentRequestDialog(const QString& address, QWidget* parent) : QDialog(parent), address_(address)
{
    setWindowTitle(tr("Request a payment"));
    amount_ = edit(tr("Requested amount in coins"), tr("coins, e.g. 1.5 (optional)"), 20);
    label_ = edit(tr("Your name for the payer"), tr("e.g. Corner shop (optional)"), wallet::kMaxRequestLabel);
    message_ = edit(tr("What the payment is for"), tr("e.g. Order 42 (optional)"), wallet::kMaxRequestMessage);
    uri_ = new QLineEdit;
    uri_->setReadOnly(true);
    uri_->setAccessibleName(tr("Payment request link"));
    qr_ = new QLabel;
    qr_->setAlignment(Qt::AlignCenter);
    qr_->setMinimumSize(200, 200);
    qr_->setAccessibleName(tr("QR code of the payment request"));
    error_ = errorLine();
    copy_ = namedButton(tr("Copy link"), tr("Copy the payment request link"));
    auto* close = namedButton(tr("Close"), tr("Close"));
    connect(copy_, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(uri_->text()); });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    for (QLineEdit* e : {amount_, label_, message_}) connect(e, &QLineEdit::textChanged, this, &PaymentRequestDialog::update);

    auto* form = new QFormLayout;
    form->addRow(tr("To:"), new QLabel(address));
    form->addRow(tr("Amount:"), amount_);
    form->addRow(tr("Label:"), label_);
    form->addRow(tr("Message:"), message_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(uri_);
    layout->addWidget(qr_, 1);
    layout->addWidget(error_);
    layout->addWidget(copy_);
    layout->addWidget(close);
    update();
}

void PaymentRequestDialog::update()
{
    wallet::PaymentRequest request{address_, std::nullopt, label_->text().trimmed(), message_->text().trimmed()};
    QString why;
    const QString amount = amount_->text().trimmed();
    if (!amount.isEmpty()) {
        request.amount = wallet::parseCoins(amount);
        if (!request.amount || *request.amount == 0) why = tr("The amount is not a positive number of coins (at most 8 decimals).");
    }
    const QString uri = wallet::formatPaymentRequest(request);
    if (why.isEmpty() && !wallet::parsePaymentRequest(uri, &why)) why = tr("This request cannot be made: %1").arg(why);
    error_->setText(why);
    uri_->setText(why.isEmpty() ? uri : QString());
    uri_->setCursorPosition(0);
    qr_->setPixmap(why.isEmpty() ? QPixmap::fromImage(qrCodeImage(uri, 4)) : QPixmap());
    copy_->setEnabled(why.isEmpty());
}

} // namespace pb::ui
