// The Wallet page over a real engine on the test network (embedded Redis): the first-run
// dialog creates the wallet, a wrong passphrase and a damaged file read differently, the
// receive QR code is the selected address's, the send dialog refuses bad input
// without submitting anything, a valid send reaches the mempool and is mined, a transfer from
// someone else to a second wallet address is announced (pending, then confirmed), the node's
// refusal is shown in words, and the Overview shows the wallet's balance. The new wallet's
// recovery words are shown once; a backup made from the page restores (after the wallet file
// is deleted) to the same addresses and balances; a passphrase change replaces the old one;
// the history exports as CSV matching the node's; payment requests and the address book fill Send.
#include "core/chain/Transaction.h"
#include "core/crypto/Address.h"
#include "core/node/Node.h"
#include "core/wallet/Coins.h"
#include "core/wallet/Keystore.h"
#include "ui/FirstRunDialog.h"
#include "ui/IncomingTransfers.h"
#include "ui/MainWindow.h"
#include "ui/OverviewPage.h"
#include "ui/QrCode.h"
#include "ui/SendDialog.h"
#include "core/wallet/AddressBook.h"
#include "core/wallet/PaymentRequest.h"
#include "ui/AddressBookDialog.h"
#include "ui/PaymentRequestDialog.h"
#include "ui/WalletDialogs.h"
#include "ui/WalletPage.h"
#include "ui/WalletSafetyDialogs.h"
#include "tests/support/CsvReader.h"
#include "tests/support/Screenshots.h"
#include "tests/support/WindowOverNode.h"

#include <algorithm>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileInfo>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kPassphrase = "correct horse battery staple";

QByteArray raw(const pb::TransferTx& tx)
{
    const pb::Bytes bytes = tx.serialize();
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

} // namespace

class GuiWalletTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<pb::Node> node_;
    std::unique_ptr<pb::ui::MainWindow> window_;
    QString sentId_;

    pb::ui::WalletPage* page() { return window_->walletPage(); }
    pb::ui::WalletSession* session() { return page()->session(); }
    QString walletAddress(int i) { return session()->addresses().value(i).address; }

    quint64 balance(const QString& address)
    {
        pb::QueryError error;
        const auto account = node_->account(address, &error);
        return account ? account->balance : 0;
    }

    int historyRow(const QString& id)
    {
        for (int row = 0; row < page()->historyModel()->rowCount(); ++row)
            if (page()->historyModel()->transactionAt(row).id == id) return row;
        return -1;
    }

    // Mines until the chain has grown by `blocks`.
    void mine(quint64 blocks)
    {
        const quint64 target = node_->status().height + blocks;
        node_->startMining(1);
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().height >= target, 30000);
        node_->stopMining();
        QTRY_VERIFY_WITH_TIMEOUT(!node_->status().mining, 5000);
    }

