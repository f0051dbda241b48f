// Two wallets on two real nodes: coins mined on one move to the other's wallet through
// `photoblocksd wallet send`, with balances exact to the unit on both nodes; a double spend
// submitted to both nodes at once resolves to one transfer; a transfer signed for another
// network and every malformed or unaffordable transfer are refused with their reason. The
// wallet's history exports as CSV matching the node's history; a backup restored after the
// wallet is deleted, and the recovery words, give back the same addresses and balance; a
// changed passphrase replaces the old one.
#include "DaemonProcess.h"
#include "core/api/TransferJson.h"
#include "core/chain/NetworkParams.h"
#include "core/wallet/Coins.h"
#include "core/wallet/Keystore.h"
#include "tests/support/CsvReader.h"
#include "tests/unit/chain/BlockFixtures.h"

#include <algorithm>

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace pb;
using namespace pb::test;

namespace {

const QByteArray kPass = "two wallets, two nodes";

struct CommandResult {
    int code = -1;
    QString out, err;
};

struct Node {
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>("/tmp/pbXXXXXX");
    std::unique_ptr<DaemonProcess> daemon = std::make_unique<DaemonProcess>(dir->path());
    quint16 port = freeLoopbackPort();

    // `photoblocksd wallet …` on this node's data directory, the passphrase on stdin.
    CommandResult wallet(const QStringList& args, const QByteArray& passphrase = kPass)
    {
        QProcess p;
        QStringList all{"wallet", "--datadir", dir->path()};
        if (daemon->restPort() != 0) all << "--rest-port" << QString::number(daemon->restPort());
        p.start(PB_DAEMON_PATH, all + args);
        p.write(passphrase + "\n");
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    qint64 balance(const QString& address)
    {
        return httpGet(daemon->restPort(), "/api/v1/addresses/" + address).json.value("balance").toInteger(-1);
    }
    qint64 nonce(const QString& address)
    {
        return httpGet(daemon->restPort(), "/api/v1/addresses/" + address).json.value("nonce").toInteger(-1);
    }
    QJsonObject tx(const QString& id) { return httpGet(daemon->restPort(), "/api/v1/tx/" + id).json; }
    HttpResult submit(const TransferTx& t)
    {
        return httpSend(daemon->restPort(), "POST", "/api/v1/tx", QJsonDocument(api::transferToJson(t)).toJson());
    }
};

QString lastLine(const QString& text) { return text.trimmed().split('\n').last().split(' ').first(); }

crypto::AddressHash decoded(const QString& address) { return *crypto::decodeAddress(address.toStdString()); }

} // namespace

class CoinsAcrossNodesTest : public QObject {
    Q_OBJECT
private:
    Node a_, b_;
    QString minerA_, spenderA_, receiverB_, wordsB_;
    const Hash256 network_ = networkByName("test")->genesisHash();

    bool bothSee(const std::function<bool(Node&)>& condition, int timeoutMs = 20000)
    {
        return waitUntil([&] { return condition(a_) && condition(b_); }, timeoutMs);
    }

    crypto::Ed25519Key spenderKey()
    {
        wallet::KeystoreError error;
        const auto k = wallet::Keystore::open(wallet::Keystore::fileIn(a_.dir->path()), kPass, &error);
        return *k->key(spenderA_);
    }

    // No transfer pending anywhere (earlier tests leave some), both nodes agreeing on B's
    // balance, and every transfer of B's address confirmed on B.
    bool receiverSettled()
    {
        return waitUntil([&] {
            const QJsonArray txs = httpGet(b_.daemon->restPort(), "/api/v1/addresses/" + receiverB_ + "/txs").json.value("transactions").toArray();
            const auto idle = [](Node& n) { return httpGet(n.daemon->restPort(), "/api/v1/mempool").json.value("count").toInt(-1) == 0; };
            return idle(a_) && idle(b_) && a_.balance(receiverB_) == b_.balance(receiverB_) && !txs.isEmpty()
                && std::all_of(txs.begin(), txs.end(), [](const QJsonValue& t) { return t["status"] == "confirmed"; });
        }, 30000);
    }

