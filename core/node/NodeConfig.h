#pragma once
// Everything that configures one node, whatever set it (options, config file, GUI settings).
#include <QString>
#include <optional>

namespace pb {

enum class NodeMode { Head, Seed, Full, Mobile };
QString modeName(NodeMode mode);
std::optional<NodeMode> modeFromName(const QString& name);

struct NodeConfig {
    NodeMode mode = NodeMode::Full;
    QString network = "dev";
    QString dataDir;            // required; created when missing
    bool mine = false;
    int threads = 1;
    QString rewardAddress;      // bech32m; empty pays the node key's own address
    QString redisUrl;           // empty: spawn an embedded redis-server in the data directory
    bool logToStderr = true;
};

} // namespace pb
