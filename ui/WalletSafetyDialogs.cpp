#include "ui/WalletSafetyDialogs.h"

#include "core/wallet/RecoveryPhrase.h"

#include "ui/Controls.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pb::ui {

namespace {

QString newPassphraseProblem(const QString& passphrase, const QString& repeat)
{
    if (passphrase.size() < wallet::Keystore::kMinPassphraseLength)
        return QObject::tr("The new passphrase needs at least %1 characters.").arg(wallet::Keystore::kMinPassphraseLength);
    if (passphrase != repeat) return QObject::tr("The two new passphrases differ.");
    return {};
}

} // namespace

RestoreWalletDialog::RestoreWalletDialog(WalletSession& session, QWidget* parent)
    : WalletOperationDialog(session, WalletSession::Operation::Restore, tr("Restore"), parent)
{
    setWindowTitle(tr("Restore the wallet from a backup"));
    file_ = new QLineEdit;
    file_->setAccessibleName(tr("Backup file"));
    auto* browse = new QPushButton(tr("Choose…"));
    browse->setAccessibleName(tr("Choose the backup file"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Wallet backup"), {}, tr("Wallet files (*.json);;All files (*)"));
        if (!chosen.isEmpty()) file_->setText(chosen);
    });
    passphrase_ = passphraseEdit(tr("The backup's passphrase"));
    replace_ = new QCheckBox(tr("Replace the current wallet (it is kept beside it as wallet.json.before-restore-…)"));
    replace_->setVisible(session.exists());
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(file_, 1);
    fileRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Backup file:"), fileRow);
    form->addRow(tr("Its passphrase:"), passphrase_);
    form->addRow(replace_);
    finishLayout(form);
}

QString RestoreWalletDialog::problem() const
{
    if (!QFileInfo(file_->text()).isFile()) return tr("Choose the backup file.");
    if (passphrase_->text().isEmpty()) return tr("Type the passphrase the backup was made with.");
    if (session_.exists() && !replace_->isChecked()) return tr("A wallet exists: tick \"Replace the current wallet\" to restore over it.");
    return {};
}

void RestoreWalletDialog::start() { session_.restore(file_->text(), passphrase_->text().toUtf8(), replace_->isChecked()); }

RestoreWordsDialog::RestoreWordsDialog(WalletSession& session, QWidget* parent)
    : WalletOperationDialog(session, WalletSession::Operation::RestoreWords, tr("Restore"), parent)
{
    setWindowTitle(tr("Restore the wallet from its recovery words"));
    words_ = new QPlainTextEdit;
    words_->setAccessibleName(tr("Recovery words"));
    words_->setTabChangesFocus(true);
    passphrase_ = passphraseEdit(tr("New passphrase"));
    repeat_ = passphraseEdit(tr("Repeat the new passphrase"));
    count_ = new QSpinBox;
    count_->setRange(1, 1000);
    count_->setAccessibleName(tr("Number of addresses"));
    count_->setToolTip(tr("How many of the wallet's addresses to re-create, in the order they were made"));
    auto* form = new QFormLayout;
    form->addRow(tr("Recovery words:"), words_);
    form->addRow(tr("Addresses:"), count_);
    form->addRow(tr("New passphrase:"), passphrase_);
    form->addRow(tr("Repeat:"), repeat_);
    finishLayout(form);
}

QString RestoreWordsDialog::problem() const
{
    if (session_.exists()) return tr("A wallet exists already; restore the words on a node without one, or move wallet.json away first.");
    QString why;
    if (!wallet::phrase::toEntropy(words_->toPlainText(), &why)) return tr("These are not recovery words: %1.").arg(why);
    return newPassphraseProblem(passphrase_->text(), repeat_->text());
}

void RestoreWordsDialog::start() { session_.restoreWords(passphrase_->text().toUtf8(), words_->toPlainText(), count_->value()); }

ChangePassphraseDialog::ChangePassphraseDialog(WalletSession& session, QWidget* parent)
    : WalletOperationDialog(session, WalletSession::Operation::ChangePassphrase, tr("Change passphrase"), parent)
{
    setWindowTitle(tr("Change the wallet passphrase"));
    current_ = passphraseEdit(tr("Current passphrase"));
    next_ = passphraseEdit(tr("New passphrase"));
    repeat_ = passphraseEdit(tr("Repeat the new passphrase"));
    strength_ = new QLabel(passphraseStrengthHint({}));
    strength_->setAccessibleName(tr("Passphrase strength"));
    connect(next_, &QLineEdit::textChanged, this, [this](const QString& text) { strength_->setText(passphraseStrengthHint(text)); });
    auto* note = new QLabel(tr("Backups made before now keep opening with the current passphrase; make a new backup after the change."));
    note->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Current:"), current_);
    form->addRow(tr("New:"), next_);
    form->addRow(tr("Strength:"), strength_);
    form->addRow(tr("Repeat new:"), repeat_);
    form->addRow(note);
    finishLayout(form);
}

QString ChangePassphraseDialog::problem() const
{
    if (current_->text().isEmpty()) return tr("Type the current passphrase.");
    return newPassphraseProblem(next_->text(), repeat_->text());
}

void ChangePassphraseDialog::start() { session_.changePassphrase(current_->text().toUtf8(), next_->text().toUtf8()); }

RecoveryWordsDialog::RecoveryWordsDialog(const QStringList& words, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Your recovery words"));
    auto* intro = new QLabel(tr("Write these %1 words on paper, in order, and keep them somewhere safe. With them anyone can "
                                "re-create this wallet and spend its coins; without them and without a backup, a lost "
                                "wallet file cannot be recovered. They are shown only now.").arg(words.size()));
    intro->setWordWrap(true);
    QStringList numbered;
    for (int i = 0; i < words.size(); ++i) numbered << QString("%1. %2").arg(i + 1, 2).arg(words[i]);
    words_ = new QLabel(numbered.join("\n"));
    words_->setAccessibleName(tr("Recovery words"));
    words_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    words_->setStyleSheet("font-family: monospace; font-size: 14px");
    confirm_ = new QCheckBox(tr("I have written them down"));
    close_ = new QPushButton(tr("Close"));
    close_->setAccessibleName(tr("Close"));
    close_->setEnabled(false);
    connect(confirm_, &QCheckBox::toggled, close_, &QPushButton::setEnabled);
    connect(close_, &QPushButton::clicked, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(words_);
    layout->addWidget(confirm_);
    layout->addWidget(close_, 0, Qt::AlignRight);
}

void RecoveryWordsDialog::reject()
{
    if (confirm_->isChecked()) QDialog::reject();
}

} // namespace pb::ui
