#pragma once
// `photoblocksd pair …`: pairing phones with a running node through its loopback REST API —
// a new one-time pairing code (with the address a phone opens), the paired devices, revoking one.
#include <QStringList>
#include <QTextStream>

namespace pb::app {

// `arguments` are those after "pair". 0 on success, 1 when the node refused or is unreachable,
// 2 for a usage error.
int runPairCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace pb::app