    TransferTx signedBySpender(const crypto::AddressHash& to, uint64_t amount, uint64_t fee, uint64_t nonce,
                               const Hash256& network)
    {
        return test::signedTransfer(spenderKey(), to, amount, fee, nonce, network);
    }

private slots:
    void initTestCase()
    {
        const CommandResult createdA = a_.wallet({"create", "mining"});
        QVERIFY2(createdA.code == 0, qPrintable(createdA.err));
        minerA_ = createdA.out.split('\n').value(1).split(' ').first();
        const CommandResult spender = a_.wallet({"new-address", "spending"});
        QVERIFY2(spender.code == 0, qPrintable(spender.err));
        spenderA_ = lastLine(spender.out);
        const CommandResult createdB = b_.wallet({"create"});
        QVERIFY2(createdB.code == 0, qPrintable(createdB.err));
        receiverB_ = createdB.out.split('\n').value(1).split(' ').first();
        wordsB_ = createdB.out.split('\n').value(3);
        QCOMPARE(wordsB_.split(' ').size(), 24);
        QVERIFY(crypto::decodeAddress(minerA_.toStdString()) && crypto::decodeAddress(receiverB_.toStdString()));

        QVERIFY2(a_.daemon->start({"--mode", "head", "--port", QString::number(a_.port), "--mine"}), qPrintable(a_.daemon->stderrText()));
        QVERIFY2(b_.daemon->start({"--port", QString::number(b_.port), "--seed", QString("127.0.0.1:%1").arg(a_.port)}),
                 qPrintable(b_.daemon->stderrText()));
        QCOMPARE(a_.daemon->status().value("mining").toObject().value("rewardAddress").toString(), minerA_);
    }

    void cleanupTestCase()
    {
        QCOMPARE(b_.daemon->terminate(), 0);
        QCOMPARE(a_.daemon->terminate(), 0);
    }

    void minedCoinsMoveBetweenWalletsExactlyOnBothNodes()
    {
        QVERIFY(waitUntil([&] { return a_.balance(minerA_) >= qint64(10 * kCoin); }, 30000));
        const CommandResult funded = a_.wallet({"send", spenderA_, "5", "0.0001"});
        QVERIFY2(funded.code == 0, qPrintable(funded.err));
        QVERIFY2(bothSee([&](Node& n) { return n.balance(spenderA_) == qint64(5 * kCoin); }),
                 qPrintable(b_.daemon->stderrText().right(1500)));

        // Spent from A's wallet through node B: B relays it, A mines it.
        const CommandResult sent = b_.wallet({"send", receiverB_, "2", "0.00002", "--from", spenderA_});
        QVERIFY2(sent.code != 0, "B's wallet does not hold A's spending key");
        QVERIFY2(sent.err.contains("not an address of this wallet"), qPrintable(sent.err));
        QProcess viaB;
        viaB.start(PB_DAEMON_PATH, {"wallet", "--datadir", a_.dir->path(), "--rest-port", QString::number(b_.daemon->restPort()),
                                    "--from", spenderA_, "send", receiverB_, "2", "0.00002"});
        viaB.write(kPass + "\n");
        viaB.closeWriteChannel();
        QVERIFY(viaB.waitForFinished(30000));
        QVERIFY2(viaB.exitCode() == 0, viaB.readAllStandardError().constData());
        const QString id = QJsonDocument::fromJson(viaB.readAllStandardOutput()).object().value("id").toString();
        QVERIFY(bothSee([&](Node& n) { return n.tx(id).value("status").toString() == "confirmed"; }));
        QCOMPARE(a_.tx(id).value("blockHash"), b_.tx(id).value("blockHash"));
        for (Node* n : {&a_, &b_}) {
            QCOMPARE(n->balance(receiverB_), qint64(2 * kCoin));
            QCOMPARE(n->balance(spenderA_), qint64(3 * kCoin - 2000));
            QCOMPARE(n->nonce(spenderA_), qint64(1));
        }

        // B's own wallet pays back through B.
        const CommandResult back = b_.wallet({"send", spenderA_, "1", "0.00001"});
        QVERIFY2(back.code == 0, qPrintable(back.err));
        QVERIFY(bothSee([&](Node& n) { return n.balance(receiverB_) == qint64(kCoin - 1000); }));
        for (Node* n : {&a_, &b_}) QCOMPARE(n->balance(spenderA_), qint64(4 * kCoin - 2000));
        const CommandResult history = b_.wallet({"history"});
        QVERIFY2(history.code == 0, qPrintable(history.err));
        QCOMPARE(QJsonDocument::fromJson(history.out.toUtf8()).object().value("transactions").toArray().size(), 2);
        const CommandResult balance = b_.wallet({"balance"});
        QCOMPARE(QJsonDocument::fromJson(balance.out.toUtf8()).object().value("total").toInteger(), qint64(kCoin - 1000));
    }

