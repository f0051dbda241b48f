#pragma once
// `photoblocksd mining …`: starts and stops a running node's miner and shows its status,
// through the loopback REST API (POST /api/v1/mining), for headless miners.
#include <QStringList>
#include <QTextStream>

namespace pb::app {

// `arguments` are those after "mining". 0 on success, 1 when the node refused or is
// unreachable, 2 for a usage error.
int runMiningCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace pb::app
