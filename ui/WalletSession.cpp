#include "ui/WalletSession.h"

#include "core/wallet/RecoveryPhrase.h"
#include "core/wallet/TransferSigning.h"

#include <optional>

namespace pb::ui {

// What only the worker thread touches.
struct WalletSession::Worker {
    QString path;
    std::optional<wallet::Keystore> keystore;
};

// What an operation leaves behind, copied to the GUI thread.
struct WalletSession::Outcome {
    QString error;
    QList<wallet::KeystoreAddress> addresses;
    QString defaultAddress;
    bool unlocked = false;
    std::optional<TransactionInfo> sent;
    QStringList words;
};

namespace {

void readPublicInto(std::optional<wallet::Keystore>& keystore, const QString& path, QString* problem)
{
    wallet::KeystoreError error;
    keystore = wallet::Keystore::readPublic(path, &error);
    if (!keystore && error.kind != wallet::KeystoreError::NotFound && problem) *problem = keystoreErrorText(error);
}

} // namespace

WalletSession::WalletSession(Node& node, const QString& walletPath, QObject* parent)
    : QObject(parent), node_(node), path_(walletPath), worker_(std::make_shared<Worker>())
{
    worker_->path = walletPath;
    readPublicInto(worker_->keystore, walletPath, &problem_);
    if (worker_->keystore) {
        addresses_ = worker_->keystore->addresses();
        defaultAddress_ = worker_->keystore->defaultAddress();
    }
}

WalletSession::~WalletSession() { queries_.waitForDone(); }

bool WalletSession::owns(const QString& address) const
{
    for (const wallet::KeystoreAddress& a : addresses_)
        if (a.address == address) return true;
    return false;
}

template <typename Work>
void WalletSession::run(Operation operation, Work work)
{
    if (busy_) {
        emit finished(operation, tr("The wallet is busy with another operation; try again in a moment."));
        return;
    }
    busy_ = true;
    emit changed();
    std::shared_ptr<Worker> worker = worker_;
    queries_.run(
        [worker, work]() {
            Outcome outcome;
            outcome.error = work(*worker, outcome);
            if (worker->keystore) {
                outcome.addresses = worker->keystore->addresses();
                outcome.defaultAddress = worker->keystore->defaultAddress();
                outcome.unlocked = worker->keystore->unlocked();
            }
            return outcome;
        },
        [this, operation](Outcome outcome) { publish(operation, outcome); });
}

void WalletSession::publish(Operation operation, const Outcome& outcome)
{
    busy_ = false;
    if (!outcome.addresses.isEmpty()) problem_.clear();
    addresses_ = outcome.addresses;
    defaultAddress_ = outcome.defaultAddress;
    unlocked_ = outcome.unlocked;
    emit changed();
    if (outcome.sent) emit sent(*outcome.sent);
    if (!outcome.words.isEmpty()) emit recoveryWords(outcome.words);
    emit finished(operation, outcome.error);
}

void WalletSession::create(const QByteArray& passphrase, const QString& label)
{
    run(Operation::Create, [passphrase, label](Worker& w, Outcome& outcome) -> QString {
        wallet::KeystoreError error;
        const QStringList words = wallet::phrase::generate();
        auto created = wallet::Keystore::createFromPhrase(w.path, passphrase, words.join(' '), 1, label, &error);
        if (!created) return keystoreErrorText(error);
        w.keystore = std::move(created);
        outcome.words = words;
        return {};
    });
}

void WalletSession::restoreWords(const QByteArray& passphrase, const QString& words, int addressCount)
{
    run(Operation::RestoreWords, [passphrase, words, addressCount](Worker& w, Outcome&) -> QString {
        wallet::KeystoreError error;
        auto created = wallet::Keystore::createFromPhrase(w.path, passphrase, words, addressCount, {}, &error);
        if (!created) return keystoreErrorText(error);
        w.keystore = std::move(created);
        return {};
    });
}

void WalletSession::backup(const QString& target)
{
    run(Operation::Backup, [target](Worker& w, Outcome&) -> QString {
        wallet::KeystoreError error;
        return wallet::Keystore::backup(w.path, target, true, &error) ? QString() : keystoreErrorText(error);
    });
}

void WalletSession::restore(const QString& source, const QByteArray& passphrase, bool replace)
{
    run(Operation::Restore, [source, passphrase, replace](Worker& w, Outcome&) -> QString {
        wallet::KeystoreError error;
        auto restored = wallet::Keystore::restore(source, w.path, passphrase, replace, &error);
        if (!restored) return keystoreErrorText(error);
        w.keystore = std::move(restored);
        return {};
    });
}

void WalletSession::changePassphrase(const QByteArray& current, const QByteArray& next)
{
    run(Operation::ChangePassphrase, [current, next](Worker& w, Outcome&) -> QString {
        wallet::KeystoreError error;
        auto opened = wallet::Keystore::open(w.path, current, &error);
        if (!opened) return keystoreErrorText(error);
        if (!opened->changePassphrase(next, &error)) return keystoreErrorText(error);
        if (w.keystore && w.keystore->unlocked()) w.keystore = std::move(opened);
        else readPublicInto(w.keystore, w.path, nullptr);
        return {};
    });
}

void WalletSession::unlock(const QByteArray& passphrase)
{
    run(Operation::Unlock, [passphrase](Worker& w, Outcome&) -> QString {
        wallet::KeystoreError error;
        auto opened = wallet::Keystore::open(w.path, passphrase, &error);
        if (!opened) return keystoreErrorText(error);
        w.keystore = std::move(opened);
        return {};
    });
}

void WalletSession::lock()
{
    // Dropping the unlocked keystore wipes its seeds; the public part stays readable.
    run(Operation::Lock, [](Worker& w, Outcome&) -> QString {
        QString problem;
        readPublicInto(w.keystore, w.path, &problem);
        return problem;
    });
}

void WalletSession::newAddress(const QString& label)
{
    run(Operation::NewAddress, [label](Worker& w, Outcome&) -> QString {
        if (!w.keystore) return tr("There is no wallet yet.");
        wallet::KeystoreError error;
        return w.keystore->newAddress(label, &error) ? QString() : keystoreErrorText(error);
    });
}

void WalletSession::setDefault(const QString& address)
{
    run(Operation::SetDefault, [address](Worker& w, Outcome&) -> QString {
        if (!w.keystore) return tr("There is no wallet yet.");
        wallet::KeystoreError error;
        return w.keystore->setDefault(address, &error) ? QString() : keystoreErrorText(error);
    });
}

void WalletSession::send(const QString& from, const QString& to, quint64 amount, quint64 fee)
{
    Node* node = &node_;
    run(Operation::Send, [node, from, to, amount, fee](Worker& w, Outcome& outcome) -> QString {
        if (!w.keystore || !w.keystore->unlocked()) return tr("Unlock the wallet first.");
        const auto network = hashFromHex(node->status().genesisHash.toStdString());
        if (!network) return tr("The node has not started yet; try again when it runs.");
        QueryError queryError;
        const auto account = node->account(from, &queryError);
        if (!account) return tr("Cannot read the sender's account: %1").arg(queryError.message);
        wallet::KeystoreError error;
        const auto tx = wallet::signTransfer(*w.keystore, {from, to, amount, fee, account->nextNonce, *network}, &error);
        if (!tx) return keystoreErrorText(error);
        const Bytes raw = tx->serialize();
        outcome.sent = node->submitTransfer(QByteArray(reinterpret_cast<const char*>(raw.data()), qsizetype(raw.size())), &queryError);
        if (!outcome.sent) return transferRefusalText(queryError.code, queryError.message);
        return {};
    });
}

QString keystoreErrorText(const wallet::KeystoreError& error)
{
    switch (error.kind) {
    case wallet::KeystoreError::WrongPassphrase:
        return QObject::tr("Wrong passphrase: the wallet stays locked. Check the keyboard layout and Caps Lock, then try again.");
    case wallet::KeystoreError::Corrupted:
        return QObject::tr("The wallet file is damaged or was altered, so it cannot be unlocked with any passphrase (%1). "
                           "Restore wallet.json from a backup.").arg(error.message);
    case wallet::KeystoreError::Permissions:
        return QObject::tr("The wallet file is not private: %1").arg(error.message);
    case wallet::KeystoreError::WeakPassphrase:
        return QObject::tr("The passphrase is too weak: %1").arg(error.message);
    case wallet::KeystoreError::AlreadyExists:
        return QObject::tr("%1. Nothing was replaced.").arg(error.message);
    default:
        return error.message;
    }
}

QString transferRefusalText(const QString& code, const QString& detail)
{
    QString why;
    if (code == "nonce_gap") why = QObject::tr("an earlier transfer from this address is missing (nonce gap); wait for the pending ones and try again");
    else if (code == "nonce_reused") why = QObject::tr("this address already spent that nonce (was another transfer sent meanwhile?)");
    else if (code == "insufficient_balance") why = QObject::tr("the address does not hold enough coins for the amount plus the fee, counting its pending transfers");
    else if (code == "fee_too_low") why = QObject::tr("the fee is below this node's minimum");
    else if (code == "dust") why = QObject::tr("the amount is below the smallest transfer the network accepts");
    else if (code == "replacement_fee_too_low") why = QObject::tr("a pending transfer with the same nonce pays a fee at least as high");
    else if (code == "mempool_full") why = QObject::tr("the node's pool of pending transfers is full of transfers paying higher fees; raise the fee");
    else if (code == "already_known") why = QObject::tr("this very transfer is already pending or confirmed");
    else if (code == "wrong_network") why = QObject::tr("it was signed for another network");
    else if (code == "unavailable") why = QObject::tr("the node cannot check transfers right now (starting, or its storage is down)");
    else why = detail;
    return QObject::tr("The node refused the transfer: %1.").arg(why) + (why == detail || detail.isEmpty() ? QString() : "\n(" + detail + ")");
}

} // namespace pb::ui
