#pragma once
// `photoblocksd wallet …`: the encrypted keystore in a node's data directory (create, check,
// new-address, set-default, list) and, through the node's loopback REST API, balance, history
// and send.
#include <QStringList>
#include <QTextStream>

namespace pb::app {

// `arguments` are those after "wallet"; the passphrase comes from --passphrase-file or the
// first line of `in`. 0 on success, 1 when the wallet or the node refuses, 2 for usage errors.
int runWalletCommand(const QStringList& arguments, QTextStream& in, QTextStream& out, QTextStream& err);

} // namespace pb::app
