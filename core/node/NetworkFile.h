#pragma once
// The file that carries a custom network's parameters from its head to the nodes that join it.
// Built-in networks (dev, test) need none.
#include "core/chain/NetworkParams.h"
#include "core/node/NodeConfig.h"

#include <QString>
#include <optional>

namespace pb {

struct NetworkFileResult {
    std::optional<NetworkParams> params;
    QString error;  // set when params is empty
};

// Parses and checks a network file: known keys only, values in range, and a genesis hash that
// matches the parameters (so an edited or damaged file is refused, not followed onto a fork).
NetworkFileResult parseNetworkFile(const QByteArray& json);
NetworkFileResult readNetworkFile(const QString& path);

// Writes atomically (temporary file, then rename), so a crash leaves the old file or the new.
QString writeNetworkFile(const NetworkParams& params, const QString& path);

// What the head of a new network uses: dev's rules, a genesis stamped with `now` and a random salt.
// The network pins `recognizerIdentity`: the head's own recognizer.
NetworkFileResult createNetwork(const QString& name, uint64_t now, uint16_t peerPort, const std::string& recognizerIdentity);

// Which network a node runs: a built-in one by name, or a custom one from --network-file or the
// network.json in its data directory; a head creates its custom network on first start.
struct ResolvedNetwork {
    std::optional<NetworkParams> params;
    QString error;  // set when params is empty
    QString note;   // a line for the log when a network file was created or copied
};
ResolvedNetwork resolveNetwork(const NodeConfig& config, uint64_t now, const std::string& recognizerIdentity);
QString networkFileInDataDir(const QString& dataDir);

} // namespace pb
