#include "app/WalletCommand.h"

#include "app/CommandHelp.h"
#include "app/Options.h"
#include "app/RestClient.h"
#include "core/api/TransferJson.h"
#include "core/wallet/AddressBook.h"
#include "core/wallet/Coins.h"
#include "core/wallet/HistoryCsv.h"
#include "core/wallet/Keystore.h"
#include "core/wallet/PaymentRequest.h"
#include "core/wallet/RecoveryPhrase.h"
#include "core/wallet/TransferSigning.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace pb::app {

namespace {

const char* const kUsage =
    "usage: photoblocksd wallet [--datadir DIR | --network NAME] [--passphrase-file FILE] [--rest-port PORT] ACTION\n"
    "  create [LABEL]               a new encrypted wallet with one address, the default reward address, and\n"
    "                               its recovery words (shown once: write them down)\n"
    "  restore-words [--addresses N] [LABEL]\n"
    "                               re-create a wallet from its recovery words (line 2 of the input) with N addresses\n"
    "  backup FILE [--force]        copy the encrypted wallet file to FILE (--force replaces an existing FILE)\n"
    "  restore FILE [--force]       put a backup in place, checked with its passphrase (--force replaces the current\n"
    "                               wallet, which is kept as wallet.json.before-restore-TIME)\n"
    "  change-passphrase            the old passphrase on line 1, the new one on line 2\n"
    "  check                        unlock it: is the passphrase right and the file intact?\n"
    "  new-address [LABEL]          add an address\n"
    "  set-default ADDRESS          the address a node on this data directory mines to\n"
    "  list                         addresses, labels and the default (no passphrase needed)\n"
    "  balance [ADDRESS]            balances from the node (--rest-port), every address by default\n"
    "  history [ADDRESS] [--csv]    transactions from the node (--rest-port), the default address by default;\n"
    "                               --csv: date,height,id,direction,counterparty,amount,fee,status of every address\n"
    "  pay REQUEST FEE [--from ADDRESS]\n"
    "                               pay a payment request (photoblocks:…?amount=…) that names its amount\n"
    "  request ADDRESS [AMOUNT] [--label TEXT]\n"
    "                               a payment request (photoblocks:… URI) for ADDRESS, or \"default\"\n"
    "  contacts                     the address book\n"
    "  contact-add NAME ADDRESS     add or change a named recipient (send accepts NAME as TO)\n"
    "  contact-remove NAME\n"
    "  send TO AMOUNT FEE [--from ADDRESS]\n"
    "                               sign a transfer (AMOUNT and FEE in coins, e.g. 1.5 0.00001) and submit it\n"
    "Passphrases (and words) are lines of --passphrase-file, or of standard input, in that order.\n";

constexpr int kUsageError = 2;
constexpr int kRefused = 1;

struct Context {
    QString walletPath;
    RestEndpoint node;
    QString passphraseFile;
    QString from;
    QString label;
    bool force = false;
    int addressCount = 1;
    QTextStream& in;
    QTextStream& out;
    QTextStream& err;

    int refuse(const QString& why) const
    {
        err << "photoblocksd: " << why << "\n";
        return kRefused;
    }

    // The next line of the passphrase file or of standard input.
    std::optional<QByteArray> line(const QString& what) const
    {
        QString text;
        if (!passphraseFile.isEmpty()) {
            QFile file(passphraseFile);
            if (!file.open(QIODevice::ReadOnly)) {
                refuse(QString("cannot read the passphrase file %1: %2").arg(passphraseFile, file.errorString()));
                return std::nullopt;
            }
            for (int i = 0; i <= linesRead_; ++i) text = QString::fromUtf8(file.readLine(4096));
        } else {
            text = in.readLine(4096);
        }
        ++linesRead_;
        while (text.endsWith('\n') || text.endsWith('\r')) text.chop(1);
        if (text.isEmpty()) {
            refuse(QString("no %1 given (on standard input or with --passphrase-file)").arg(what));
            return std::nullopt;
        }
        return text.toUtf8();
    }
    std::optional<QByteArray> passphrase() const { return line("passphrase"); }
    mutable int linesRead_ = 0;

    std::optional<wallet::Keystore> unlock() const
    {
        const auto pass = passphrase();
        if (!pass) return std::nullopt;
        wallet::KeystoreError error;
        auto k = wallet::Keystore::open(walletPath, *pass, &error);
        if (!k) refuse(error.message);
        return k;
    }

    bool needsNode() const
    {
        if (node.port != 0) return true;
        err << "photoblocksd: this action asks a running node: give its --rest-port\n" << kUsage;
        return false;
    }

