#pragma once
// `photoblocksd job …`: list, add, show and cancel mining jobs of a running node through its
// loopback REST API, printing the API's JSON.
#include <QStringList>
#include <QTextStream>

namespace pb::app {

// `arguments` are those after "job". 0 on success, 1 when the node refused or is unreachable,
// 2 for a usage error.
int runJobCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace pb::app
