#pragma once
// Files only their owner may read: secrets such as the node key and the wallet keystore.
#include <QByteArray>
#include <QString>

namespace pb {

// Writes `bytes` next to `path` in a fresh 0600 file, flushes it to disk and moves it into
// place. With `replace` false an existing file wins (link() refuses to overwrite), so two
// processes creating one at once cannot end up with different contents. `what` names the
// file in messages ("node key file").
enum class Placed { Written, AlreadyExists, Failed };
Placed placePrivateFile(const QString& path, const QByteArray& bytes, bool replace, const QString& what, QString* error);

// The file exists, is a regular file, and neither group nor others may access it.
bool checkPrivateFile(const QString& path, const QString& what, QString* error);

} // namespace pb