    void doubleSpendAcrossTwoNodesResolvesToOne()
    {
        const qint64 nonce = a_.nonce(spenderA_);
        crypto::AddressHash first, second;
        first.fill(0xD1);
        second.fill(0xD2);
        const TransferTx t1 = signedBySpender(first, 3 * kCoin, 3000, uint64_t(nonce), network_);
        const TransferTx t2 = signedBySpender(second, 3 * kCoin, 3000, uint64_t(nonce), network_);
        const HttpResult r1 = a_.submit(t1);
        const HttpResult r2 = b_.submit(t2);
        QVERIFY2(r1.status == 202, r1.body.constData());
        QVERIFY2(r2.status == 202 || r2.json.value("error").toObject().value("code") == "replacement_fee_too_low", r2.body.constData());
        const QString firstAddress = QString::fromStdString(crypto::encodeAddress(first));
        const QString secondAddress = QString::fromStdString(crypto::encodeAddress(second));
        QVERIFY(bothSee([&](Node& n) { return n.nonce(spenderA_) == nonce + 1; }));
        const auto settled = [&](Node& n) {
            return n.balance(firstAddress) + n.balance(secondAddress) == qint64(3 * kCoin)
                && httpGet(n.daemon->restPort(), "/api/v1/mempool").json.value("count").toInt() == 0;
        };
        QVERIFY(bothSee(settled));
        QCOMPARE(a_.balance(firstAddress), b_.balance(firstAddress));
        QCOMPARE(a_.balance(spenderA_), qint64(kCoin - 2000 - 3000));
        const QString loser = a_.balance(firstAddress) > 0 ? QString::fromStdString(toHex(txId(t2.serialize())))
                                                           : QString::fromStdString(toHex(txId(t1.serialize())));
        for (Node* n : {&a_, &b_}) QCOMPARE(httpGet(n->daemon->restPort(), "/api/v1/tx/" + loser).status, 404);
    }

