#include "ui/SendDialog.h"
#include "ui/LocaleFormat.h"

#include "core/crypto/Address.h"
#include "core/wallet/Coins.h"
#include "core/wallet/PaymentRequest.h"
#include "ui/Controls.h"

#include <QComboBox>
#include <QLocale>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pb::ui {

namespace {

QPushButton* button(const QString& text) { return namedButton(text, text); }

QLineEdit* coinsEdit(const QString& accessibleName)
{
    auto* edit = new QLineEdit;
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(QObject::tr("coins, e.g. 1.5"));
    return edit;
}

} // namespace

SendDialog::SendDialog(WalletSession& session, const QList<WalletAddressRow>& senders, quint64 minimumFee,
                       const QString& from, QWidget* parent)
    : QDialog(parent), session_(session), senders_(senders), minimumFee_(minimumFee)
{
    setWindowTitle(tr("Send coins"));
    error_ = errorLine();
    steps_ = new QStackedWidget;
    steps_->addWidget(buildForm());
    steps_->addWidget(buildConfirmation());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(steps_);
    layout->addWidget(error_);
    for (int i = 0; i < senders_.size(); ++i)
        if (senders_[i].address == from) from_->setCurrentIndex(i);
    connect(&session_, &WalletSession::finished, this, &SendDialog::onFinished);
}

QWidget* SendDialog::buildForm()
{
    from_ = new QComboBox;
    from_->setAccessibleName(tr("Send from"));
    for (const WalletAddressRow& row : senders_)
        from_->addItem(tr("%1 %2 (%3 spendable)").arg(row.label, row.address.left(14) + "…", coinsText(row.spendable())), row.address);
    recipient_ = new QLineEdit;
    recipient_->setAccessibleName(tr("Recipient address"));
    recipient_->setPlaceholderText(tr("pb1… or a photoblocks: payment request"));
    contacts_ = new QComboBox;
    contacts_->setAccessibleName(tr("Pick a recipient from the address book"));
    saveAs_ = new QLineEdit;
    saveAs_->setAccessibleName(tr("Save the recipient in the address book as"));
    saveAs_->setPlaceholderText(tr("a name (optional)"));
    saveAs_->setMaxLength(wallet::AddressBook::kMaxName);
    fillContacts();
    connect(contacts_, &QComboBox::activated, this, [this](int index) {
        if (index > 0) recipient_->setText(contacts_->itemData(index).toString());
    });
    recipientHint_ = new QLabel;
    recipientHint_->setAccessibleName(tr("Recipient check"));
    amount_ = coinsEdit(tr("Amount in coins"));
    fee_ = coinsEdit(tr("Fee in coins"));
    fee_->setText(coinsText(minimumFee_));
    review_ = button(tr("Review…"));
    review_->setDefault(true);
    auto* cancel = button(tr("Cancel"));
    connect(recipient_, &QLineEdit::textChanged, this, &SendDialog::checkRecipient);
    connect(review_, &QPushButton::clicked, this, &SendDialog::review);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->addRow(tr("From:"), from_);
    form->addRow(tr("Address book:"), contacts_);
    form->addRow(tr("To:"), recipient_);
    form->addRow(QString(), recipientHint_);
    form->addRow(tr("Save as:"), saveAs_);
    form->addRow(tr("Amount:"), amount_);
    form->addRow(tr("Fee:"), fee_);
    form->addRow(new QLabel(tr("This node accepts fees from %1 coins.").arg(coinsText(minimumFee_))));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(review_);
    form->addRow(buttons);
    return page;
}

QWidget* SendDialog::buildConfirmation()
{
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setAccessibleName(tr("Transfer summary"));
    back_ = button(tr("Back"));
    send_ = button(tr("Send"));
    connect(back_, &QPushButton::clicked, this, [this] {
        error_->clear();
        steps_->setCurrentIndex(0);
    });
    connect(send_, &QPushButton::clicked, this, &SendDialog::submit);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(summary_);
    layout->addStretch();
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(back_);
    buttons->addWidget(send_);
    layout->addLayout(buttons);
    return page;
}

bool SendDialog::confirming() const { return steps_->currentIndex() == 1; }

quint64 SendDialog::spendable() const { return senders_.value(from_->currentIndex()).spendable(); }

void SendDialog::fillContacts()
{
    QString error;
    book_ = wallet::AddressBook::load(wallet::AddressBook::fileIn(QFileInfo(session_.path()).path()), &error);
    contacts_->addItem(book_ ? tr("— pick a saved recipient —") : tr("(address book unreadable: %1)").arg(error));
    if (book_)
        for (const wallet::Contact& c : book_->contacts()) contacts_->addItem(QString("%1  (%2…)").arg(c.name, c.address.left(14)), c.address);
    contacts_->setEnabled(book_ && !book_->contacts().isEmpty());
}

