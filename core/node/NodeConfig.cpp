#include "core/node/NodeConfig.h"

namespace pb {

QString modeName(NodeMode mode)
{
    switch (mode) {
    case NodeMode::Head: return "head";
    case NodeMode::Seed: return "seed";
    case NodeMode::Full: return "full";
    case NodeMode::Mobile: return "mobile";
    }
    return "full";
}

std::optional<NodeMode> modeFromName(const QString& name)
{
    for (NodeMode m : {NodeMode::Head, NodeMode::Seed, NodeMode::Full, NodeMode::Mobile})
        if (modeName(m) == name) return m;
    return std::nullopt;
}

int NodeConfig::inboundPerSubnet() const
{
    if (maxInboundPerSubnet > 0) return maxInboundPerSubnet;
    return listenAll ? 8 : maxInbound;
}

} // namespace pb