    void everyRefusalNamesItsReason()
    {
        const uint64_t nonce = uint64_t(a_.nonce(spenderA_));
        const auto refused = [&](const TransferTx& t, int status, const char* code) {
            const HttpResult r = a_.submit(t);
            QVERIFY2(r.status == status && r.json.value("error").toObject().value("code").toString() == code, r.body.constData());
        };
        const crypto::AddressHash to = decoded(receiverB_);
        refused(signedBySpender(to, kCoin / 10, 2000, nonce, networkByName("dev")->genesisHash()), 400, "wrong_network");
        TransferTx forged = signedBySpender(to, kCoin / 10, 2000, nonce, network_);
        forged.amount += 1;
        refused(forged, 400, "bad_signature");
        refused(signedBySpender(to, kCoin / 10, 2000, nonce + 1, network_), 400, "nonce_gap");
        refused(signedBySpender(to, kCoin / 10, 2000, nonce - 1, network_), 400, "nonce_reused");
        refused(signedBySpender(to, 100 * kCoin, 2000, nonce, network_), 400, "insufficient_balance");
        refused(signedBySpender(to, kCoin / 10, 999, nonce, network_), 400, "fee_too_low");
        refused(signedBySpender(to, 999, 2000, nonce, network_), 400, "dust");
        refused(signedBySpender(to, 0, 2000, nonce, network_), 400, "zero_amount");
        refused(signedBySpender(to, UINT64_MAX - 10, 2000, nonce, network_), 400, "overflow");

        QJsonObject body = api::transferToJson(signedBySpender(to, kCoin / 10, 2000, nonce, network_));
        body["to"] = receiverB_.left(receiverB_.size() - 1) + (receiverB_.endsWith('q') ? "p" : "q");
        const HttpResult typo = httpSend(a_.daemon->restPort(), "POST", "/api/v1/tx", QJsonDocument(body).toJson());
        QCOMPARE(typo.json.value("error").toObject().value("code").toString(), QString("bad_address"));
        body.remove("to");
        QCOMPARE(httpSend(a_.daemon->restPort(), "POST", "/api/v1/tx", QJsonDocument(body).toJson()).json.value("error").toObject().value("code").toString(),
                 QString("missing_field"));
        QCOMPARE(httpGet(a_.daemon->restPort(), "/api/v1/tx/xyz").status, 400);
        QCOMPARE(httpGet(a_.daemon->restPort(), "/api/v1/tx/" + QString(64, 'a')).status, 404);
        QCOMPARE(httpGet(a_.daemon->restPort(), "/api/v1/addresses/pb1nope").status, 400);

        const TransferTx ok = signedBySpender(to, kCoin / 10, 2000, nonce, network_);
        QCOMPARE(a_.submit(ok).status, 202);
        const HttpResult again = a_.submit(ok);
        QVERIFY2(again.status == 409 || again.status == 400, again.body.constData());  // pending, or mined in between
    }

    void walletCommandsReportBadInput()
    {
        CommandResult wrong = a_.wallet({"check"}, "not the passphrase");
        QCOMPARE(wrong.code, 1);
        QVERIFY2(wrong.err.contains("wrong passphrase"), qPrintable(wrong.err));
        CommandResult typo = a_.wallet({"send", "pb1qqqq", "1", "0.0001"});
        QCOMPARE(typo.code, 1);
        QVERIFY2(typo.err.contains("not a valid Photoblocks address"), qPrintable(typo.err));
        CommandResult amount = a_.wallet({"send", receiverB_, "1.123456789", "0.0001"});
        QVERIFY2(amount.err.contains("at most 8 decimals"), qPrintable(amount.err));
        CommandResult usage = a_.wallet({"frobnicate"});
        QCOMPARE(usage.code, 2);
    }

    void paymentRequestsArePaidAndBadOnesRefused()
    {
        const CommandResult request = b_.wallet({"request", "default", "0.5", "--label", "B's shop"});
        QVERIFY2(request.code == 0, qPrintable(request.err));
        const QString uri = request.out.trimmed();
        QCOMPARE(uri, "photoblocks:" + receiverB_ + "?amount=0.5&label=B%27s%20shop");
        const CommandResult bad = a_.wallet({"pay", "photoblocks:" + receiverB_ + "?amount=0.5&amount=1", "0.00001"});
        QVERIFY2(bad.code == 1 && bad.err.contains("twice"), qPrintable(bad.err));
        const CommandResult noAmount = a_.wallet({"pay", "photoblocks:" + receiverB_, "0.00001"});
        QVERIFY2(noAmount.code == 1 && noAmount.err.contains("names no amount"), qPrintable(noAmount.err));
        QVERIFY(receiverSettled());
        const qint64 before = b_.balance(receiverB_);
        const CommandResult paid = a_.wallet({"pay", uri, "0.00001", "--from", spenderA_});
        QVERIFY2(paid.code == 0, qPrintable(paid.err));
        QVERIFY(bothSee([&](Node& n) { return n.balance(receiverB_) == before + qint64(kCoin / 2); }));
    }

