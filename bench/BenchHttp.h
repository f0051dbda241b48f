#pragma once
// Blocking GET of a node's REST API for the network benchmarks (a nested event loop).
#include <QJsonObject>

namespace pb::bench {

// The answer's JSON object; empty when the node does not answer within 2 s.
QJsonObject getJson(quint16 port, const QString& path);

} // namespace pb::bench
