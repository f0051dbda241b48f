#pragma once
// Helpers shared by the fuzz targets: report a finding (abort, so libFuzzer and the replay
// driver both stop on it and keep the input) and hand an input to code that reads files.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace pb::fuzz {

[[noreturn]] inline void finding(const char* target, const char* what, const std::string& detail = {})
{
    std::fprintf(stderr, "%s: %s%s%s\n", target, what, detail.empty() ? "" : ": ", detail.c_str());
    std::abort();
}

inline QByteArray bytesOf(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// A directory for the whole run (in /dev/shm when it exists: no disk writes per input).
inline const QString& scratchDir()
{
    static QTemporaryDir dir(QDir("/dev/shm").exists() ? "/dev/shm/pb-fuzz-XXXXXX" : QDir::tempPath() + "/pb-fuzz-XXXXXX");
    static const QString path = dir.path();
    return path;
}

// Writes `bytes` to `name` in the scratch directory, replacing what was there.
inline QString scratchFile(const QString& name, const QByteArray& bytes)
{
    const QString path = scratchDir() + "/" + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        finding("fuzz", "cannot write the scratch file", path.toStdString());
    return path;
}

} // namespace pb::fuzz