    std::optional<QJsonObject> get(const QString& path) const
    {
        const RestAnswer answer = restCall(node, "GET", path);
        if (!answer.ok()) {
            refuse(answer.errorText());
            return std::nullopt;
        }
        return answer.json();
    }
};

QString addressPath(const QString& address) { return QString::fromLatin1(QUrl::toPercentEncoding(address)); }

int create(const Context& c, const QString& label)
{
    const auto pass = c.passphrase();
    if (!pass) return kRefused;
    wallet::KeystoreError error;
    const QStringList words = wallet::phrase::generate();
    const auto k = wallet::Keystore::createFromPhrase(c.walletPath, *pass, words.join(' '), 1, label, &error);
    if (!k) return c.refuse(error.message);
    c.out << "created " << c.walletPath << "\n" << k->defaultAddress() << " (default reward address)\n"
          << "recovery words (write them down and keep them safe: they are shown only now and re-create every address):\n"
          << words.join(' ') << "\n";
    return 0;
}

int restoreWords(const Context& c, const QString& label)
{
    const auto pass = c.passphrase();
    const auto words = pass ? c.line("recovery words") : std::nullopt;
    if (!words) return kRefused;
    wallet::KeystoreError error;
    const auto k = wallet::Keystore::createFromPhrase(c.walletPath, *pass, QString::fromUtf8(*words), c.addressCount, label, &error);
    if (!k) return c.refuse(error.message);
    c.out << "restored " << c.walletPath << " from its recovery words\n";
    for (const wallet::KeystoreAddress& a : k->addresses()) c.out << a.address << "\n";
    return 0;
}

int backup(const Context& c, const QString& target)
{
    wallet::KeystoreError error;
    if (!wallet::Keystore::backup(c.walletPath, target, c.force, &error))
        return c.refuse(error.kind == wallet::KeystoreError::AlreadyExists ? error.message + " (--force replaces it)" : error.message);
    c.out << "backed up " << c.walletPath << " to " << target << " (encrypted with the wallet's passphrase)\n";
    return 0;
}

int restore(const Context& c, const QString& source)
{
    const auto pass = c.passphrase();
    if (!pass) return kRefused;
    wallet::KeystoreError error;
    const auto k = wallet::Keystore::restore(source, c.walletPath, *pass, c.force, &error);
    if (!k) return c.refuse(error.kind == wallet::KeystoreError::AlreadyExists ? error.message + " (--force replaces it)" : error.message);
    c.out << "restored " << c.walletPath << " from " << source << ": " << k->addresses().size() << " address(es), default "
          << k->defaultAddress() << "\n";
    return 0;
}

int changePassphrase(const Context& c)
{
    auto k = c.unlock();
    if (!k) return kRefused;
    const auto fresh = c.line("new passphrase");
    if (!fresh) return kRefused;
    wallet::KeystoreError error;
    if (!k->changePassphrase(*fresh, &error)) return c.refuse(error.message);
    c.out << "passphrase changed; backups made before now still open with the old one\n";
    return 0;
}

std::optional<wallet::AddressBook> addressBook(const Context& c)
{
    QString error;
    auto book = wallet::AddressBook::load(wallet::AddressBook::fileIn(QFileInfo(c.walletPath).path()), &error);
    if (!book) c.refuse(error);
    return book;
}

int contacts(const Context& c, const QStringList& args)
{
    auto book = addressBook(c);
    if (!book) return kRefused;
    QString error;
    if (args[0] == "contact-add" && !book->save({args[1], args[2]}, &error)) return c.refuse(error);
    if (args[0] == "contact-remove" && !book->remove(args[1], &error)) return c.refuse(error);
    for (const wallet::Contact& contact : book->contacts()) c.out << contact.address << "  " << contact.name << "\n";
    return 0;
}

int request(const Context& c, QString address, const QString& amountText)
{
    if (address == "default") {
        wallet::KeystoreError error;
        const auto k = wallet::Keystore::readPublic(c.walletPath, &error);
        if (!k) return c.refuse(error.message);
        address = k->defaultAddress();
    }
    wallet::PaymentRequest r{address, std::nullopt, c.label, {}};
    if (!amountText.isEmpty()) {
        r.amount = wallet::parseCoins(amountText);
        if (!r.amount || *r.amount == 0)
            return c.refuse(QString("amount '%1' is not a positive number of coins (at most 8 decimals)").arg(amountText.left(40)));
    }
    const QString uri = wallet::formatPaymentRequest(r);
    QString why;
    if (!wallet::parsePaymentRequest(uri, &why)) return c.refuse(why);
    c.out << uri << "\n";
    return 0;
}

int list(const Context& c)
{
    wallet::KeystoreError error;
    const auto k = wallet::Keystore::readPublic(c.walletPath, &error);
    if (!k) return c.refuse(error.message);
    for (const wallet::KeystoreAddress& a : k->addresses())
        c.out << a.address << (a.address == k->defaultAddress() ? " *" : "") << (a.label.isEmpty() ? "" : "  " + a.label) << "\n";
    return 0;
}

int balance(const Context& c, const QString& only)
{
    QStringList addresses{only};
    if (only.isEmpty()) {
        wallet::KeystoreError error;
        const auto k = wallet::Keystore::readPublic(c.walletPath, &error);
        if (!k) return c.refuse(error.message);
        addresses.clear();
        for (const wallet::KeystoreAddress& a : k->addresses()) addresses << a.address;
    }
    QJsonArray accounts;
    quint64 total = 0;
    for (const QString& address : addresses) {
        const auto account = c.get("/addresses/" + addressPath(address));
        if (!account) return kRefused;
        total += quint64((*account)["balance"].toInteger());
        accounts.append(*account);
    }
    c.out << QJsonDocument(QJsonObject{{"accounts", accounts}, {"total", qint64(total)}, {"totalCoins", wallet::formatCoins(total)}})
                 .toJson(QJsonDocument::Indented);
    return 0;
}

int historyCsv(const Context& c, const QString& only)
{
    wallet::KeystoreError error;
    const auto k = wallet::Keystore::readPublic(c.walletPath, &error);
    if (!k) return c.refuse(error.message);
    QSet<QString> own;
    for (const wallet::KeystoreAddress& a : k->addresses()) own.insert(a.address);
    QList<wallet::HistoryEntry> entries;
    for (const QString& address : only.isEmpty() ? QStringList(own.begin(), own.end()) : QStringList{only}) {
        const auto txs = c.get("/addresses/" + addressPath(address) + "/txs?limit=500");
        if (!txs) return kRefused;
        for (const QJsonValue& v : (*txs)["transactions"].toArray()) {
            const auto entry = wallet::historyEntryFromJson(v.toObject());
            if (!entry) return c.refuse("the node answered a transaction this program does not understand");
            entries.append(*entry);
        }
    }
    c.out << wallet::historyCsv(entries, own);
    return 0;
}

int history(const Context& c, QString address)
{
    if (address.isEmpty()) {
        wallet::KeystoreError error;
        const auto k = wallet::Keystore::readPublic(c.walletPath, &error);
        if (!k) return c.refuse(error.message);
        address = k->defaultAddress();
    }
    const auto txs = c.get("/addresses/" + addressPath(address) + "/txs");
    if (!txs) return kRefused;
    c.out << QJsonDocument(*txs).toJson(QJsonDocument::Indented);
    return 0;
}

int send(const Context& c, const QString& recipient, const QString& amountText, const QString& feeText)
{
    QString to = recipient;
    if (!crypto::decodeAddress(to.toStdString())) {
        const auto book = addressBook(c);
        if (!book) return kRefused;
        if (const auto contact = book->byName(recipient)) to = contact->address;
    }
    if (!crypto::decodeAddress(to.toStdString())) return c.refuse(QString("'%1' is not a valid Photoblocks address (a typo?)").arg(to.left(100)));
    const auto amount = wallet::parseCoins(amountText);
    if (!amount || *amount == 0) return c.refuse(QString("amount '%1' is not a positive number of coins (at most 8 decimals)").arg(amountText.left(40)));
    const auto fee = wallet::parseCoins(feeText);
    if (!fee) return c.refuse(QString("fee '%1' is not a number of coins (at most 8 decimals)").arg(feeText.left(40)));
    const auto k = c.unlock();
    if (!k) return kRefused;
    const QString from = c.from.isEmpty() ? k->defaultAddress() : c.from;
    if (!k->key(from)) return c.refuse(QString("%1 is not an address of this wallet").arg(from.left(100)));

    const auto status = c.get("/status");
    if (!status) return kRefused;
    const auto network = hashFromHex((*status)["genesisHash"].toString().toStdString());
    const auto account = c.get("/addresses/" + addressPath(from));
    if (!account) return kRefused;
    if (!network) return c.refuse("the node did not say which network it is on");

    wallet::KeystoreError error;
    const auto tx = wallet::signTransfer(*k, {from, to, *amount, *fee, quint64((*account)["nextNonce"].toInteger()), *network}, &error);
    if (!tx) return c.refuse(error.message);
    const RestAnswer answer = restCall(c.node, "POST", "/tx", QJsonDocument(api::transferToJson(*tx)).toJson(QJsonDocument::Compact));
    if (!answer.ok()) return c.refuse("the node refused the transfer: " + answer.errorText());
    c.out << QJsonDocument(answer.json()).toJson(QJsonDocument::Indented);
    return 0;
}

} // namespace