private slots:
    void initTestCase()
    {
        pb::test::keepSettingsIn(dir_.filePath("settings"));
        pb::test::WindowOverNode made = pb::test::windowOverNode(pb::test::headNodeConfig(dir_.filePath("node")));
        node_ = std::move(made.node);
        window_ = std::move(made.window);
    }

    void cleanupTestCase()
    {
        window_.reset();
        if (node_) node_->stop();
    }

    void firstRunDialogCreatesTheWalletTheNodeMinesTo()
    {
        QVERIFY(pb::ui::FirstRunDialog::wanted(*session()));
        pb::ui::FirstRunDialog firstRun(*session(), window_.get());
        firstRun.open();
        firstRun.createButton()->click();
        pb::ui::CreateWalletDialog* create = firstRun.createDialog();
        QVERIFY(create);

        create->passphraseBox()->setText("short");
        QVERIFY(create->strengthLabel()->text().startsWith("too short"));
        create->okButton()->click();
        QVERIFY(create->errorLabel()->text().contains("at least 8"));
        create->passphraseBox()->setText(kPassphrase);
        QCOMPARE(create->strengthLabel()->text(), QString("strong"));
        create->repeatBox()->setText(kPassphrase + "!");
        create->okButton()->click();
        QVERIFY(create->errorLabel()->text().contains("differ"));
        QVERIFY(!session()->exists());

        create->repeatBox()->setText(kPassphrase);
        create->labelBox()->setText("mining");
        create->okButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(firstRun.result(), int(QDialog::Accepted), 20000);
        QVERIFY(QFile::exists(session()->path()));
        QVERIFY(session()->unlocked());
        QCOMPARE(session()->addresses().size(), 1);
        QCOMPARE(session()->addresses().first().label, QString("mining"));
        QVERIFY(!pb::ui::FirstRunDialog::wanted(*session()));

        // The recovery words, once: 24 standard words; closing waits for "I have written them down".
        pb::ui::RecoveryWordsDialog* words = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((words = page()->findChild<pb::ui::RecoveryWordsDialog*>()) != nullptr, 5000);
        QVERIFY(words->isVisible());
        QCOMPARE(words->wordsLabel()->text().split('\n').size(), 24);
        QVERIFY(!words->closeButton()->isEnabled());
        words->reject();
        QVERIFY(words->isVisible());
        words->confirmBox()->setChecked(true);
        words->closeButton()->click();
        QTRY_VERIFY(page()->findChild<pb::ui::RecoveryWordsDialog*>() == nullptr);

        QSignalSpy started(node_.get(), &pb::Node::started);
        node_->start();
        QVERIFY(started.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(node_->status().rewardAddress, session()->defaultAddress(), 5000);
    }

    void skippingTheFirstRunDialogIsRemembered()
    {
        QTemporaryDir other{"/tmp/pbXXXXXX"};
        pb::ui::WalletSession empty(*node_, pb::wallet::Keystore::fileIn(other.path()));
        QVERIFY(pb::ui::FirstRunDialog::wanted(empty));
        pb::ui::FirstRunDialog firstRun(empty);
        firstRun.skipButton()->click();
        QCOMPARE(firstRun.result(), int(QDialog::Rejected));
        QVERIFY(!pb::ui::FirstRunDialog::wanted(empty));
        QSettings().remove("wallet/firstRunSkipped");
    }

    void wrongPassphraseAndDamagedFileReadDifferently()
    {
        page()->lockButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!session()->unlocked() && !session()->busy(), 10000);
        QVERIFY(!page()->sendButton()->isEnabled());
        QVERIFY(!page()->unlockButton()->isHidden());

        pb::ui::UnlockWalletDialog unlock(*session());
        unlock.passphraseBox()->setText("not the passphrase");
        unlock.okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(unlock.errorLabel()->text().startsWith("Wrong passphrase"), 20000);
        QVERIFY(!session()->unlocked());

        // A copy with one altered byte of ciphertext: the right passphrase, a damaged file.
        QTemporaryDir other{"/tmp/pbXXXXXX"};
        const QString copyPath = pb::wallet::Keystore::fileIn(other.path());
        QFile original(session()->path());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(original.readAll()).object();
        QJsonObject sealed = json["cipher"].toObject();
        QVERIFY2(sealed.contains("ciphertext"), "wallet.json keeps its ciphertext under cipher.ciphertext");
        QByteArray cipher = QByteArray::fromHex(sealed["ciphertext"].toString().toLatin1());
        cipher[0] = char(cipher[0] ^ 1);
        sealed["ciphertext"] = QString::fromLatin1(cipher.toHex());
        json["cipher"] = sealed;
        QFile copy(copyPath);
        QVERIFY(copy.open(QIODevice::WriteOnly));
        QVERIFY(copy.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        copy.write(QJsonDocument(json).toJson());
        copy.close();
        pb::ui::WalletSession damaged(*node_, copyPath);
        pb::ui::UnlockWalletDialog unlockDamaged(damaged);
        unlockDamaged.passphraseBox()->setText(kPassphrase);
        unlockDamaged.okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!unlockDamaged.errorLabel()->text().isEmpty() && !damaged.busy(), 20000);
        QVERIFY2(unlockDamaged.errorLabel()->text().contains("damaged"), qPrintable(unlockDamaged.errorLabel()->text()));

        unlock.passphraseBox()->setText(kPassphrase);
        unlock.okButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(unlock.result(), int(QDialog::Accepted), 20000);
        QVERIFY(session()->unlocked());
        QVERIFY(page()->sendButton()->isEnabled());
    }

    void receiveShowsTheSelectedAddressAsTextAndQrCode()
    {
        pb::ui::NewAddressDialog add(*session());
        add.labelBox()->setText("savings");
        add.okButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(add.result(), int(QDialog::Accepted), 20000);
        QCOMPARE(session()->addresses().size(), 2);
        QCOMPARE(page()->addressModel()->rowCount(), 2);
        QCOMPARE(page()->addressModel()->index(1, pb::ui::WalletAddressModel::Label).data().toString(), QString("savings"));
        QCOMPARE(page()->selectedAddress(), walletAddress(1));

        page()->selectAddress(walletAddress(0));
        QCOMPARE(page()->receiveAddress()->text(), walletAddress(0));
        // The picture is the QR code of exactly that address (whether QR codes scan is
        // ui_qr_codes_decode_back_to_their_text's business).
        const QImage shown = page()->qrLabel()->pixmap().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!shown.isNull());
        QCOMPARE(shown, pb::ui::qrCodeImage(walletAddress(0), 5).convertToFormat(QImage::Format_RGB32));
        QVERIFY(shown != pb::ui::qrCodeImage(walletAddress(1), 5).convertToFormat(QImage::Format_RGB32));
        page()->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), walletAddress(0));
    }

    void defaultAddressChangeSaysItAppliesAtNextStart()
    {
        page()->selectAddress(walletAddress(1));
        page()->defaultButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(session()->defaultAddress(), walletAddress(1), 20000);
        page()->refresh(node_->status());
        QVERIFY(!page()->defaultNote()->isHidden());
        QVERIFY(page()->defaultNote()->text().contains("next start"));
        page()->selectAddress(walletAddress(0));
        page()->defaultButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(session()->defaultAddress(), walletAddress(0), 20000);
        page()->refresh(node_->status());
        QVERIFY(page()->defaultNote()->isHidden());
    }

    void sendDialogRefusesBadInputWithoutSubmitting()
    {
        mine(3);
        page()->selectAddress(walletAddress(0));
        QTRY_VERIFY_WITH_TIMEOUT(page()->addressModel()->rowAt(0).account
                                     && page()->addressModel()->rowAt(0).account->balance == balance(walletAddress(0))
                                     && balance(walletAddress(0)) >= 3 * pb::kCoin, 10000);
        QSignalSpy finished(session(), &pb::ui::WalletSession::finished);
        std::unique_ptr<pb::ui::SendDialog> dialog(page()->makeSendDialog());
        dialog->show();

        dialog->recipientBox()->setText("pb1notanaddress");
        QVERIFY(dialog->recipientHint()->text().contains("not a valid"));
        dialog->amountBox()->setText("1");
        dialog->reviewButton()->click();
        QVERIFY(dialog->errorLabel()->text().contains("not a valid Photoblocks address"));
        QVERIFY(!dialog->confirming());

        dialog->recipientBox()->setText(walletAddress(1));
        QVERIFY(dialog->recipientHint()->text().contains("valid address"));
        dialog->amountBox()->setText("1.5.0");
        dialog->reviewButton()->click();
        QVERIFY(dialog->errorLabel()->text().contains("amount is not a number"));
        dialog->amountBox()->setText("0");
        dialog->reviewButton()->click();
        QVERIFY(dialog->errorLabel()->text().contains("more than zero"));
        dialog->amountBox()->setText("100000");
        dialog->reviewButton()->click();
        QVERIFY2(dialog->errorLabel()->text().contains("more than this address can spend"), qPrintable(dialog->errorLabel()->text()));
        dialog->amountBox()->setText("1");
        dialog->feeBox()->setText("0.00000001");
        dialog->reviewButton()->click();
        QVERIFY2(dialog->errorLabel()->text().contains("below this node's minimum"), qPrintable(dialog->errorLabel()->text()));
        QVERIFY(!dialog->confirming());

        QCOMPARE(finished.count(), 0);
        pb::QueryError error;
        QVERIFY(node_->mempool(&error).isEmpty());
    }

    void validSendReachesTheMempoolIsMinedAndListed()
    {
        QSignalSpy received(window_->incomingTransfers(), &pb::ui::IncomingTransfers::received);
        page()->selectAddress(walletAddress(0));
        std::unique_ptr<pb::ui::SendDialog> dialog(page()->makeSendDialog());
        dialog->resize(520, 360);
        dialog->show();
        dialog->recipientBox()->setText(walletAddress(1));
        dialog->amountBox()->setText("1.25");
        dialog->feeBox()->setText("0.0001");
        pb::test::saveScreenshot(dialog.get(), "wallet-send");
        dialog->reviewButton()->click();
        QVERIFY(dialog->errorLabel()->text().isEmpty());
        QVERIFY(dialog->confirming());
        QVERIFY(dialog->summaryLabel()->text().contains("Total taken from the address: 1.25010000 coins"));
        pb::test::saveScreenshot(dialog.get(), "wallet-send-confirm");
        dialog->sendButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->result(), int(QDialog::Accepted), 20000);

        pb::QueryError error;
        const QList<pb::TransactionInfo> pending = node_->mempool(&error);
        QCOMPARE(pending.size(), 1);
        sentId_ = pending.first().id;
        QCOMPARE(pending.first().amount, quint64(125'000'000));
        QCOMPARE(pending.first().to, walletAddress(1));

        // Pending first in the sender's history.
        page()->refresh(node_->status());
        QTRY_VERIFY_WITH_TIMEOUT(page()->historyModel()->rowCount() > 0 && page()->historyModel()->transactionAt(0).id == sentId_, 10000);
        const QAbstractItemModel* history = page()->historyModel();
        QCOMPARE(history->index(0, pb::ui::WalletHistoryModel::Status).data().toString(), QString("pending"));
        QCOMPARE(history->index(0, pb::ui::WalletHistoryModel::Direction).data().toString(), QString("sent"));
        QCOMPARE(history->index(0, pb::ui::WalletHistoryModel::Amount).data().toString(), QString("−1.25000000"));
        QCOMPARE(history->index(0, pb::ui::WalletHistoryModel::Fee).data().toString(), QString("0.00010000"));

        mine(1);
        QTRY_VERIFY_WITH_TIMEOUT(balance(walletAddress(1)) == 125'000'000, 10000);
        page()->refresh(node_->status());
        QTRY_VERIFY_WITH_TIMEOUT(historyRow(sentId_) >= 0
                                     && history->index(historyRow(sentId_), pb::ui::WalletHistoryModel::Status).data().toString() == "confirmed", 10000);
        const int row = historyRow(sentId_);
        QVERIFY(history->index(row, pb::ui::WalletHistoryModel::Height).data().toULongLong() > 0);
        QCOMPARE(history->index(row, pb::ui::WalletHistoryModel::Id).data().toString(), sentId_);

        emit page()->historyTable()->doubleClicked(history->index(row, pb::ui::WalletHistoryModel::Amount));
        QCOMPARE(QGuiApplication::clipboard()->text(), sentId_);

        // A transfer between the wallet's own addresses is not news.
        QTest::qWait(500);
        for (const QList<QVariant>& call : received) QVERIFY(call.at(0).value<pb::TransactionInfo>().id != sentId_);
    }

    void transferFromSomeoneElseToASecondAddressIsAnnounced()
    {
        // Fund a key outside the wallet, then let it pay the wallet's second address.
        const pb::crypto::Ed25519Key stranger = pb::crypto::Ed25519Key::generate();
        const QString strangerAddress = QString::fromStdString(pb::crypto::encodeAddress(pb::crypto::addressFromPublicKey(stranger.publicKey())));
        session()->send(walletAddress(0), strangerAddress, 2 * pb::kCoin, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!session()->busy(), 20000);
        mine(1);
        QTRY_COMPARE_WITH_TIMEOUT(balance(strangerAddress), 2 * pb::kCoin, 10000);

        QSignalSpy received(window_->incomingTransfers(), &pb::ui::IncomingTransfers::received);
        window_->incomingTransfers()->checkMempool();  // prime the set of known pending transfers
        QTest::qWait(300);
        pb::TransferTx tx;
        tx.network = *pb::hashFromHex(node_->status().genesisHash.toStdString());
        tx.to = *pb::crypto::decodeAddress(walletAddress(1).toStdString());
        tx.amount = pb::kCoin / 2;
        tx.fee = 2000;
        tx.nonce = 0;
        tx.signWith(stranger);
        pb::QueryError error;
        const auto submitted = node_->submitTransfer(raw(tx), &error);
        QVERIFY2(submitted, qPrintable(error.message));

        QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 10000);
        QCOMPARE(received.first().at(0).value<pb::TransactionInfo>().id, submitted->id);
        QCOMPARE(received.first().at(1).toBool(), false);
        QCOMPARE(pb::ui::incomingTransferText(received.first().at(0).value<pb::TransactionInfo>(), false),
                 QString("0.50000000 coins are on their way to %1… (pending, not yet in a block).").arg(walletAddress(1).left(16)));

        mine(1);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        const auto confirmed = received.at(1).at(0).value<pb::TransactionInfo>();
        QCOMPARE(confirmed.id, submitted->id);
        QCOMPARE(received.at(1).at(1).toBool(), true);
        const auto block = node_->findBlock(confirmed.blockHash, &error);
        QVERIFY(block && block->height == confirmed.height);
        QVERIFY(std::any_of(block->transactions.begin(), block->transactions.end(),
                            [&](const pb::TransactionInfo& t) { return t.id == submitted->id; }));
    }

    void nodeRefusalIsShownInWords()
    {
        // A sender row that claims more than the address holds gets past the dialog's own
        // checks; the node then refuses for want of balance.
        pb::ui::WalletAddressRow poor = page()->addressModel()->rowAt(1);
        QVERIFY(poor.account);
        poor.account->balance = 1000 * pb::kCoin;
        pb::ui::SendDialog dialog(*session(), {poor}, node_->status().minimumFee, poor.address);
        dialog.recipientBox()->setText(walletAddress(0));
        dialog.amountBox()->setText("900");
        dialog.reviewButton()->click();
        QVERIFY(dialog.confirming());
        dialog.sendButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.sendButton()->isEnabled() && dialog.errorLabel()->text() != "Sending…", 20000);
        QVERIFY2(dialog.errorLabel()->text().contains("does not hold enough coins"), qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void historyExportsAsCsvMatchingTheNode()
    {
        QVERIFY(page()->exportButton()->isEnabled());
        const QString path = dir_.filePath("history.csv");
        QSignalSpy exported(page(), &pb::ui::WalletPage::historyExported);
        page()->exportHistoryCsv(path);
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = pb::test::parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(rows.value(0).join(','), QString("date,height,id,direction,counterparty,amount,fee,status"));

        QSet<QString> own, expected;
        for (const pb::wallet::KeystoreAddress& a : session()->addresses()) own.insert(a.address);
        QHash<QString, pb::TransactionInfo> byId;
        for (const QString& address : own) {
            pb::QueryError error;
            const auto history = node_->addressHistory(address, 500, &error);
            QVERIFY2(history, qPrintable(error.message));
            for (const pb::TransactionInfo& t : *history) byId.insert(t.id, t);
        }
        QCOMPARE(rows.size() - 1, byId.size());
        for (int i = 1; i < rows.size(); ++i) {
            const QStringList& row = rows[i];
            QVERIFY2(byId.contains(row[2]), qPrintable(row.join(',')));
            const pb::TransactionInfo& t = byId[row[2]];
            QCOMPARE(row[7], t.status);
            QCOMPARE(*pb::wallet::parseCoins(row[5]), t.amount);
            if (t.status == "confirmed") QCOMPARE(row[1], QString::number(t.height));
            const QString direction = t.type == "coinbase" ? "mined" : own.contains(t.from) ? (own.contains(t.to) ? "self" : "out") : "in";
            QCOMPARE(row[3], direction);
        }
        QVERIFY(byId.contains(sentId_));
    }

    void backupDeleteRestoreGivesTheSameWallet()
    {
        QList<pb::wallet::KeystoreAddress> before = session()->addresses();
        QMap<QString, quint64> balances;
        for (const pb::wallet::KeystoreAddress& a : before) balances[a.address] = balance(a.address);
        const QString backup = dir_.filePath("wallet-backup.json");
        QSignalSpy finished(session(), &pb::ui::WalletSession::finished);
        session()->backup(backup);  // what Backup… does after its file dialog
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().at(1).toString(), QString());
        QVERIFY(page()->messageLabel()->text().contains("backed up"));
        QCOMPARE(int(QFile::permissions(backup) & (QFile::ReadGroup | QFile::ReadOther)), 0);

        QVERIFY(QFile::remove(session()->path()));
        pb::ui::RestoreWalletDialog restore(*session());
        restore.fileBox()->setText(backup);
        restore.passphraseBox()->setText(kPassphrase);
        restore.okButton()->click();
        QVERIFY2(restore.errorLabel()->text().contains("Replace the current wallet"), qPrintable(restore.errorLabel()->text()));
        restore.replaceBox()->setChecked(true);
        restore.passphraseBox()->setText("not the passphrase");
        restore.okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(restore.errorLabel()->text().startsWith("Wrong passphrase") && !session()->busy(), 20000);
        QVERIFY(!QFile::exists(session()->path()));
        restore.passphraseBox()->setText(kPassphrase);
        restore.okButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(restore.result(), int(QDialog::Accepted), 20000);
        QVERIFY(QFile::exists(session()->path()));
        QVERIFY(session()->unlocked());
        QCOMPARE(session()->addresses().size(), before.size());
        for (int i = 0; i < before.size(); ++i) {
            QCOMPARE(session()->addresses()[i].address, before[i].address);
            QCOMPARE(balance(before[i].address), balances[before[i].address]);
        }
        page()->refresh(node_->status());
        QTRY_VERIFY_WITH_TIMEOUT(page()->addressModel()->rowAt(0).account.has_value(), 10000);
        QCOMPARE(page()->addressModel()->rowAt(0).account->balance, balances[before[0].address]);
    }

    void changedPassphraseReplacesTheOldOne()
    {
        pb::ui::ChangePassphraseDialog change(*session());
        change.currentBox()->setText("not the passphrase");
        change.newBox()->setText("a brand new passphrase");
        change.repeatBox()->setText("a brand new passphrase");
        change.okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(change.errorLabel()->text().startsWith("Wrong passphrase") && !session()->busy(), 20000);
        change.currentBox()->setText(kPassphrase);
        change.repeatBox()->setText("a brand new passphrasE");
        change.okButton()->click();
        QVERIFY(change.errorLabel()->text().contains("differ"));
        change.repeatBox()->setText("a brand new passphrase");
        change.okButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(change.result(), int(QDialog::Accepted), 20000);
        QVERIFY(session()->unlocked());
        pb::wallet::KeystoreError error;
        QVERIFY(!pb::wallet::Keystore::open(session()->path(), kPassphrase.toUtf8(), &error));
        QCOMPARE(error.kind, pb::wallet::KeystoreError::WrongPassphrase);
        QVERIFY(pb::wallet::Keystore::open(session()->path(), "a brand new passphrase", &error));
    }

    void paymentRequestsAndTheAddressBookFillSend()
    {
        pb::ui::PaymentRequestDialog request(walletAddress(1));
        request.amountBox()->setText("1.5");
        request.labelBox()->setText("Corner shop");
        const auto parsed = pb::wallet::parsePaymentRequest(request.uriBox()->text(), nullptr);
        QVERIFY2(parsed, qPrintable(request.uriBox()->text()));
        QCOMPARE(parsed->address, walletAddress(1));
        QCOMPARE(*parsed->amount, quint64(150000000));
        QCOMPARE(parsed->label, QString("Corner shop"));
        QVERIFY(!request.qrLabel()->pixmap().isNull());
        request.amountBox()->setText("1.123456789");
        QVERIFY(request.uriBox()->text().isEmpty());
        QVERIFY(!request.errorLabel()->text().isEmpty());

        page()->addressBookButton()->click();
        auto* opened = page()->findChild<pb::ui::AddressBookDialog*>();
        QVERIFY(opened && opened->isVisible());
        opened->close();
        pb::ui::AddressBookDialog book(pb::wallet::AddressBook::fileIn(QFileInfo(session()->path()).path()));
        book.nameBox()->setText("Savings");
        book.addressBox()->setText("pb1nope");
        book.saveButton()->click();
        QVERIFY2(book.errorLabel()->text().contains("not a valid"), qPrintable(book.errorLabel()->text()));
        QCOMPARE(book.table()->rowCount(), 0);
        book.addressBox()->setText(walletAddress(1));
        book.saveButton()->click();
        book.nameBox()->setText("Old friend");
        book.addressBox()->setText(walletAddress(0));
        book.saveButton()->click();
        QCOMPARE(book.table()->rowCount(), 2);
        book.table()->setCurrentCell(1, 0);
        QCOMPARE(book.nameBox()->text(), QString("Old friend"));
        book.removeButton()->click();
        QCOMPARE(book.table()->rowCount(), 1);
        QCOMPARE(book.table()->item(0, 0)->text(), QString("Savings"));
        std::unique_ptr<pb::ui::SendDialog> send(page()->makeSendDialog());
        QCOMPARE(send->contactBox()->count(), 2);
        send->contactBox()->setCurrentIndex(1);
        emit send->contactBox()->activated(1);
        QCOMPARE(send->recipientBox()->text(), walletAddress(1));
        QVERIFY2(send->recipientHint()->text().contains("Savings"), qPrintable(send->recipientHint()->text()));

        const QString shop = QString::fromStdString(pb::crypto::encodeAddress(pb::crypto::AddressHash{7}));
        send->recipientBox()->setText(pb::wallet::formatPaymentRequest({shop, quint64(25000000), "Corner shop", "Order 42"}));
        QCOMPARE(send->recipientBox()->text(), shop);
        QCOMPARE(send->amountBox()->text(), QString("0.25000000"));
        QCOMPARE(send->saveAsBox()->text(), QString("Corner shop"));
        QVERIFY(send->recipientHint()->text().contains("Order 42"));
        send->recipientBox()->setText("photoblocks:" + shop + "?amount=-1");
        QVERIFY2(send->recipientHint()->text().contains("not a usable payment request"), qPrintable(send->recipientHint()->text()));
    }

    void overviewShowsTheWalletBalance()
    {
        quint64 total = 0;
        for (const pb::wallet::KeystoreAddress& a : session()->addresses()) total += balance(a.address);
        page()->refresh(node_->status());
        QLabel* label = window_->overview()->walletBalanceLabel();
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QString("%1 coins confirmed").arg(pb::wallet::formatCoins(total)), 10000);
        QVERIFY(!label->isHidden());

        window_->showPage(pb::ui::MainWindow::WalletIndex);
        page()->selectAddress(walletAddress(1));
        QTest::qWait(300);
        pb::test::saveScreenshot(window_.get(), "wallet");
        window_->showPage(pb::ui::MainWindow::OverviewIndex);
        pb::test::saveScreenshot(window_.get(), "overview-wallet");
    }
};

QTEST_MAIN(GuiWalletTest)
#include "tst_gui_wallet.moc"
