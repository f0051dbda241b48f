#include "app/PairCommand.h"

#include "app/RestClient.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QUrl>

namespace pb::app {

namespace {

const char* const kUsage =
    "usage: photoblocksd pair --rest-port PORT             a new pairing code for a phone\n"
    "       photoblocksd pair --rest-port PORT list        the paired devices\n"
    "       photoblocksd pair --rest-port PORT revoke ID   revoke a device's token\n";

QString localTime(qint64 seconds) { return QDateTime::fromSecsSinceEpoch(seconds).toString("yyyy-MM-dd HH:mm:ss"); }

int refused(const RestAnswer& answer, QTextStream& err)
{
    err << "photoblocksd: " << answer.errorText() << "\n";
    return 1;
}

} // namespace

int runPairCommand(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.addOption({"rest-port", "The node's REST port.", "port"});
    parser.addPositionalArgument("action", "(none), list or revoke ID");
    if (!parser.parse(QStringList{"photoblocksd pair"} + arguments)) {
        err << "photoblocksd: " << parser.errorText() << "\n" << kUsage;
        return 2;
    }
    bool portOk = false;
    const uint port = parser.value("rest-port").toUInt(&portOk);
    const QStringList args = parser.positionalArguments();
    const auto usage = [&](const QString& why) {
        err << "photoblocksd: " << why << "\n" << kUsage;
        return 2;
    };
    if (!portOk || port == 0 || port > 65535) return usage("--rest-port PORT is required (the node's --rest-port)");

    if (args.isEmpty()) {
        const RestAnswer answer = restCall(quint16(port), "POST", "/pairing");
        if (!answer.ok()) return refused(answer, err);
        const QJsonObject code = answer.json();
        out << "Pairing code: " << code["code"].toString() << " (one use, valid until "
            << localTime(code["expiresAt"].toInteger()) << ")\n"
            << "On the phone, open " << code["pairingUrl"].toString() << "\n"
            << "or open " << code["webClient"].toString() << " and enter the code.\n";
        return 0;
    }
    if (args.first() == "list" && args.size() == 1) {
        const RestAnswer answer = restCall(quint16(port), "GET", "/devices");
        if (!answer.ok()) return refused(answer, err);
        const QJsonArray devices = answer.json()["devices"].toArray();
        if (devices.isEmpty()) out << "No paired devices.\n";
        for (const QJsonValue& d : devices)
            out << d["id"].toString() << "  " << localTime(d["pairedAt"].toInteger()) << "  " << d["name"].toString() << "\n";
        return 0;
    }
    if (args.first() == "revoke" && args.size() == 2) {
        const RestAnswer answer = restCall(quint16(port), "DELETE", "/devices/" + QString::fromLatin1(QUrl::toPercentEncoding(args[1])));
        if (!answer.ok()) return refused(answer, err);
        out << "Revoked " << args[1] << ": its token no longer works.\n";
        return 0;
    }
    return usage(QString("cannot '%1' with %2 argument(s)").arg(args.first()).arg(args.size() - 1));
}

} // namespace pb::app
