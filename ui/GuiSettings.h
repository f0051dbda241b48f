#pragma once
// The desktop app's saved settings (QSettings). Node settings become command-line options at
// the next start (the command line still wins); window settings apply at once.
#include <QStringList>

namespace pb::ui {

struct NodeSettings {
    QString dataDir;       // empty: the network's default
    QString network = "dev";
    QString mode = "full";
    QStringList seeds;     // host:port
    int peerPort = 0;      // 0: the default (any free port, 7000 for a dev head)
    QString redisUrl;      // empty: embedded redis-server
    int threads = 1;
    bool mineOnLaunch = false;

    bool operator==(const NodeSettings& other) const;
};

// The REST API (set on the Mobile page), applied at the next start like the node settings.
struct RestApiSettings {
    int port = 0;          // 0: no REST API
    bool listenAll = false;
};

class GuiSettings {
public:
    NodeSettings node() const;
    void setNode(const NodeSettings& settings);

    RestApiSettings restApi() const;
    void setRestApi(const RestApiSettings& settings);

    // "" follows the system's language; "en", "de" or "fr" choose one (applied at the next start).
    QString language() const;
    void setLanguage(const QString& language);

    bool minimizeToTray() const;
    void setMinimizeToTray(bool enabled);

    // `arguments` (argv, program name first) with an option added for every saved setting
    // the command line does not set itself; the node settings only once they were saved.
    QStringList withSavedOptions(const QStringList& arguments) const;

    // Whether `arguments` (argv) give --option (or --option=value) themselves.
    static bool givenOnCommandLine(const QStringList& arguments, const QString& option);

    // Why `settings` cannot be used (first problem found), or empty.
    static QString problem(const NodeSettings& settings);
};

} // namespace pb::ui
