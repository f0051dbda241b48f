#include "ui/WalletPage.h"

#include "core/util/PrivateFile.h"
#include "core/wallet/AddressBook.h"
#include "core/wallet/HistoryCsv.h"
#include "ui/AddressBookDialog.h"
#include "ui/Controls.h"
#include "ui/PaymentRequestDialog.h"
#include "ui/Panes.h"
#include "ui/QrCode.h"
#include "ui/SendDialog.h"
#include "ui/TableViews.h"
#include "ui/WalletDialogs.h"
#include "ui/WalletSafetyDialogs.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pb::ui {

namespace {

constexpr int kHistoryShown = 200;
constexpr int kHistoryExported = 500;  // per address, the node's largest page

} // namespace

struct WalletPage::Balances {
    QList<std::optional<AccountInfo>> accounts;  // in the order of `addresses`
    QStringList addresses;
    QString historyAddress;
    QList<TransactionInfo> history;
};

WalletPage::WalletPage(Node& node, const QString& walletPath, QWidget* parent)
    : QWidget(parent), node_(node), session_(node, walletPath)
{
    addresses_ = new WalletAddressModel(this);
    history_ = new WalletHistoryModel(this);
    addressView_ = makeTableView(addresses_, tr("Wallet addresses"));
    addressView_->horizontalHeader()->setSectionResizeMode(WalletAddressModel::Label, QHeaderView::ResizeToContents);
    addressView_->horizontalHeader()->setSectionResizeMode(WalletAddressModel::Address, QHeaderView::ResizeToContents);
    historyView_ = makeTableView(history_, tr("Transaction history of the selected address"));
    historyView_->setToolTip(tr("Double-click a transaction to copy its id"));
    connect(historyView_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString id = history_->transactionAt(index.row()).id;
        QGuiApplication::clipboard()->setText(id);
        message_->setText(tr("Copied transaction id %1").arg(id));
    });
    connect(addressView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &WalletPage::showSelected);

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(column({addressView_}, addressView_));
    top->addWidget(buildReceive());
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    top->setChildrenCollapsible(false);
    auto* historyBox = new QGroupBox(tr("History of the selected address (pending first)"));
    fill(historyBox, historyView_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildActions());
    layout->addWidget(buildSafetyActions());
    layout->addWidget(panes(Qt::Vertical, top, historyBox), 1);

    connect(&session_, &WalletSession::changed, this, &WalletPage::sessionChanged);
    connect(&session_, &WalletSession::finished, this, &WalletPage::sessionFinished);
    connect(&session_, &WalletSession::recoveryWords, this, [this](const QStringList& words) { openDialog(new RecoveryWordsDialog(words, this)); });
    sessionChanged();
}

template <typename Dialog>
void WalletPage::openDialog(Dialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QWidget* WalletPage::buildSafetyActions()
{
    backup_ = namedButton(tr("Backup…"), tr("Back up the wallet to a file"));
    backup_->setToolTip(tr("Copies the encrypted wallet file; it opens with the wallet's passphrase"));
    restore_ = namedButton(tr("Restore…"), tr("Restore the wallet from a backup file"));
    restoreWords_ = namedButton(tr("Restore from words…"), tr("Restore the wallet from its recovery words"));
    changePassphrase_ = namedButton(tr("Change passphrase…"), tr("Change the wallet passphrase"));
    request_ = namedButton(tr("Request payment…"), tr("Request a payment to the selected address"));
    export_ = namedButton(tr("Export history CSV…"), tr("Export the wallet's history as CSV"));
    addressBook_ = namedButton(tr("Address book…"), tr("Edit the address book"));
    connect(addressBook_, &QPushButton::clicked, this, [this] {
        openDialog(new AddressBookDialog(wallet::AddressBook::fileIn(QFileInfo(session_.path()).path()), this));
    });
    connect(backup_, &QPushButton::clicked, this, [this] {
        const QString target = QFileDialog::getSaveFileName(this, tr("Back up the wallet"), QDir::home().filePath("photoblocks-wallet-backup.json"),
                                                            tr("Wallet files (*.json)"));
        if (!target.isEmpty()) session_.backup(target);
    });
    connect(restore_, &QPushButton::clicked, this, [this] { openDialog(new RestoreWalletDialog(session_, this)); });
    connect(restoreWords_, &QPushButton::clicked, this, [this] { openDialog(new RestoreWordsDialog(session_, this)); });
    connect(changePassphrase_, &QPushButton::clicked, this, [this] { openDialog(new ChangePassphraseDialog(session_, this)); });
    connect(request_, &QPushButton::clicked, this, [this] { openDialog(new PaymentRequestDialog(selectedAddress(), this)); });
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString target = QFileDialog::getSaveFileName(this, tr("Export the wallet history"), QDir::home().filePath("photoblocks-history.csv"),
                                                            tr("CSV files (*.csv)"));
        if (!target.isEmpty()) exportHistoryCsv(target);
    });
    connect(this, &WalletPage::historyExported, this, [this](const QString& path, const QString& error) {
        message_->setText(error.isEmpty() ? tr("History exported to %1").arg(path) : tr("History not exported: %1").arg(error));
    });
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch();
    for (QPushButton* b : {addressBook_, request_, export_, backup_, restore_, restoreWords_, changePassphrase_}) layout->addWidget(b);
    return row;
}

