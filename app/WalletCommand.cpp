#include "app/WalletCommand.h"

#include "app/CommandHelp.h"
#include "app/Options.h"
#include "app/RestClient.h"
#include "core/api/TransferJson.h"
#include "core/wallet/Coins.h"
#include "core/wallet/Keystore.h"
#include "core/wallet/TransferSigning.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace pb::app {

namespace {

const char* const kUsage =
    "usage: photoblocksd wallet [--datadir DIR | --network NAME] [--passphrase-file FILE] [--rest-port PORT] ACTION\n"
    "  create [LABEL]               a new encrypted wallet with one address, the default reward address\n"
    "  check                        unlock it: is the passphrase right and the file intact?\n"
    "  new-address [LABEL]          add an address\n"
    "  set-default ADDRESS          the address a node on this data directory mines to\n"
    "  list                         addresses, labels and the default (no passphrase needed)\n"
    "  balance [ADDRESS]            balances from the node (--rest-port), every address by default\n"
    "  history [ADDRESS]            transactions from the node (--rest-port), the default address by default\n"
    "  send TO AMOUNT FEE [--from ADDRESS]\n"
    "                               sign a transfer (AMOUNT and FEE in coins, e.g. 1.5 0.00001) and submit it\n"
    "The passphrase is the first line of --passphrase-file, or of standard input.\n";

constexpr int kUsageError = 2;
constexpr int kRefused = 1;

struct Context {
    QString walletPath;
    RestEndpoint node;
    QString passphraseFile;
    QString from;
    QTextStream& in;
    QTextStream& out;
    QTextStream& err;

    int refuse(const QString& why) const
    {
        err << "photoblocksd: " << why << "\n";
        return kRefused;
    }

    std::optional<QByteArray> passphrase() const
    {
        QString line;
        if (!passphraseFile.isEmpty()) {
            QFile file(passphraseFile);
            if (!file.open(QIODevice::ReadOnly)) {
                refuse(QString("cannot read the passphrase file %1: %2").arg(passphraseFile, file.errorString()));
                return std::nullopt;
            }
            line = QString::fromUtf8(file.readLine(4096));
        } else {
            line = in.readLine(4096);
        }
        while (line.endsWith('\n') || line.endsWith('\r')) line.chop(1);
        if (line.isEmpty()) {
            refuse("no passphrase given (on standard input or with --passphrase-file)");
            return std::nullopt;
        }
        return line.toUtf8();
    }

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
    const auto k = wallet::Keystore::create(c.walletPath, *pass, label, &error);
    if (!k) return c.refuse(error.message);
    c.out << "created " << c.walletPath << "\n" << k->defaultAddress() << " (default reward address)\n";
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

int send(const Context& c, const QString& to, const QString& amountText, const QString& feeText)
{
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
    parser.addPositionalArgument("action", "create, check, new-address, set-default, list, balance, history or send");
    const auto usage = [&](const QString& why) {
        err << "photoblocksd: " << why << "\n" << kUsage;
        return kUsageError;
    };
    if (!parser.parse(QStringList{"photoblocksd wallet"} + arguments)) return usage(parser.errorText());
    Context c{{}, {}, parser.value("passphrase-file"), parser.value("from"), in, out, err};
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
    if (action == "history" && arity(0, 1)) return c.needsNode() ? history(c, args.value(1)) : kUsageError;
    if (action == "send" && arity(3, 3)) return c.needsNode() ? send(c, args[1], args[2], args[3]) : kUsageError;
    return usage(action.isEmpty() ? "which wallet action?" : QString("cannot '%1' with %2 argument(s)").arg(action).arg(args.size() - 1));
}

} // namespace pb::app
