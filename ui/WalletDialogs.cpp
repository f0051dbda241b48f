#include "ui/WalletDialogs.h"

#include "ui/Controls.h"

#include <algorithm>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pb::ui {

namespace {

QLineEdit* labelEdit()
{
    auto* edit = new QLineEdit;
    edit->setMaxLength(64);
    edit->setPlaceholderText(QObject::tr("e.g. savings (optional)"));
    edit->setAccessibleName(QObject::tr("Address label"));
    return edit;
}

} // namespace

QString passphraseStrengthHint(const QString& passphrase)
{
    if (passphrase.size() < wallet::Keystore::kMinPassphraseLength)
        return QObject::tr("too short: at least %1 characters").arg(wallet::Keystore::kMinPassphraseLength);
    const auto has = [&passphrase](auto test) { return std::any_of(passphrase.begin(), passphrase.end(), test) ? 1 : 0; };
    const int classes = has([](QChar c) { return c.isLower(); }) + has([](QChar c) { return c.isUpper(); })
                        + has([](QChar c) { return c.isDigit(); }) + has([](QChar c) { return !c.isLetterOrNumber(); });
    const int score = int(passphrase.size()) + 3 * classes;
    if (score < 16) return QObject::tr("weak: longer, or mix letters, digits and symbols");
    if (score < 24) return QObject::tr("fair: a few more words would make it strong");
    return QObject::tr("strong");
}

WalletOperationDialog::WalletOperationDialog(WalletSession& session, WalletSession::Operation operation,
                                             const QString& okText, QWidget* parent)
    : QDialog(parent), session_(session), operation_(operation)
{
    error_ = errorLine();
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons_->button(QDialogButtonBox::Ok)->setText(okText);
    buttons_->button(QDialogButtonBox::Ok)->setAccessibleName(okText);
    buttons_->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &WalletOperationDialog::submit);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&session_, &WalletSession::finished, this, &WalletOperationDialog::onFinished);
}

QPushButton* WalletOperationDialog::okButton() const { return buttons_->button(QDialogButtonBox::Ok); }

void WalletOperationDialog::finishLayout(QLayout* content)
{
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(content);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
}

void WalletOperationDialog::submit()
{
    const QString why = problem();
    error_->setText(why);
    if (!why.isEmpty()) return;
    waiting_ = true;
    okButton()->setEnabled(false);
    error_->setStyleSheet("");
    error_->setText(tr("Working… (the passphrase is stretched on purpose; this takes a moment)"));
    start();
}

void WalletOperationDialog::onFinished(WalletSession::Operation operation, const QString& error)
{
    if (!waiting_ || operation != operation_) return;
    waiting_ = false;
    okButton()->setEnabled(true);
    error_->setStyleSheet("color: #c53030");
    error_->setText(error);
    if (error.isEmpty()) accept();
}

CreateWalletDialog::CreateWalletDialog(WalletSession& session, QWidget* parent)
    : WalletOperationDialog(session, WalletSession::Operation::Create, tr("Create wallet"), parent)
{
    setWindowTitle(tr("Create a wallet"));
    passphrase_ = passphraseEdit(tr("Passphrase"));
    repeat_ = passphraseEdit(tr("Repeat passphrase"));
    strength_ = new QLabel(passphraseStrengthHint({}));
    strength_->setAccessibleName(tr("Passphrase strength"));
    label_ = labelEdit();
    connect(passphrase_, &QLineEdit::textChanged, this, [this](const QString& text) { strength_->setText(passphraseStrengthHint(text)); });

    auto* form = new QFormLayout;
    auto* intro = new QLabel(tr("The wallet keeps your keys in %1, encrypted with this passphrase. "
                                "Without the passphrase the coins cannot be spent: write it down.").arg(session.path()));
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("Passphrase:"), passphrase_);
    form->addRow(tr("Strength:"), strength_);
    form->addRow(tr("Repeat:"), repeat_);
    form->addRow(tr("First address label:"), label_);
    finishLayout(form);
}

QString CreateWalletDialog::problem() const
{
    if (passphrase_->text().size() < wallet::Keystore::kMinPassphraseLength)
        return tr("The passphrase needs at least %1 characters.").arg(wallet::Keystore::kMinPassphraseLength);
    if (passphrase_->text() != repeat_->text()) return tr("The two passphrases differ.");
    return {};
}

void CreateWalletDialog::start() { session_.create(passphrase_->text().toUtf8(), label_->text().trimmed()); }

UnlockWalletDialog::UnlockWalletDialog(WalletSession& session, QWidget* parent)
    : WalletOperationDialog(session, WalletSession::Operation::Unlock, tr("Unlock"), parent)
{
    setWindowTitle(tr("Unlock the wallet"));
    passphrase_ = passphraseEdit(tr("Passphrase"));
    auto* form = new QFormLayout;
    form->addRow(tr("Passphrase:"), passphrase_);
    finishLayout(form);
}

QString UnlockWalletDialog::problem() const { return passphrase_->text().isEmpty() ? tr("Type the wallet's passphrase.") : QString(); }

void UnlockWalletDialog::start() { session_.unlock(passphrase_->text().toUtf8()); }

NewAddressDialog::NewAddressDialog(WalletSession& session, QWidget* parent)
    : WalletOperationDialog(session, WalletSession::Operation::NewAddress, tr("Add address"), parent)
{
    setWindowTitle(tr("New address"));
    label_ = labelEdit();
    auto* form = new QFormLayout;
    form->addRow(tr("Label:"), label_);
    finishLayout(form);
}

QString NewAddressDialog::problem() const { return session_.unlocked() ? QString() : tr("Unlock the wallet first."); }

void NewAddressDialog::start() { session_.newAddress(label_->text().trimmed()); }

} // namespace pb::ui
