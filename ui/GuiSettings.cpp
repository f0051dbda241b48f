#include "ui/GuiSettings.h"

#include <QSettings>

namespace pb::ui {

bool GuiSettings::givenOnCommandLine(const QStringList& arguments, const QString& option)
{
    const QString flag = "--" + option;
    return !arguments.isEmpty() && std::any_of(arguments.begin() + 1, arguments.end(),
                                               [&](const QString& a) { return a == flag || a.startsWith(flag + '='); });
}

bool NodeSettings::operator==(const NodeSettings& o) const
{
    return dataDir == o.dataDir && network == o.network && mode == o.mode && seeds == o.seeds
        && peerPort == o.peerPort && redisUrl == o.redisUrl && threads == o.threads
        && mineOnLaunch == o.mineOnLaunch;
}

NodeSettings GuiSettings::node() const
{
    QSettings s;
    NodeSettings n;
    n.dataDir = s.value("node/datadir").toString();
    n.network = s.value("node/network", n.network).toString();
    n.mode = s.value("node/mode", n.mode).toString();
    n.seeds = s.value("node/seeds").toStringList();
    n.peerPort = s.value("node/port", 0).toInt();
    n.redisUrl = s.value("node/redis").toString();
    n.threads = s.value("node/threads", 1).toInt();
    n.mineOnLaunch = s.value("node/mine", false).toBool();
    return n;
}

void GuiSettings::setNode(const NodeSettings& n)
{
    QSettings s;
    s.setValue("node/datadir", n.dataDir);
    s.setValue("node/network", n.network);
    s.setValue("node/mode", n.mode);
    s.setValue("node/seeds", n.seeds);
    s.setValue("node/port", n.peerPort);
    s.setValue("node/redis", n.redisUrl);
    s.setValue("node/threads", n.threads);
    s.setValue("node/mine", n.mineOnLaunch);
}

RestApiSettings GuiSettings::restApi() const
{
    QSettings s;
    return {s.value("node/rest-port", 0).toInt(), s.value("node/rest-listen-all", false).toBool()};
}

void GuiSettings::setRestApi(const RestApiSettings& rest)
{
    QSettings s;
    s.setValue("node/rest-port", rest.port);
    s.setValue("node/rest-listen-all", rest.listenAll);
}

QString GuiSettings::language() const { return QSettings().value("window/language").toString(); }
void GuiSettings::setLanguage(const QString& language) { QSettings().setValue("window/language", language); }

bool GuiSettings::minimizeToTray() const { return QSettings().value("window/minimize-to-tray", false).toBool(); }
void GuiSettings::setMinimizeToTray(bool enabled) { QSettings().setValue("window/minimize-to-tray", enabled); }

QStringList GuiSettings::withSavedOptions(const QStringList& arguments) const
{
    if (arguments.isEmpty()) return arguments;
    QStringList out = arguments;
    const auto add = [&](const QString& option, const QString& value, bool set) {
        if (set && !givenOnCommandLine(arguments, option)) out << "--" + option << value;
    };
    const RestApiSettings rest = restApi();
    add("rest-port", QString::number(rest.port), rest.port > 0);
    if (rest.port > 0 && rest.listenAll && !givenOnCommandLine(arguments, "rest-listen-all")) out << "--rest-listen-all";
    // Until the Settings page has saved once, a config file in the data directory and the
    // built-in defaults decide, as for photoblocksd.
    if (!QSettings().contains("node/network")) return out;
    const NodeSettings n = node();
    add("datadir", n.dataDir, !n.dataDir.isEmpty());
    // A custom network's file names its network: the saved network must not contradict it.
    add("network", n.network, !givenOnCommandLine(arguments, "network-file"));
    add("mode", n.mode, true);
    add("seed", n.seeds.join(','), !n.seeds.isEmpty());
    add("port", QString::number(n.peerPort), n.peerPort > 0);
    add("redis", n.redisUrl, !n.redisUrl.isEmpty());
    add("threads", QString::number(n.threads), n.threads > 1);
    if (n.mineOnLaunch && !givenOnCommandLine(arguments, "mine")) out << "--mine";
    return out;
}

QString GuiSettings::problem(const NodeSettings& n)
{
    static const QStringList modes = {"head", "seed", "full", "mobile"};
    if (!modes.contains(n.mode)) return QObject::tr("mode must be head, seed, full or mobile");
    if (n.network.isEmpty()) return QObject::tr("the network needs a name");
    for (const QString& seed : n.seeds) {
        const int colon = seed.lastIndexOf(':');
        bool ok = false;
        const uint port = seed.mid(colon + 1).toUInt(&ok);
        if (colon <= 0 || !ok || port < 1 || port > 65535)
            return QObject::tr("seed `%1` is not host:port").arg(seed);
    }
    if (!n.redisUrl.isEmpty() && !n.redisUrl.startsWith("redis://") && !n.redisUrl.startsWith("unix://")
        && !n.redisUrl.startsWith('/'))
        return QObject::tr("the Redis URL must start with redis://, unix:// or /");
    return {};
}

} // namespace pb::ui
