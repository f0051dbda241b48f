#pragma once
// Everything that configures one node, whatever set it (options, config file, GUI settings).
#include "core/chain/PruningRule.h"
#include "core/chain/Uint256.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace pb {

enum class NodeMode { Head, Seed, Full, Mobile };
QString modeName(NodeMode mode);
std::optional<NodeMode> modeFromName(const QString& name);

struct NodeConfig {
    NodeMode mode = NodeMode::Full;
    QString network = "dev";
    QString networkFile;        // a custom network's parameters, as its head wrote them
    QString recognizer;         // "nanodet", "fused", "cascade" or "dnn"; empty: see chosenRecognizerKind
    QString recognizerNanoDetDir;  // the model directory (NanoDet, CenterNet, BlazeFace); empty: where the build installed it
    QString recognizerData;     // the cascade recognizer's directory; empty: Debian's opencv-data
    QString recognizerModel;    // the cv::dnn classifier's model file
    QString recognizerModelConfig;  // the model's config file, when its framework needs one
    QString recognizerLabels;   // the classifier's labels, one per line in output order
    int recognizerInputSide = 224;  // the classifier's square input, pixels
    QString dataDir;            // required; created when missing
    bool mine = false;
    int threads = 1;
    QString rewardAddress;      // bech32m; empty pays the node key's own address
    QString redisUrl;           // empty: spawn an embedded redis-server in the data directory
    int port = -1;              // peer port; -1: the network's seed port for a head, else 0 (any free port)
    bool listenAll = false;     // accept peers on all interfaces, not only loopback
    QStringList seeds;          // host:port; empty: the network's default seed unless head
    int maxOutbound = 8;
    int maxInbound = 64;
    int maxInboundPerSubnet = 0;  // per IPv4 /24 or IPv6 /64; 0: see inboundPerSubnet()
    bool banSubnets = false;      // a ban covers the offender's /24 or /64, not only its address
    qint64 banSeconds = 24 * 3600;
    // What one peer may make us read and send per second (net::ServeLimits), in KiB.
    qint64 peerServeKibPerSecond = 32 * 1024;
    quint64 maxReorgDepth = 1000;
    // Header branches with less work are not stored; none: the network's (NetworkParams).
    std::optional<Uint256> minimumChainWork;
    // Mobile mode: bodies and photos of only this many recent blocks stay (PruningRule.h);
    // the reorganisation limit shrinks to it, as deeper ones would need pruned bodies.
    quint64 pruneWindow = kDefaultPruneWindow;
    quint64 minimumFee = 1000;  // units: the smallest transfer fee this node admits to its mempool
    bool logToStderr = true;

    // The per-subnet inbound cap in force: maxInboundPerSubnet when set, else 8 on a node
    // listening on every interface and maxInbound on a loopback-only one (whose peers all
    // share 127.0.0.0/24).
    int inboundPerSubnet() const;
};

} // namespace pb