int runWalletCommand(const QStringList& arguments, QTextStream& in, QTextStream& out, QTextStream& err)
{
    if (answeredHelp(arguments, kUsage, out)) return 0;
    QCommandLineParser parser;
    parser.addOption({"datadir", "The node's data directory.", "dir"});
    parser.addOption({"network", "The network (for the default data directory).", "name"});
    parser.addOption({"passphrase-file", "Read the passphrase from this file's first line.", "file"});
    parser.addOption({"rest-port", "The running node's REST port.", "port"});
    parser.addOption({"from", "Send from this address (default: the default address).", "address"});
    parser.addOption({"csv", "history: as CSV, every address of the wallet by default."});
    parser.addOption({"force", "backup, restore: replace an existing file."});
    parser.addOption({"label", "request: the label of the payment request.", "text"});
    parser.addOption({"addresses", "restore-words: how many addresses to re-create (default 1).", "count"});
    parser.addPositionalArgument("action", "see the usage");
    const auto usage = [&](const QString& why) {
        err << "photoblocksd: " << why << "\n" << kUsage;
        return kUsageError;
    };
    if (!parser.parse(QStringList{"photoblocksd wallet"} + arguments)) return usage(parser.errorText());
    Context c{{}, {}, parser.value("passphrase-file"), parser.value("from"), parser.value("label"), parser.isSet("force"), 1, in, out, err};
    if (parser.isSet("addresses")) {
        bool ok = false;
        c.addressCount = parser.value("addresses").toInt(&ok);
        if (!ok || c.addressCount < 1 || c.addressCount > 1000) return usage("--addresses: a count from 1 to 1000");
    }
    const QString dataDir = parser.isSet("datadir") ? parser.value("datadir") : defaultDataDir(parser.value("network").isEmpty() ? "dev" : parser.value("network"));
    c.walletPath = wallet::Keystore::fileIn(dataDir);
    if (parser.isSet("rest-port")) {
        bool ok = false;
        const uint port = parser.value("rest-port").toUInt(&ok);
        if (!ok || port == 0 || port > 65535) return usage(QString("--rest-port: `%1` is not a port").arg(parser.value("rest-port")));
        // No operator token: the wallet calls no operator route, and its data directory may
        // belong to another node than the one on --rest-port.
        c.node = RestEndpoint{quint16(port), {}, {}};
    }
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    const auto arity = [&](int low, int high) { return args.size() - 1 >= low && args.size() - 1 <= high; };

    if (action == "create" && arity(0, 1)) return create(c, args.value(1));
    if (action == "restore-words" && arity(0, 1)) return restoreWords(c, args.value(1));
    if (action == "backup" && arity(1, 1)) return backup(c, args[1]);
    if (action == "restore" && arity(1, 1)) return restore(c, args[1]);
    if (action == "change-passphrase" && arity(0, 0)) return changePassphrase(c);
    if (action == "request" && arity(1, 2)) return request(c, args[1], args.value(2));
    if (action == "pay" && arity(2, 2)) {
        QString why;
        const auto r = wallet::parsePaymentRequest(args[1], &why);
        if (!r) return c.refuse(why);
        if (!r->amount) return c.refuse("the payment request names no amount: use send ADDRESS AMOUNT FEE");
        return c.needsNode() ? send(c, r->address, wallet::formatCoins(*r->amount), args[2]) : kUsageError;
    }
    if ((action == "contacts" && arity(0, 0)) || (action == "contact-add" && arity(2, 2)) || (action == "contact-remove" && arity(1, 1)))
        return contacts(c, args);
    if (action == "list" && arity(0, 0)) return list(c);
    if (action == "check" && arity(0, 0)) {
        const auto k = c.unlock();
        if (!k) return kRefused;
        out << "ok: " << k->addresses().size() << " address(es), default " << k->defaultAddress() << "\n";
        return 0;
    }
    if (action == "new-address" && arity(0, 1)) {
        auto k = c.unlock();
        wallet::KeystoreError error;
        const auto added = k ? k->newAddress(args.value(1), &error) : std::nullopt;
        if (!k) return kRefused;
        if (!added) return c.refuse(error.message);
        out << added->address << "\n";
        return 0;
    }
    if (action == "set-default" && arity(1, 1)) {
        auto k = c.unlock();
        if (!k) return kRefused;
        wallet::KeystoreError error;
        if (!k->setDefault(args[1], &error)) return c.refuse(error.message);
        out << "default reward address: " << args[1] << " (restart the node to mine to it)\n";
        return 0;
    }
    if (action == "balance" && arity(0, 1)) return c.needsNode() ? balance(c, args.value(1)) : kUsageError;
    if (action == "history" && arity(0, 1))
        return !c.needsNode() ? kUsageError : parser.isSet("csv") ? historyCsv(c, args.value(1)) : history(c, args.value(1));
    if (action == "send" && arity(3, 3)) return c.needsNode() ? send(c, args[1], args[2], args[3]) : kUsageError;
    return usage(action.isEmpty() ? "which wallet action?" : QString("cannot '%1' with %2 argument(s)").arg(action).arg(args.size() - 1));
}

} // namespace pb::app
