#include "app/MiningCommand.h"

#include "app/CommandHelp.h"
#include "app/RestClient.h"
#include "core/node/StatusText.h"

#include <QJsonDocument>

namespace pb::app {

namespace {

const char* const kUsage =
    "usage: photoblocksd mining [--datadir DIR | --network NAME] --rest-port PORT start [--threads N]\n"
    "                                          start mining (or change the thread count)\n"
    "       photoblocksd mining [--datadir DIR | --network NAME] --rest-port PORT stop     stop mining\n"
    "       photoblocksd mining [--datadir DIR | --network NAME] --rest-port PORT status   is it mining, threads,\n"
    "                                          hashrate, blocks found\n"
    "The operator token is read from DIR/api.cookie (default: the network's data directory).\n";

// "mining on 2 thread(s) (sha-ni), 1.2 MH/s over 60 s, 3 block(s) found" from a mining status.
QString describe(const QJsonObject& mining)
{
    const double hashrate = mining["hashrate"].toObject()["60s"].toDouble();
    return QString("%1, %2 over 60 s, %3 block(s) found, rewards to %4\n")
        .arg(mining["active"].toBool() ? QString("mining on %1 thread(s) (%2)").arg(mining["threads"].toInt()).arg(mining["backend"].toString())
                                        : QString("not mining"))
        .arg(formatHashrate(hashrate))
        .arg(mining["blocksFound"].toInteger())
        .arg(mining["rewardAddress"].toString());
}

} // namespace

int runMiningCommand(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    if (answeredHelp(arguments, kUsage, out)) return 0;
    const QCommandLineOption threadsOption("threads", "Mining threads.", "n");
    const auto commandLine = parseRestCommandLine("mining", arguments, kUsage, err, true, {threadsOption});
    if (!commandLine) return 2;
    const QStringList& args = commandLine->arguments;
    const QString action = args.value(0);
    if (args.size() != 1 || (action != "start" && action != "stop" && action != "status"))
        return usageError(action.isEmpty() ? "start, stop or status?" : QString("cannot '%1'").arg(args.join(' ')), kUsage, err);
    const bool threadsGiven = commandLine->options.contains("threads");
    if (threadsGiven && action != "start") return usageError("--threads goes with start", kUsage, err);

    RestAnswer answer;
    if (action == "status") {
        answer = restCall(commandLine->node, "GET", "/mining");
    } else {
        QJsonObject request{{"active", action == "start"}};
        if (threadsGiven) {
            bool ok = false;
            const int threads = commandLine->options["threads"].toInt(&ok);
            if (!ok || threads < 1) return usageError(QString("--threads: `%1` is not a positive number").arg(commandLine->options["threads"]), kUsage, err);
            request.insert("threads", threads);
        }
        answer = restCall(commandLine->node, "POST", "/mining", QJsonDocument(request).toJson(QJsonDocument::Compact));
    }
    if (!answer.ok()) {
        err << "photoblocksd: " << answer.errorText() << "\n";
        return 1;
    }
    out << describe(answer.json());
    return 0;
}

} // namespace pb::app
