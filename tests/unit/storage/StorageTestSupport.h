#pragma once
// Shared by the storage tests.
#include <QString>

// Data directories must be short: <datadir>/redis/redis.sock has to fit in 107 bytes, and
// TMPDIR may point somewhere deep.
inline const QString kShortTempDirTemplate = QStringLiteral("/tmp/pbst-XXXXXX");
