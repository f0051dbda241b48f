#pragma once
// The desktop app's hold on the wallet keystore (wallet.json in the node's data directory).
// Every keystore operation that runs scrypt, signs or writes files (create, restore, backup,
// change passphrase, unlock, new address, set default, send) happens on one worker thread, which alone touches the Keystore; the GUI
// reads only the copies published after each operation, so it never waits for scrypt or for
// the node's verdict on a transfer.
#include "core/node/Node.h"
#include "core/wallet/Keystore.h"
#include "ui/BackgroundQueries.h"

#include <QObject>
#include <memory>

namespace pb::ui {

class WalletSession : public QObject {
    Q_OBJECT
public:
    enum class Operation { Create, Unlock, Lock, NewAddress, SetDefault, Send, Backup, Restore, ChangePassphrase, RestoreWords };
    Q_ENUM(Operation)

    WalletSession(Node& node, const QString& walletPath, QObject* parent = nullptr);
    ~WalletSession() override;

    QString path() const { return path_; }
    bool exists() const { return !addresses_.isEmpty(); }
    bool unlocked() const { return unlocked_; }
    bool busy() const { return busy_; }
    // Why an existing wallet file cannot be read (damaged, unsafe permissions), else empty.
    QString problem() const { return problem_; }
    const QList<wallet::KeystoreAddress>& addresses() const { return addresses_; }
    QString defaultAddress() const { return defaultAddress_; }
    bool owns(const QString& address) const;

    // Each reports through finished(); an operation asked for while another runs is refused.
    // A new wallet whose keys derive from fresh recovery words, handed once to recoveryWords().
    void create(const QByteArray& passphrase, const QString& label);
    // Re-creates the wallet from its recovery words with `addressCount` addresses.
    void restoreWords(const QByteArray& passphrase, const QString& words, int addressCount);
    // Copies the encrypted wallet file to `target` (replacing it: the file dialog asked).
    void backup(const QString& target);
    // Puts the backup `source` in place after checking it with `passphrase`; an existing wallet
    // is replaced only with `replace` (and kept as wallet.json.before-restore-<time>). Leaves it unlocked.
    void restore(const QString& source, const QByteArray& passphrase, bool replace);
    // Checks `current` and re-encrypts under `next`; the wallet stays as locked or unlocked as it was.
    void changePassphrase(const QByteArray& current, const QByteArray& next);
    void unlock(const QByteArray& passphrase);
    void lock();
    void newAddress(const QString& label);
    void setDefault(const QString& address);
    // Signs amount + fee (units) from one of the wallet's addresses with the sender's next
    // nonce and hands it to the node; sent() follows a success.
    void send(const QString& from, const QString& to, quint64 amount, quint64 fee);

signals:
    void changed();
    // `error` is empty on success, else a sentence for the user.
    void finished(pb::ui::WalletSession::Operation operation, const QString& error);
    void sent(const pb::TransactionInfo& transfer);
    // After create(): the words to write down; they are not kept anywhere.
    void recoveryWords(const QStringList& words);

private:
    struct Worker;
    struct Outcome;
    template <typename Work>
    void run(Operation operation, Work work);
    void publish(Operation operation, const Outcome& outcome);

    Node& node_;
    QString path_;
    std::shared_ptr<Worker> worker_;
    QList<wallet::KeystoreAddress> addresses_;
    QString defaultAddress_;
    QString problem_;
    bool unlocked_ = false;
    bool busy_ = false;
    BackgroundQueries queries_{this};
};

// A sentence for a keystore error: a wrong passphrase and a damaged file read differently.
QString keystoreErrorText(const wallet::KeystoreError& error);
// The node's refusal of a transfer (TxError code such as "nonce_gap") in words.
QString transferRefusalText(const QString& code, const QString& detail);

} // namespace pb::ui
