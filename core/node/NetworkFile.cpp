#include "core/node/NetworkFile.h"

#include "core/util/Bytes.h"
#include "core/util/HexText.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <openssl/rand.h>

namespace pb {

namespace {

const QString kFormat = "photoblocks-network/1";
const QStringList kKeys = {"format", "name", "genesisTime", "genesisBits", "genesisSalt", "powLimitBits",
                           "targetBlockSeconds", "retargetInterval", "defaultPeerPort", "recognizerIdentity",
                           "genesisHash"};

NetworkFileResult failure(const QString& why) { return {std::nullopt, why}; }

QString hexBits(uint32_t bits) { return QString("%1").arg(bits, 8, 16, QChar('0')); }

std::optional<uint32_t> parseBits(const QJsonValue& v)
{
    bool ok = false;
    const uint32_t bits = v.toString().toUInt(&ok, 16);
    if (!ok || v.toString().size() != 8) return std::nullopt;
    return bits;
}

// A JSON number that is a whole value in [low, high].
std::optional<uint64_t> parseWhole(const QJsonValue& v, uint64_t low, uint64_t high)
{
    if (!v.isDouble()) return std::nullopt;
    const double d = v.toDouble();
    if (d < double(low) || d > double(high) || d != double(uint64_t(d))) return std::nullopt;
    return uint64_t(d);
}

} // namespace

NetworkFileResult parseNetworkFile(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(QString("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject()) return failure("not a JSON object");
    const QJsonObject o = doc.object();
    for (const QString& key : o.keys())
        if (!kKeys.contains(key)) return failure(QString("unknown key '%1'").arg(key));
    for (const QString& key : kKeys)
        if (!o.contains(key)) return failure(QString("missing key '%1'").arg(key));
    if (o["format"].toString() != kFormat)
        return failure(QString("format must be '%1'").arg(kFormat));

    CustomNetworkSpec spec;
    spec.name = o["name"].toString().toStdString();
    const auto time = parseWhole(o["genesisTime"], 1, uint64_t(1) << 40);
    const auto bits = parseBits(o["genesisBits"]);
    const auto limit = parseBits(o["powLimitBits"]);
    const auto blockSeconds = parseWhole(o["targetBlockSeconds"], 1, 86400);
    const auto interval = parseWhole(o["retargetInterval"], 0, 100000);
    const auto port = parseWhole(o["defaultPeerPort"], 1, 65535);
    const auto salt = fromHex(o["genesisSalt"].toString().toStdString());
    const auto hash = fromHex(o["genesisHash"].toString().toStdString());
    if (!time) return failure("genesisTime must be a positive whole number of seconds");
    if (!bits || !limit) return failure("genesisBits and powLimitBits must be 8 hex digits");
    if (!blockSeconds) return failure("targetBlockSeconds must be 1 to 86400");
    if (!interval) return failure("retargetInterval must be 0 to 100000");
    if (!port) return failure("defaultPeerPort must be 1 to 65535");
    if (!salt || salt->size() != 32) return failure("genesisSalt must be 64 hex digits");
    if (!hash || hash->size() != 32) return failure("genesisHash must be 64 hex digits");
    spec.genesisTime = *time;
    spec.genesisBits = *bits;
    spec.powLimitBits = *limit;
    spec.targetBlockSeconds = *blockSeconds;
    spec.retargetInterval = uint32_t(*interval);
    spec.defaultPeerPort = uint16_t(*port);
    std::copy(salt->begin(), salt->end(), spec.salt.begin());
    spec.recognizerIdentity = o["recognizerIdentity"].toString().toStdString();

    std::string error;
    auto params = customNetwork(spec, &error);
    if (!params) return failure(QString::fromStdString(error));
    const Hash256 computed = params->genesisHash();
    if (!std::equal(computed.begin(), computed.end(), hash->begin()))
        return failure(QString("genesisHash %1 does not match the parameters, which give %2: the file was edited or damaged")
                           .arg(o["genesisHash"].toString(), hexText(computed)));
    return {params, {}};
}

NetworkFileResult readNetworkFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return failure(QString("cannot read network file %1: %2").arg(path, file.errorString()));
    if (file.size() > 64 * 1024) return failure(QString("network file %1 is larger than 64 KiB").arg(path));
    NetworkFileResult r = parseNetworkFile(file.readAll());
    if (!r.params) r.error = QString("network file %1: %2").arg(path, r.error);
    return r;
}

QString writeNetworkFile(const NetworkParams& params, const QString& path)
{
    QJsonObject o;
    o["format"] = kFormat;
    o["name"] = QString::fromStdString(params.name);
    o["genesisTime"] = double(params.genesisTime);
    o["genesisBits"] = hexBits(params.genesisBits);
    o["genesisSalt"] = hexText(params.genesisSalt);
    o["powLimitBits"] = hexBits(params.powLimit.toCompact());
    o["targetBlockSeconds"] = double(params.targetBlockSeconds);
    o["retargetInterval"] = double(params.retargetInterval);
    o["defaultPeerPort"] = params.defaultPeerPort;
    o["recognizerIdentity"] = QString::fromStdString(params.recognizerIdentity);
    o["genesisHash"] = hexText(params.genesisHash());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return QString("cannot write network file %1: %2").arg(path, file.errorString());
    file.write(QJsonDocument(o).toJson());
    if (!file.commit()) return QString("cannot write network file %1: %2").arg(path, file.errorString());
    return {};
}

NetworkFileResult createNetwork(const QString& name, uint64_t now, uint16_t peerPort, const std::string& recognizerIdentity)
{
    CustomNetworkSpec spec;
    spec.recognizerIdentity = recognizerIdentity;
    spec.name = name.toStdString();
    spec.genesisTime = now;
    spec.defaultPeerPort = peerPort;
    if (RAND_bytes(spec.salt.data(), int(spec.salt.size())) != 1) return failure("no randomness for the genesis salt");
    std::string error;
    auto params = customNetwork(spec, &error);
    if (!params) return failure(QString::fromStdString(error));
    return {params, {}};
}

QString networkFileInDataDir(const QString& dataDir) { return dataDir + "/network.json"; }

ResolvedNetwork resolveNetwork(const NodeConfig& config, uint64_t now, const std::string& recognizerIdentity)
{
    const std::string name = config.network.toStdString();
    if (const NetworkParams* builtIn = networkByName(name)) {
        if (!config.networkFile.isEmpty())
            return {std::nullopt, "--network-file is for custom networks; dev and test are built in", {}};
        return {*builtIn, {}, {}};
    }
    if (!isValidNetworkName(name))
        return {std::nullopt,
                QString("network '%1' is neither dev, test nor a custom name of 1-32 lower-case letters, digits or '-'")
                    .arg(config.network),
                {}};
    const QString ownFile = networkFileInDataDir(config.dataDir);
    const bool haveOwn = QFile::exists(ownFile);
    NetworkFileResult chosen;
    QString note;
    if (!config.networkFile.isEmpty()) {
        chosen = readNetworkFile(config.networkFile);
        if (!chosen.params) return {std::nullopt, chosen.error, {}};
        if (haveOwn) {
            const NetworkFileResult own = readNetworkFile(ownFile);
            if (!own.params) return {std::nullopt, own.error, {}};
            if (own.params->genesisHash() != chosen.params->genesisHash())
                return {std::nullopt,
                        QString("%1 describes a different network (genesis %2) than the data directory's %3 (genesis %4)")
                            .arg(config.networkFile, hexText(chosen.params->genesisHash()), ownFile,
                                 hexText(own.params->genesisHash())),
                        {}};
        } else {
            if (QString e = writeNetworkFile(*chosen.params, ownFile); !e.isEmpty()) return {std::nullopt, e, {}};
            note = QString("copied the parameters of network %1 to %2").arg(config.network, ownFile);
        }
    } else if (haveOwn) {
        chosen = readNetworkFile(ownFile);
        if (!chosen.params) return {std::nullopt, chosen.error, {}};
    } else if (config.mode == NodeMode::Head) {
        chosen = createNetwork(config.network, now, config.port > 0 ? quint16(config.port) : quint16(7000),
                               recognizerIdentity.empty() ? CustomNetworkSpec{}.recognizerIdentity : recognizerIdentity);
        if (!chosen.params) return {std::nullopt, chosen.error, {}};
        if (QString e = writeNetworkFile(*chosen.params, ownFile); !e.isEmpty()) return {std::nullopt, e, {}};
        note = QString("created network %1 with genesis %2; nodes join it with --network-file %3")
                   .arg(config.network, hexText(chosen.params->genesisHash()), ownFile);
    } else {
        return {std::nullopt,
                QString("network '%1' is not built in and %2 does not exist: pass the network.json its head wrote "
                        "with --network-file")
                    .arg(config.network, ownFile),
                {}};
    }
    if (chosen.params->name != name)
        return {std::nullopt,
                QString("the network file describes network '%1', not '%2'")
                    .arg(QString::fromStdString(chosen.params->name), config.network),
                {}};
    return {chosen.params, {}, note};
}

} // namespace pb
