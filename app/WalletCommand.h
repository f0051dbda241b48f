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

// "1.5" coins -> 150000000 units; at most 8 decimals, no sign, no overflow.
std::optional<quint64> parseCoins(const QString& text);
QString formatCoins(quint64 units);

} // namespace pb::app
