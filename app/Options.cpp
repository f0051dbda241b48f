#include "app/Options.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QStandardPaths>
#include <QThread>

namespace pb::app {

namespace {

const QStringList kValueKeys = {"mode", "network", "datadir", "threads", "reward-address", "redis", "rest-port"};
const QStringList kFlagKeys = {"mine"};

ParseOutcome error(const QString& message) { return {ParseOutcome::ExitError, message, {}}; }

// Reads `key = value` lines into *values; returns an error message naming file and line.
QString readConfigFile(const QString& path, QMap<QString, QString>* values)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QString("cannot read config file %1: %2").arg(path, file.errorString());
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).section('#', 0, 0).trimmed();
        if (line.isEmpty()) continue;
        const int eq = line.indexOf('=');
        const QString key = line.left(eq).trimmed();
        if (eq < 0 || key.isEmpty())
            return QString("%1:%2: expected `key = value`, got `%3`").arg(path).arg(lineNumber).arg(line);
        if (!kValueKeys.contains(key) && !kFlagKeys.contains(key))
            return QString("%1:%2: unknown key `%3`").arg(path).arg(lineNumber).arg(key);
        values->insert(key, line.mid(eq + 1).trimmed());
    }
    return {};
}

std::optional<bool> parseBool(const QString& text)
{
    const QString t = text.toLower();
    if (t == "true" || t == "yes" || t == "1" || t == "on") return true;
    if (t == "false" || t == "no" || t == "0" || t == "off") return false;
    return std::nullopt;
}

} // namespace

QString defaultDataDir(const QString& network)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/photoblocks/" + network;
}

ParseOutcome parseOptions(const QStringList& arguments, const QString& programDescription)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(programDescription);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addOptions({
        {"mode", "Node type: head, seed, full or mobile (default full).", "mode"},
        {"network", "Network: dev or test (default dev).", "name"},
        {"datadir", "Data directory (default ~/.local/share/photoblocks/<network>).", "dir"},
        {"mine", "Start mining at launch."},
        {"threads", "Mining threads (default 1).", "n"},
        {"reward-address", "Address that receives mining rewards (default: the node key's address).", "address"},
        {"redis", "Use an existing Redis: redis://host:port/db or a unix socket path (default: embedded).", "url"},
        {"rest-port", "Serve the REST API on 127.0.0.1:<port> (default off).", "port"},
        {"config", "Read options from this file (default <datadir>/photoblocks.conf when present).", "file"},
    });
    if (!parser.parse(arguments)) return error(parser.errorText());
    if (parser.isSet(help)) return {ParseOutcome::ExitOk, parser.helpText(), {}};
    if (parser.isSet(version))
        return {ParseOutcome::ExitOk, QString("%1 %2\n").arg(QCoreApplication::applicationName(), PB_VERSION), {}};
    if (!parser.positionalArguments().isEmpty())
        return error(QString("unexpected argument `%1`").arg(parser.positionalArguments().first()));

    QMap<QString, QString> values;
    const QString network = parser.isSet("network") ? parser.value("network") : "dev";
    const QString dataDir = parser.isSet("datadir") ? parser.value("datadir") : defaultDataDir(network);
    QString configPath = parser.value("config");
    if (configPath.isEmpty() && QFile::exists(dataDir + "/photoblocks.conf")) configPath = dataDir + "/photoblocks.conf";
    if (!configPath.isEmpty())
        if (QString e = readConfigFile(configPath, &values); !e.isEmpty()) return error(e);
    for (const QString& key : kValueKeys)
        if (parser.isSet(key)) values.insert(key, parser.value(key));
    if (parser.isSet("mine")) values.insert("mine", "true");

    Options o;
    NodeConfig& c = o.node;
    if (values.contains("mode")) {
        const auto mode = modeFromName(values["mode"]);
        if (!mode) return error(QString("--mode: `%1` is not one of head, seed, full, mobile").arg(values["mode"]));
        c.mode = *mode;
    }
    c.network = values.value("network", "dev");
    if (c.network != "dev" && c.network != "test")
        return error(QString("--network: `%1` is not one of dev, test").arg(c.network));
    c.dataDir = values.value("datadir", defaultDataDir(c.network));
    if (c.dataDir.isEmpty()) return error("--datadir: empty path");
    if (values.contains("mine")) {
        const auto mine = parseBool(values["mine"]);
        if (!mine) return error(QString("mine: `%1` is not true or false").arg(values["mine"]));
        c.mine = *mine;
    }
    if (values.contains("threads")) {
        bool ok = false;
        const int threads = values["threads"].toInt(&ok);
        const int maxThreads = std::max(1, QThread::idealThreadCount());
        if (!ok || threads < 1 || threads > maxThreads)
            return error(QString("--threads: `%1` is not a number from 1 to %2").arg(values["threads"]).arg(maxThreads));
        c.threads = threads;
    }
    c.rewardAddress = values.value("reward-address");
    c.redisUrl = values.value("redis");
    if (values.contains("rest-port")) {
        bool ok = false;
        const int port = values["rest-port"].toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return error(QString("--rest-port: `%1` is not a port from 1 to 65535").arg(values["rest-port"]));
        o.restPort = port;
    }
    return {ParseOutcome::Run, {}, o};
}

} // namespace pb::app
