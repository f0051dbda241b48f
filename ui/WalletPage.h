#pragma once
// The Wallet page: create, unlock and lock the keystore; the wallet's addresses with labels
// and balances (confirmed, and what pending transfers add and take); a new labelled address;
// the default (mining) address; receiving (the selected address as text and QR code); sending;
// and the selected address's history; backup, restore (from a file or recovery words), passphrase
// change, payment requests, the address book and the history as CSV. Balances, history and every file written
// are read and written off the GUI thread.
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"
#include "ui/WalletModels.h"
#include "ui/WalletSession.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace pb::ui {

class SendDialog;

class WalletPage : public QWidget {
    Q_OBJECT
public:
    WalletPage(Node& node, const QString& walletPath, QWidget* parent = nullptr);

    WalletSession* session() { return &session_; }
    // Re-reads balances and history (one query at a time) and the default-address note.
    void refresh(const NodeStatus& status);

    QString selectedAddress() const;
    void selectAddress(const QString& address);
    // A send dialog over the current balances, from the selected address.
    SendDialog* makeSendDialog();
    // Writes the history of every wallet address as CSV (core/wallet/HistoryCsv.h) to `path`,
    // off the GUI thread; historyExported() tells the outcome.
    void exportHistoryCsv(const QString& path);

    QLabel* stateLabel() const { return state_; }
    QLabel* messageLabel() const { return message_; }
    QLabel* defaultNote() const { return defaultNote_; }
    QPushButton* createButton() const { return create_; }
    QPushButton* unlockButton() const { return unlock_; }
    QPushButton* lockButton() const { return lock_; }
    QPushButton* newAddressButton() const { return newAddress_; }
    QPushButton* defaultButton() const { return setDefault_; }
    QPushButton* sendButton() const { return send_; }
    QPushButton* copyButton() const { return copy_; }
    QPushButton* backupButton() const { return backup_; }
    QPushButton* restoreButton() const { return restore_; }
    QPushButton* restoreWordsButton() const { return restoreWords_; }
    QPushButton* changePassphraseButton() const { return changePassphrase_; }
    QPushButton* requestButton() const { return request_; }
    QPushButton* exportButton() const { return export_; }
    QPushButton* addressBookButton() const { return addressBook_; }
    QLineEdit* receiveAddress() const { return receive_; }
    QLabel* qrLabel() const { return qr_; }
    QTableView* addressTable() const { return addressView_; }
    QTableView* historyTable() const { return historyView_; }
    WalletAddressModel* addressModel() const { return addresses_; }
    WalletHistoryModel* historyModel() const { return history_; }

signals:
    // The wallet's total over all its addresses, after each balance query.
    void balanceChanged(quint64 confirmed, quint64 pendingIn, quint64 pendingOut);
    // `error` empty on success.
    void historyExported(const QString& path, const QString& error);

private:
    struct Balances;
    QWidget* buildActions();
    QWidget* buildReceive();
    QWidget* buildSafetyActions();
    template <typename Dialog>
    void openDialog(Dialog* dialog);
    void sessionChanged();
    void sessionFinished(WalletSession::Operation operation, const QString& error);
    void showSelected();
    void query();
    void showBalances(const Balances& balances);

    Node& node_;
    WalletSession session_;
    NodeStatus status_;
    QLabel* state_;
    QLabel* message_;
    QLabel* defaultNote_;
    QPushButton* create_;
    QPushButton* unlock_;
    QPushButton* lock_;
    QPushButton* newAddress_;
    QPushButton* setDefault_;
    QPushButton* send_;
    QPushButton* copy_;
    QPushButton* backup_;
    QPushButton* restore_;
    QPushButton* restoreWords_;
    QPushButton* changePassphrase_;
    QPushButton* request_;
    QPushButton* export_;
    QPushButton* addressBook_;
    QLineEdit* receive_;
    QLabel* qr_;
    WalletAddressModel* addresses_;
    WalletHistoryModel* history_;
    QTableView* addressView_;
    QTableView* historyView_;
    bool queryRunning_ = false;
    bool queryAgain_ = false;
    BackgroundQueries queries_{this};
};

} // namespace pb::ui
