#include "app/Options.h"

#include "core/api/OperatorCookie.h"
#include "core/api/RequestGuard.h"
#include "core/chain/PruningRule.h"
#include "core/node/NetworkFile.h"
#include "core/node/RecognizerChoice.h"
#include "core/photo/NanoDetRecognizer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

namespace pb::app {

namespace {

const QStringList kValueKeys = {"mode", "network", "network-file", "recognizer", "recognizer-nanodet-dir", "recognizer-data", "recognizer-model",
                                "recognizer-model-config", "recognizer-labels", "recognizer-input", "photos", "datadir", "threads", "reward-address", "redis", "rest-port",
                                "rest-cors-origin", "rest-rate-limit", "rest-tls-cert", "rest-tls-key", "rest-host",
                                "rest-trusted-proxy", "rest-operator-token-file",
                                "port", "seed", "max-outbound", "max-inbound", "max-inbound-per-subnet", "peer-serve-rate", "ban-seconds", "max-reorg-depth", "minimum-chain-work", "min-fee", "prune-window"};
const QStringList kFlagKeys = {"mine", "listen-all", "rest-listen-all", "ban-subnets"};

// "--threads: `x` is not a number from 1 to 8": range-checked integers for options.
std::optional<qint64> parseRange(const QString& key, const QString& text, qint64 low, qint64 high, QString* error)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (ok && value >= low && value <= high) return value;
    *error = QString("--%1: `%2` is not a number from %3 to %4").arg(key, text).arg(low).arg(high);
    return std::nullopt;
}

// host:port with a non-empty host and a port from 1 to 65535.
bool validPeerAddress(const QString& text)
{
    const int colon = text.lastIndexOf(':');
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    return colon > 0 && ok && port >= 1 && port <= 65535;
}

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

// CORS origins, host names, trusted proxies, the operator token file and TLS files of the REST API.
QString readRestSettings(const QMap<QString, QString>& values, api::RestSettings* rest)
{
    for (const QString& name : values.value("rest-host").split(',', Qt::SkipEmptyParts)) {
        if (api::RequestGuard::hostName(name).isEmpty() || name.contains("://") || name.contains('/'))
            return QString("--rest-host: `%1` is not a host name such as photos.example.org (no scheme or path)").arg(name);
        rest->hostNames.append(name.trimmed());
    }
    for (const QString& proxy : values.value("rest-trusted-proxy").split(',', Qt::SkipEmptyParts)) {
        const QHostAddress address(proxy.trimmed());
        if (address.isNull()) return QString("--rest-trusted-proxy: `%1` is not an IP address such as 127.0.0.1").arg(proxy);
        rest->trustedProxies.append(address);
    }
    rest->operatorTokenFile = values.value("rest-operator-token-file");
    for (const QString& origin : values.value("rest-cors-origin").split(',', Qt::SkipEmptyParts)) {
        const QUrl url(origin.trimmed());
        if (!url.isValid() || (url.scheme() != "http" && url.scheme() != "https") || url.host().isEmpty() || !url.path().isEmpty())
            return QString("--rest-cors-origin: `%1` is not an origin such as http://192.168.1.5:8645").arg(origin);
        rest->corsOrigins.append(origin.trimmed());
    }
    rest->tlsCertificate = values.value("rest-tls-cert");
    rest->tlsKey = values.value("rest-tls-key");
    if (rest->tlsCertificate.isEmpty() != rest->tlsKey.isEmpty())
        return "--rest-tls-cert and --rest-tls-key go together";
    return {};
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
        {"network", "Network: dev, test or a custom network's name (default dev).", "name"},
        {"network-file", "Join the custom network this file describes (its head writes network.json).", "file"},
        {"recognizer", "Photo recognizer: nanodet (80 COCO labels; the default on dev, test and custom networks that pin it), "
                       "fused (NanoDet and CenterNet agreeing, and face; custom networks that pin it), fused2 (fused and "
                       "PoseNet's person evidence; the default of new custom networks), cascade (face) "
                       "or dnn (--recognizer-model).", "kind"},
        {"recognizer-nanodet-dir", QString("Directory of the recognizer models nanodet, centernet, blazeface and posenet, .json and .bin each (default %1).")
                                        .arg(QString::fromStdString(photo::defaultNanoDetModelDir())), "dir"},
        {"recognizer-data", "The cascade recognizer's directory (default /usr/share/opencv4/haarcascades).", "dir"},
        {"recognizer-model", "The dnn recognizer: a cv::dnn classifier with this model file.", "file"},
        {"recognizer-model-config", "The classifier model's config file (.cfg, .prototxt, ...), if it needs one.", "file"},
        {"recognizer-labels", "The classifier's labels, one per line in output order.", "file"},
        {"recognizer-input", "The classifier's square input size in pixels (default 224).", "pixels"},
        {"photos", "Turn each new photo in this folder into a mining job (label from <photo>.label or the file name).", "dir"},
        {"datadir", "Data directory (default ~/.local/share/photoblocks/<network>).", "dir"},
        {"mine", "Start mining at launch."},
        {"threads", "Mining threads (default 1).", "n"},
        {"reward-address", "Address that receives mining rewards (default: the node key's address).", "address"},
        {"redis", "Use an existing Redis: redis://host:port/db or a unix socket path (default: embedded).", "url"},
        {"rest-port", "Serve the REST API on 127.0.0.1:<port> (default off).", "port"},
        {"rest-listen-all", "Serve the REST API on every interface, for phones on the LAN (default: loopback only)."},
        {"rest-cors-origin", "Let web pages from this origin call the REST API; repeatable.", "origin"},
        {"rest-rate-limit", "REST requests per second allowed per client address, 0 for no limit (default 50).", "n"},
        {"rest-tls-cert", "Serve the REST API over HTTPS with this PEM certificate (needs --rest-tls-key).", "file"},
        {"rest-tls-key", "The PEM private key for --rest-tls-cert.", "file"},
        {"rest-host", "Also answer REST requests whose Host is this name (a reverse proxy's, a .local name); repeatable.", "name"},
        {"rest-trusted-proxy", "Take the client's address from X-Forwarded-For on requests from this reverse proxy; repeatable.",
         "address"},
        {"rest-operator-token-file", "Also accept this file's first line as the operator token (besides <datadir>/api.cookie).",
         "file"},
        {"port", "Listen for peers on this port (default: 7000 for a dev head, else any free port).", "port"},
        {"listen-all", "Accept peers on all interfaces (default: loopback only)."},
        {"seed", "Connect to this seed node, host:port; repeatable (default: the network's seed).", "host:port"},
        {"max-outbound", "Outbound peers to keep (default 8).", "n"},
        {"max-inbound", "Inbound peers to accept (default 64).", "n"},
        {"max-inbound-per-subnet", "Inbound peers (and handshakes) from one IPv4 /24 or IPv6 /64 (default 8 with "
                                   "--listen-all, else --max-inbound).", "n"},
        {"peer-serve-rate", "What one peer may make the node read and send per second, in KiB: the headers, blocks and "
                            "photos it asks for (default 32768). Beyond it requests wait; a peer that keeps asking "
                            "is scored as misbehaving.", "KiB"},
        {"ban-subnets", "A ban covers the offender's whole /24 (IPv4) or /64 (IPv6), not just its address."},
        {"ban-seconds", "How long misbehaving peers stay banned (default 86400).", "seconds"},
        {"max-reorg-depth", "Deepest reorganisation the node will follow (default 1000).", "blocks"},
        {"minimum-chain-work", "Store no header branch with less cumulative work than this, in hexadecimal (default: "
                               "the network's, 0 on every network today).", "hex"},
        {"prune-window", "Mobile mode: keep the bodies and photos of only this many recent blocks (default 288, at least 16); "
                         "reorganisations deeper than the window are refused.", "blocks"},
        {"min-fee", "Smallest transfer fee this node accepts, relays and mines, in units (default 1000).", "units"},
        {"config", "Read options from this file (default <datadir>/photoblocks.conf when present).", "file"},
    });
    if (!parser.parse(arguments)) return error(parser.errorText());
    if (parser.isSet(help)) return {ParseOutcome::ExitOk, parser.helpText(), {}};
    if (parser.isSet(version))
        return {ParseOutcome::ExitOk, QString("%1 %2\n").arg(QCoreApplication::applicationName(), PB_VERSION), {}};
    if (!parser.positionalArguments().isEmpty())
        return error(QString("unexpected argument `%1`").arg(parser.positionalArguments().first()));

    QMap<QString, QString> values;
    QString network = parser.isSet("network") ? parser.value("network") : "dev";
    if (!parser.isSet("network") && parser.isSet("network-file")) {
        const NetworkFileResult file = readNetworkFile(parser.value("network-file"));
        if (!file.params) return error("--network-file: " + file.error);
        network = QString::fromStdString(file.params->name);
    }
    const QString dataDir = parser.isSet("datadir") ? parser.value("datadir") : defaultDataDir(network);
    QString configPath = parser.value("config");
    if (configPath.isEmpty() && QFile::exists(dataDir + "/photoblocks.conf")) configPath = dataDir + "/photoblocks.conf";
    if (!configPath.isEmpty())
        if (QString e = readConfigFile(configPath, &values); !e.isEmpty()) return error(e);
    const QMap<QString, QString> fromConfigFile = values;
    QMap<QString, QString> fromArguments;
    for (const QString& key : kValueKeys)
        if (parser.isSet(key)) fromArguments.insert(key, parser.values(key).join(','));
    for (const QString& key : kFlagKeys)
        if (parser.isSet(key)) fromArguments.insert(key, "true");
    values.insert(fromArguments);

    Options o;
    o.argumentValues = fromArguments;
    for (auto it = fromConfigFile.cbegin(); it != fromConfigFile.cend(); ++it)
        if (!fromArguments.contains(it.key())) o.configFileValues.insert(it.key(), it.value());
    o.configFile = configPath;
    NodeConfig& c = o.node;
    if (values.contains("mode")) {
        const auto mode = modeFromName(values["mode"]);
        if (!mode) return error(QString("--mode: `%1` is not one of head, seed, full, mobile").arg(values["mode"]));
        c.mode = *mode;
    }
    c.network = values.value("network", network);
    if (!networkByName(c.network.toStdString()) && !isValidNetworkName(c.network.toStdString()))
        return error(QString("--network: `%1` is neither dev, test nor a custom name of 1-32 lower-case letters, digits or '-'")
                         .arg(c.network));
    c.networkFile = values.value("network-file");
    c.recognizer = values.value("recognizer");
    if (!c.recognizer.isEmpty() && !recognizerKinds().contains(c.recognizer))
        return error(QString("--recognizer: `%1` is not one of %2").arg(c.recognizer, recognizerKinds().join(", ")));
    c.recognizerNanoDetDir = values.value("recognizer-nanodet-dir");
    c.recognizerData = values.value("recognizer-data");
    c.recognizerModel = values.value("recognizer-model");
    c.recognizerModelConfig = values.value("recognizer-model-config");
    c.recognizerLabels = values.value("recognizer-labels");
    if (!c.recognizerModel.isEmpty() && c.recognizerLabels.isEmpty())
        return error("--recognizer-model needs --recognizer-labels");
    if ((chosenRecognizerKind(c) == "dnn") != !c.recognizerModel.isEmpty())
        return error("--recognizer dnn and --recognizer-model go together");
    o.photosDir = values.value("photos");
    c.dataDir = values.value("datadir", defaultDataDir(c.network));
    if (c.dataDir.isEmpty()) return error("--datadir: empty path");
    for (const QString& key : kFlagKeys) {
        if (!values.contains(key)) continue;
        const auto flag = parseBool(values[key]);
        if (!flag) return error(QString("%1: `%2` is not true or false").arg(key, values[key]));
        (key == "mine" ? c.mine : key == "listen-all" ? c.listenAll : key == "ban-subnets" ? c.banSubnets : o.rest.listenAll) = *flag;
    }
    QString rangeError;
    const auto number = [&](const QString& key, qint64 low, qint64 high, auto& field) {
        if (!values.contains(key)) return true;
        const auto v = parseRange(key, values[key], low, high, &rangeError);
        if (v) field = std::remove_reference_t<decltype(field)>(*v);
        return v.has_value();
    };
    if (!number("threads", 1, std::max(1, QThread::idealThreadCount()), c.threads)
        || !number("port", 0, 65535, c.port) || !number("max-outbound", 0, 1000, c.maxOutbound)
        || !number("max-inbound", 0, 10000, c.maxInbound) || !number("max-inbound-per-subnet", 1, 10000, c.maxInboundPerSubnet) || !number("ban-seconds", 1, 10LL * 365 * 86400, c.banSeconds)
        || !number("peer-serve-rate", 1, 10LL * 1024 * 1024, c.peerServeKibPerSecond)
        || !number("max-reorg-depth", 1, 1'000'000, c.maxReorgDepth)
        || !number("prune-window", qint64(kMinPruneWindow), 1'000'000, c.pruneWindow)
        || !number("min-fee", 0, 1'000'000'000'000, c.minimumFee)
        || !number("recognizer-input", 1, 4096, c.recognizerInputSide) || !number("rest-port", 1, 65535, o.rest.port)
        || !number("rest-rate-limit", 0, 1'000'000, o.rest.requestsPerSecond))
        return error(rangeError);
    if (QString e = readRestSettings(values, &o.rest); !e.isEmpty()) return error(e);
    if (o.rest.port != 0 && o.rest.port == c.port)
        return error(QString("--rest-port %1 is also the peer port (--port): give the REST API a port of its own").arg(c.port));
    if (values.contains("minimum-chain-work")) {
        const QString hex = values["minimum-chain-work"].trimmed();
        const auto work = hex.size() <= 64 ? Uint256::fromHex(hex.rightJustified(64, '0').toStdString()) : std::nullopt;
        if (!work) return error(QString("--minimum-chain-work: `%1` is not a number of 1 to 64 hexadecimal digits").arg(hex));
        c.minimumChainWork = *work;
    }
    o.rest.devicesFile = c.dataDir + "/devices.json";
    o.rest.operatorCookieFile = api::operatorCookiePath(c.dataDir);
    if (values.contains("seed")) {
        for (const QString& seed : values["seed"].split(',', Qt::SkipEmptyParts)) {
            if (!validPeerAddress(seed.trimmed())) return error(QString("--seed: `%1` is not host:port").arg(seed));
            c.seeds.push_back(seed.trimmed());
        }
    }
    c.rewardAddress = values.value("reward-address");
    c.redisUrl = values.value("redis");
    return {ParseOutcome::Run, {}, o};
}

} // namespace pb::app
