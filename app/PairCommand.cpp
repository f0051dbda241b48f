#include "app/PairCommand.h"

#include "app/CommandHelp.h"
#include "app/RestClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>

namespace pb::app {

namespace {

const char* const kUsage =
    "usage: photoblocksd pair [--datadir DIR | --network NAME] --rest-port PORT [ACTION]\n"
    "  (no action)   a new pairing code for a phone\n"
    "  list          the paired devices\n"
    "  revoke ID     revoke a device's token\n"
    "The node's operator token is read from its data directory's api.cookie.\n";

QString localTime(qint64 seconds) { return QDateTime::fromSecsSinceEpoch(seconds).toString("yyyy-MM-dd HH:mm:ss"); }

int refused(const RestAnswer& answer, QTextStream& err)
{
    err << "photoblocksd: " << answer.errorText() << "\n";
    return 1;
}

} // namespace

int runPairCommand(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    if (answeredHelp(arguments, kUsage, out)) return 0;
    const std::optional<RestCommandLine> commandLine = parseRestCommandLine("pair", arguments, kUsage, err, true);
    if (!commandLine) return 2;
    const RestEndpoint& node = commandLine->node;
    const QStringList& args = commandLine->arguments;

    if (args.isEmpty()) {
        const RestAnswer answer = restCall(node, "POST", "/pairing");
        if (!answer.ok()) return refused(answer, err);
        const QJsonObject code = answer.json();
        out << "Pairing code: " << code["code"].toString() << " (one use, valid until "
            << localTime(code["expiresAt"].toInteger()) << ")\n"
            << "On the phone, open " << code["pairingUrl"].toString() << "\n"
            << "or open " << code["webClient"].toString() << " and enter the code.\n";
        return 0;
    }
    if (args.first() == "list" && args.size() == 1) {
        const RestAnswer answer = restCall(node, "GET", "/devices");
        if (!answer.ok()) return refused(answer, err);
        const QJsonArray devices = answer.json()["devices"].toArray();
        if (devices.isEmpty()) out << "No paired devices.\n";
        for (const QJsonValue& d : devices)
            out << d["id"].toString() << "  " << localTime(d["pairedAt"].toInteger()) << "  " << d["name"].toString() << "\n";
        return 0;
    }
    if (args.first() == "revoke" && args.size() == 2) {
        const RestAnswer answer = restCall(node, "DELETE", "/devices/" + QString::fromLatin1(QUrl::toPercentEncoding(args[1])));
        if (!answer.ok()) return refused(answer, err);
        out << "Revoked " << args[1] << ": its token no longer works.\n";
        return 0;
    }
    return usageError(QString("cannot '%1' with %2 argument(s)").arg(args.first()).arg(args.size() - 1), kUsage, err);
}

} // namespace pb::app