void SendDialog::saveContact()
{
    const QString name = saveAs_->text().trimmed();
    QString error;
    if (name.isEmpty() || !book_) return;
    if (!book_->save({name, recipient_->text().trimmed()}, &error)) error_->setText(tr("Sent, but not saved to the address book: %1").arg(error));
}

void SendDialog::checkRecipient()
{
    const QString text = recipient_->text().trimmed();
    if (text.startsWith("photoblocks:", Qt::CaseInsensitive)) {
        QString why;
        const auto request = wallet::parsePaymentRequest(text, &why);
        if (!request) {
            recipientHint_->setText(tr("✗ not a usable payment request: %1").arg(why));
            return;
        }
        if (request->amount)  // as typed in this language: its decimal separator, no grouping
            amount_->setText(wallet::formatCoins(*request->amount).replace('.', QLocale().decimalPoint()));
        if (!request->label.isEmpty() && saveAs_->text().isEmpty() && !(book_ && book_->byAddress(request->address)))
            saveAs_->setText(request->label);
        recipient_->setText(request->address);  // checks again, as an address
        if (!request->message.isEmpty()) recipientHint_->setText(recipientHint_->text() + " — " + request->message);
        return;
    }
    const auto known = book_ ? book_->byAddress(text) : std::nullopt;
    if (text.isEmpty()) recipientHint_->clear();
    else if (known) recipientHint_->setText(tr("✓ %1, from the address book").arg(known->name));
    else if (crypto::decodeAddress(text.toStdString())) recipientHint_->setText(tr("✓ a valid address"));
    else recipientHint_->setText(tr("✗ not a valid Photoblocks address (yet): check for typos"));
}

QString SendDialog::problem() const
{
    if (senders_.isEmpty()) return tr("The wallet has no address to send from.");
    if (!crypto::decodeAddress(recipient_->text().trimmed().toStdString()))
        return tr("The recipient is not a valid Photoblocks address (pb1…, with its checksum): check for typos.");
    const auto amount = parseCoinsText(amount_->text().trimmed());
    if (!amount) return tr("The amount is not a number of coins (digits, a point, at most 8 decimals).");
    if (*amount == 0) return tr("The amount must be more than zero.");
    const auto fee = parseCoinsText(fee_->text().trimmed());
    if (!fee) return tr("The fee is not a number of coins (digits, a point, at most 8 decimals).");
    if (*fee < minimumFee_) return tr("The fee is below this node's minimum of %1 coins.").arg(coinsText(minimumFee_));
    if (*amount + *fee > spendable())
        return tr("Amount plus fee (%1 coins) is more than this address can spend: %2 coins (balance minus pending transfers).")
            .arg(coinsText(*amount + *fee), coinsText(spendable()));
    return {};
}

void SendDialog::review()
{
    const QString why = problem();
    error_->setText(why);
    if (!why.isEmpty()) return;
    const quint64 amount = *parseCoinsText(amount_->text().trimmed());
    const quint64 fee = *parseCoinsText(fee_->text().trimmed());
    summary_->setText(tr("Send %1 coins to\n%2\n\nfrom %3\nFee: %4 coins\nTotal taken from the address: %5 coins\n"
                         "Left to spend afterwards: %6 coins\n\nA sent transfer cannot be called back.")
                          .arg(coinsText(amount), recipient_->text().trimmed(), from_->currentData().toString(),
                               coinsText(fee), coinsText(amount + fee), coinsText(spendable() - amount - fee)));
    steps_->setCurrentIndex(1);
    send_->setFocus();
}

void SendDialog::submit()
{
    if (!problem().isEmpty()) return;
    waiting_ = true;
    send_->setEnabled(false);
    back_->setEnabled(false);
    error_->setText(tr("Sending…"));
    session_.send(from_->currentData().toString(), recipient_->text().trimmed(),
                  *parseCoinsText(amount_->text().trimmed()), *parseCoinsText(fee_->text().trimmed()));
}

void SendDialog::onFinished(WalletSession::Operation operation, const QString& error)
{
    if (!waiting_ || operation != WalletSession::Operation::Send) return;
    waiting_ = false;
    send_->setEnabled(true);
    back_->setEnabled(true);
    error_->setText(error);
    if (!error.isEmpty()) return;
    saveContact();
    accept();
}

} // namespace pb::ui