    void historyCsvMatchesTheNodesHistory()
    {
        // Everything settled first, so the CSV and the node's list below describe the same state.
        QVERIFY(receiverSettled());
        const CommandResult csv = b_.wallet({"history", "--csv"});
        QVERIFY2(csv.code == 0, qPrintable(csv.err));
        const QList<QStringList> rows = test::parseCsv(csv.out);
        const QJsonArray txs = httpGet(b_.daemon->restPort(), "/api/v1/addresses/" + receiverB_ + "/txs?limit=500")
                                   .json.value("transactions").toArray();
        QVERIFY(txs.size() >= 2);
        QCOMPARE(rows.size(), txs.size() + 1);
        QCOMPARE(rows[0].join(','), QString("date,height,id,direction,counterparty,amount,fee,status"));
        for (int i = 0; i < txs.size(); ++i) {
            const QJsonObject tx = txs[i].toObject();
            const QStringList& row = rows[i + 1];
            QCOMPARE(row.size(), 8);
            QCOMPARE(row[2], tx["id"].toString());
            QCOMPARE(row[7], tx["status"].toString());
            QCOMPARE(*wallet::parseCoins(row[5]), quint64(tx["amount"].toInteger()));
            QCOMPARE(*wallet::parseCoins(row[6]), quint64(tx["fee"].toInteger()));
            QCOMPARE(row[1], QString::number(tx["height"].toInteger()));
            const QDateTime date = QDateTime::fromString(row[0], Qt::ISODate);
            QVERIFY2(date.isValid() && date.toSecsSinceEpoch() == tx["time"].toInteger(), qPrintable(row[0]));
            const bool incoming = tx["to"].toString() == receiverB_;
            QCOMPARE(row[3], QString(incoming ? "in" : "out"));
            QCOMPARE(row[4], tx[incoming ? "from" : "to"].toString());
        }
    }

    void backupDeleteRestoreAndWordsGiveTheSameWallet()
    {
        const qint64 before = b_.balance(receiverB_);
        QVERIFY(before > 0);
        QTemporaryDir elsewhere;
        const QString backupFile = elsewhere.filePath("b-backup.json");
        const CommandResult backedUp = b_.wallet({"backup", backupFile});
        QVERIFY2(backedUp.code == 0, qPrintable(backedUp.err));
        QVERIFY(b_.wallet({"backup", backupFile}).err.contains("--force"));

        const QString walletFile = wallet::Keystore::fileIn(b_.dir->path());
        QVERIFY(QFile::remove(walletFile));
        QCOMPARE(b_.wallet({"list"}).code, 1);
        const CommandResult wrong = b_.wallet({"restore", backupFile}, "not the passphrase");
        QVERIFY2(wrong.code == 1 && wrong.err.contains("wrong passphrase"), qPrintable(wrong.err));
        QVERIFY(!QFile::exists(walletFile));
        const CommandResult restored = b_.wallet({"restore", backupFile});
        QVERIFY2(restored.code == 0, qPrintable(restored.err));
        QCOMPARE(b_.wallet({"list"}).out.split(' ').first(), receiverB_);
        const CommandResult balance = b_.wallet({"balance"});
        QCOMPARE(QJsonDocument::fromJson(balance.out.toUtf8()).object().value("total").toInteger(), before);
        const CommandResult again = b_.wallet({"restore", backupFile});
        QVERIFY2(again.code == 1 && again.err.contains("already exists"), qPrintable(again.err));

        // The words alone, on another data directory.
        QTemporaryDir paper;
        QProcess p;
        p.start(PB_DAEMON_PATH, {"wallet", "--datadir", paper.path(), "restore-words"});
        p.write("a new passphrase\n" + wordsB_.toUtf8() + "\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed().split('\n').last(), receiverB_);
    }

    void changedPassphraseReplacesTheOldOne()
    {
        const CommandResult changed = b_.wallet({"change-passphrase"}, kPass + "\nthe changed passphrase");
        QVERIFY2(changed.code == 0, qPrintable(changed.err));
        const CommandResult old = b_.wallet({"check"});
        QVERIFY2(old.code == 1 && old.err.contains("wrong passphrase"), qPrintable(old.err));
        const CommandResult fresh = b_.wallet({"check"}, "the changed passphrase");
        QVERIFY2(fresh.code == 0, qPrintable(fresh.err));
    }
};

QTEST_GUILESS_MAIN(CoinsAcrossNodesTest)
#include "tst_coins_across_nodes.moc"