void WalletPage::exportHistoryCsv(const QString& path)
{
    QSet<QString> own;
    for (const wallet::KeystoreAddress& a : session_.addresses()) own.insert(a.address);
    Node* node = &node_;
    queries_.run(
        [node, own, path]() -> QString {
            QList<wallet::HistoryEntry> entries;
            for (const QString& address : own) {
                QueryError error;
                const auto txs = node->addressHistory(address, kHistoryExported, &error);
                if (!txs) return error.message;
                for (const TransactionInfo& t : *txs)
                    entries.append({t.id, t.type, t.from, t.to, t.amount, t.fee, t.status, t.height, t.time});
            }
            QString message;
            const QByteArray csv = wallet::historyCsv(entries, own).toUtf8();
            return placePrivateFile(path, csv, true, "history file", &message) == Placed::Written ? QString() : message;
        },
        [this, path](QString error) { emit historyExported(path, error); });
}

QWidget* WalletPage::buildActions()
{
    state_ = wrappingLabel(tr("Wallet state"));
    message_ = wrappingLabel(tr("Wallet message"));
    defaultNote_ = wrappingLabel(tr("Default address note"));
    create_ = namedButton(tr("Create wallet…"), tr("Create wallet"));
    unlock_ = namedButton(tr("Unlock…"), tr("Unlock wallet"));
    lock_ = namedButton(tr("Lock"), tr("Lock wallet"));
    newAddress_ = namedButton(tr("New address…"), tr("New address"));
    setDefault_ = namedButton(tr("Make default"), tr("Make the selected address the default"));
    setDefault_->setToolTip(tr("The default address receives this node's mining rewards"));
    send_ = namedButton(tr("Send…"), tr("Send coins"));
    connect(create_, &QPushButton::clicked, this, [this] {
        auto* dialog = new CreateWalletDialog(session_, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(unlock_, &QPushButton::clicked, this, [this] {
        auto* dialog = new UnlockWalletDialog(session_, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(lock_, &QPushButton::clicked, &session_, &WalletSession::lock);
    connect(newAddress_, &QPushButton::clicked, this, [this] {
        auto* dialog = new NewAddressDialog(session_, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(setDefault_, &QPushButton::clicked, this, [this] { session_.setDefault(selectedAddress()); });
    connect(send_, &QPushButton::clicked, this, [this] {
        SendDialog* dialog = makeSendDialog();
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    return column({rowWithRight({state_}, {create_, unlock_, lock_, newAddress_, setDefault_, send_}), defaultNote_, message_});
}

QWidget* WalletPage::buildReceive()
{
    receive_ = new QLineEdit;
    receive_->setReadOnly(true);
    receive_->setAccessibleName(tr("Receive address"));
    qr_ = new QLabel;
    qr_->setAlignment(Qt::AlignCenter);
    qr_->setMinimumSize(180, 180);
    qr_->setAccessibleName(tr("QR code of the receive address"));
    copy_ = namedButton(tr("Copy address"), tr("Copy the receive address"));
    copy_->setEnabled(false);  // until an address is selected
    connect(copy_, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(receive_->text());
        message_->setText(tr("Copied %1").arg(receive_->text()));
    });
    auto* box = new QGroupBox(tr("Receive"));
    fill(box, column({receive_, qr_, copy_}, qr_));
    return box;
}

QString WalletPage::selectedAddress() const
{
    const QModelIndex current = addressView_->currentIndex();
    return current.isValid() ? addresses_->rowAt(current.row()).address : QString();
}

void WalletPage::selectAddress(const QString& address)
{
    for (int row = 0; row < addresses_->rowCount(); ++row)
        if (addresses_->rowAt(row).address == address) addressView_->selectRow(row);
}

void WalletPage::sessionChanged()
{
    const bool exists = session_.exists();
    const bool idle = !session_.busy();
    if (session_.busy()) state_->setText(tr("Working…"));
    else if (!session_.problem().isEmpty()) state_->setText(session_.problem());
    else if (!exists) state_->setText(tr("No wallet yet. Create one to receive and send coins; the node then mines to its default address."));
    else state_->setText(session_.unlocked() ? tr("Unlocked: you can add addresses and send.") : tr("Locked: unlock to add addresses or send."));
    create_->setVisible(!exists);
    create_->setEnabled(idle && session_.problem().isEmpty());
    unlock_->setVisible(exists && !session_.unlocked());
    unlock_->setEnabled(idle);
    lock_->setVisible(exists && session_.unlocked());
    lock_->setEnabled(idle);
    newAddress_->setEnabled(idle && session_.unlocked());
    setDefault_->setEnabled(idle && session_.unlocked());
    send_->setEnabled(idle && session_.unlocked());
    backup_->setEnabled(idle && exists);
    restore_->setEnabled(idle);
    restoreWords_->setVisible(!exists);
    restoreWords_->setEnabled(idle);
    changePassphrase_->setEnabled(idle && exists);
    export_->setEnabled(idle && exists);

    QList<WalletAddressRow> rows;
    for (const wallet::KeystoreAddress& a : session_.addresses()) {
        WalletAddressRow row{a.address, a.label, a.address == session_.defaultAddress(), std::nullopt};
        for (int i = 0; i < addresses_->rowCount(); ++i)
            if (addresses_->rowAt(i).address == a.address) row.account = addresses_->rowAt(i).account;
        rows << row;
    }
    addresses_->update(rows);
    if (selectedAddress().isEmpty() && !rows.isEmpty()) selectAddress(session_.defaultAddress());
    refresh(status_);
}

void WalletPage::sessionFinished(WalletSession::Operation operation, const QString& error)
{
    if (!error.isEmpty()) {
        // Dialogs show their own errors; these come from the page's buttons.
        if (operation == WalletSession::Operation::Lock || operation == WalletSession::Operation::SetDefault
            || operation == WalletSession::Operation::Backup)
            message_->setText(error);
        return;
    }
    if (operation == WalletSession::Operation::Create || operation == WalletSession::Operation::NewAddress)
        selectAddress(session_.addresses().last().address);
    if (operation == WalletSession::Operation::SetDefault) message_->setText(tr("Default address set."));
    if (operation == WalletSession::Operation::Backup) message_->setText(tr("Wallet backed up. Keep the backup and the passphrase in different places."));
    if (operation == WalletSession::Operation::ChangePassphrase) message_->setText(tr("Passphrase changed. Make a new backup: old ones open with the old passphrase."));
    if (operation == WalletSession::Operation::Restore || operation == WalletSession::Operation::RestoreWords)
        message_->setText(tr("Wallet restored. The node mines to its default address from its next start."));
}

void WalletPage::showSelected()
{
    const QString address = selectedAddress();
    receive_->setText(address);
    receive_->setCursorPosition(0);
    receive_->setMinimumWidth(receive_->fontMetrics().horizontalAdvance(address) + 16);
    const QImage image = address.isEmpty() ? QImage() : qrCodeImage(address, 5);
    qr_->setPixmap(QPixmap::fromImage(image));
    qr_->setToolTip(address);
    copy_->setEnabled(!address.isEmpty());
    request_->setEnabled(!address.isEmpty());
    history_->show(address, {});
    query();
}

void WalletPage::refresh(const NodeStatus& status)
{
    status_ = status;
    const bool pending = status.ready && !status.rewardAddress.isEmpty() && session_.exists()
                         && status.rewardAddress != session_.defaultAddress();
    defaultNote_->setVisible(pending);
    if (pending)
        defaultNote_->setText(tr("The node mines to %1 until it restarts; the default address applies at the next start.")
                                  .arg(status.rewardAddress));
    query();
}

void WalletPage::query()
{
    if (!session_.exists() || !status_.ready) return;
    if (queryRunning_) {
        queryAgain_ = true;
        return;
    }
    queryRunning_ = true;
    QStringList addresses;
    for (const wallet::KeystoreAddress& a : session_.addresses()) addresses << a.address;
    const QString selected = selectedAddress();
    Node* node = &node_;
    queries_.run(
        [node, addresses, selected] {
            Balances b;
            b.addresses = addresses;
            b.historyAddress = selected;
            QueryError error;
            for (const QString& address : addresses) b.accounts << node->account(address, &error);
            if (!selected.isEmpty()) b.history = node->addressHistory(selected, kHistoryShown, &error).value_or(QList<TransactionInfo>{});
            return b;
        },
        [this](Balances b) {
            queryRunning_ = false;
            showBalances(b);
            if (std::exchange(queryAgain_, false)) query();
        });
}

void WalletPage::showBalances(const Balances& b)
{
    quint64 confirmed = 0, pendingIn = 0, pendingOut = 0;
    QList<WalletAddressRow> rows;
    for (int i = 0; i < addresses_->rowCount(); ++i) {
        WalletAddressRow row = addresses_->rowAt(i);
        const qsizetype at = b.addresses.indexOf(row.address);
        if (at >= 0 && b.accounts[at]) row.account = b.accounts[at];
        if (row.account) {
            confirmed += row.account->balance;
            pendingIn += row.account->pendingIn;
            pendingOut += row.account->pendingSpend;
        }
        rows << row;
    }
    addresses_->update(rows);
    if (b.historyAddress == selectedAddress()) history_->show(b.historyAddress, b.history);
    emit balanceChanged(confirmed, pendingIn, pendingOut);
}

SendDialog* WalletPage::makeSendDialog()
{
    QList<WalletAddressRow> senders;
    for (int i = 0; i < addresses_->rowCount(); ++i) senders << addresses_->rowAt(i);
    return new SendDialog(session_, senders, status_.minimumFee, selectedAddress(), this);
}

} // namespace pb::ui
