#pragma once
// Field readers for StrictCborReader::readEntries: each reads one typed value into `out`, with
// the reader's own bounds and error messages. Shared by the message codecs.
#include "core/net/StrictCborReader.h"

#include <limits>
#include <vector>

namespace pb::net {

using Field = StrictCborReader::Field;

template <class UInt>
inline Field uintField(StrictCborReader& r, QLatin1StringView key, UInt* out)
{
    return {key, [&r, out](const QString& path) {
                quint64 value = 0;
                if (!r.readUnsigned(path, std::numeric_limits<UInt>::max(), &value))
                    return false;
                *out = UInt(value);
                return true;
            }};
}

inline Field sintField(StrictCborReader& r, QLatin1StringView key, qint64* out)
{
    return {key, [&r, out](const QString& path) { return r.readSigned(path, out); }};
}

inline Field textField(StrictCborReader& r, QLatin1StringView key, qsizetype maxBytes, QString* out)
{
    return {key, [&r, maxBytes, out](const QString& path) { return r.readText(path, maxBytes, out); }};
}

inline Field hashField(StrictCborReader& r, QLatin1StringView key, Hash256* out)
{
    return {key, [&r, out](const QString& path) { return r.readHash(path, out); }};
}

inline Field exactBytesField(StrictCborReader& r, QLatin1StringView key, qsizetype size, Bytes* out)
{
    return {key, [&r, size, out](const QString& path) { return r.readBytesExactly(path, size, out); }};
}

// Blocks and photos: bounded only by the frame, which the caller has already size-checked.
inline Field bytesField(StrictCborReader& r, QLatin1StringView key, Bytes* out,
                 qsizetype maxBytes = std::numeric_limits<qsizetype>::max())
{
    return {key, [&r, out, maxBytes](const QString& path) { return r.readBytes(path, maxBytes, out); }};
}

inline Field hashListField(StrictCborReader& r, QLatin1StringView key, size_t maxElements, std::vector<Hash256>* out)
{
    return {key, [&r, maxElements, out](const QString& path) {
                return r.readArray(path, maxElements, [&r, out](const QString& elementPath) {
                    Hash256 h{};
                    if (!r.readHash(elementPath, &h))
                        return false;
                    out->push_back(h);
                    return true;
                });
            }};
}

} // namespace pb::net
