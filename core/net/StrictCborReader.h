#pragma once
// Typed, bounded reads over one CBOR buffer for decoding untrusted peer messages.
//
// Built on QCborStreamReader rather than QCborValue because QCborValue cannot hold unsigned
// integers above INT64_MAX (they become doubles, breaking 64-bit nonces) and because a value
// tree costs memory for every element of a hostile frame, while here only the fields we keep
// are copied and every size is checked against its limit before anything is allocated.
//
// Errors name the field and the problem, e.g. "peers.peers[3].port: 70000 is above 65535".
// After the first failure every call fails and the first error is kept.
#include "core/util/Bytes.h"

#include <QByteArray>
#include <QCborStreamReader>
#include <QLatin1StringView>
#include <QString>

#include <functional>
#include <initializer_list>

namespace pb::net {

class StrictCborReader {
public:
    // One known field of a map: its key and how to read its value (given the value's path).
    struct Field {
        QLatin1StringView key;
        std::function<bool(const QString& path)> read;
    };

    explicit StrictCborReader(const QByteArray& data);

    bool readUnsigned(const QString& path, quint64 max, quint64* out);
    bool readSigned(const QString& path, qint64* out);
    // Limits are in UTF-8 bytes, as on the wire; invalid UTF-8 is an error.
    bool readText(const QString& path, qsizetype maxUtf8Bytes, QString* out);
    bool readBytes(const QString& path, qsizetype maxBytes, Bytes* out);
    bool readBytesExactly(const QString& path, qsizetype size, Bytes* out);
    bool readHash(const QString& path, Hash256* out);

    // Calls readElement(elementPath) for each element; more than maxElements is an error.
    bool readArray(const QString& path, size_t maxElements,
                   const std::function<bool(const QString& elementPath)>& readElement);

    // A map's entries are read with enterMap, then readKey/readEntries, the map is left by
    // readEntries. Keys are text strings of at most kMaxKeyBytes.
    bool enterMap(const QString& path);
    bool readKey(const QString& path, QString* key);
    // Reads the rest of the current map: each field exactly once, in any order; unknown keys
    // are skipped (newer peers may add fields) but must still be well-formed CBOR. `consumed`
    // names keys the caller already read from this map, which must not appear again.
    bool readEntries(const QString& path, std::initializer_list<Field> fields,
                     std::initializer_list<QLatin1StringView> consumed = {});

    bool fail(const QString& message);
    bool failed() const { return !error_.isEmpty(); }
    QString error() const { return error_; }
    // Bytes not yet consumed; after the last value this must be zero for a valid frame.
    qint64 remaining() const;

    static constexpr qsizetype kMaxKeyBytes = 64;
    // Nesting allowed inside a skipped unknown value: enough for any sane extension, small
    // enough that a hostile "[[[[...]]]]" cannot exhaust the stack.
    static constexpr int kMaxSkipDepth = 16;

private:
    bool expect(const QString& path, QCborStreamReader::Type type, const char* description);
    bool readChunks(const QString& path, qsizetype maxBytes, const char* unit, QByteArray* out);
    bool cborError(const QString& path);
    bool skipValue(const QString& path);
    QString describeCurrent();

    QCborStreamReader reader_;
    qint64 size_;
    QString error_;
};

} // namespace pb::net
