#include "app/JobCommand.h"

#include "app/CommandHelp.h"
#include "app/RestClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace pb::app {

namespace {

const char* const kUsage =
    "usage: photoblocksd job [--datadir DIR | --network NAME] --rest-port PORT ACTION\n"
    "  list                                     the mining jobs\n"
    "  add PHOTO LABEL [agree|disagree|abstain] a new job\n"
    "  show ID                                  one job\n"
    "  cancel ID                                cancel a job\n";

// One request to the node; prints the JSON answer and returns whether it was a 2xx.
bool call(const RestEndpoint& node, const QByteArray& verb, const QString& path, const QByteArray& body, QTextStream& out, QTextStream& err)
{
    const RestAnswer answer = restCall(node, verb, "/mining/jobs" + path, body);
    if (answer.status == 0) {
        err << "photoblocksd: " << answer.networkError << "\n";
        return false;
    }
    out << QJsonDocument::fromJson(answer.body).toJson(QJsonDocument::Indented);
    return answer.ok();
}

} // namespace

int runJobCommand(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    if (answeredHelp(arguments, kUsage, out)) return 0;
    const std::optional<RestCommandLine> commandLine = parseRestCommandLine("job", arguments, kUsage, err, false);
    if (!commandLine) return 2;
    const RestEndpoint& node = commandLine->node;
    const QStringList& args = commandLine->arguments;
    const QString action = args.value(0);

    if (action == "list" && args.size() == 1) return call(node, "GET", "", {}, out, err) ? 0 : 1;
    if ((action == "show" || action == "cancel") && args.size() == 2) {
        const QString path = "/" + QString::fromLatin1(QUrl::toPercentEncoding(args[1]));
        return call(node, action == "show" ? "GET" : "DELETE", path, {}, out, err) ? 0 : 1;
    }
    if (action == "add" && (args.size() == 3 || args.size() == 4)) {
        QFile photo(args[1]);
        if (!photo.open(QIODevice::ReadOnly)) {
            err << "photoblocksd: cannot read " << args[1] << ": " << photo.errorString() << "\n";
            return 1;
        }
        const QJsonObject body{{"photo", QString::fromLatin1(photo.read(3 << 20).toBase64())},
                               {"label", args[2]},
                               {"vote", args.value(3, "abstain")}};
        return call(node, "POST", "", QJsonDocument(body).toJson(QJsonDocument::Compact), out, err) ? 0 : 1;
    }
    return usageError(action.isEmpty() ? "which job action?" : QString("cannot '%1' with %2 argument(s)").arg(action).arg(args.size() - 1), kUsage, err);
}

} // namespace pb::app
