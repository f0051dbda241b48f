#include "core/net/StrictCborReader.h"

#include <QStringDecoder>

#include <algorithm>
#include <limits>
#include <vector>

namespace pb::net {

StrictCborReader::StrictCborReader(const QByteArray& data) : reader_(data), size_(data.size()) {}

bool StrictCborReader::fail(const QString& message)
{
    if (error_.isEmpty())
        error_ = message;
    return false;
}

qint64 StrictCborReader::remaining() const { return size_ - reader_.currentOffset(); }

bool StrictCborReader::cborError(const QString& path)
{
    const QCborError error = reader_.lastError();
    if (error == QCborError::NoError)
        return fail(QString("%1: malformed CBOR at byte %2").arg(path).arg(reader_.currentOffset()));
    return fail(QString("%1: malformed CBOR at byte %2: %3")
                    .arg(path).arg(reader_.currentOffset()).arg(error.toString()));
}

QString StrictCborReader::describeCurrent()
{
    switch (reader_.type()) {
    case QCborStreamReader::UnsignedInteger: return "an unsigned integer";
    case QCborStreamReader::NegativeInteger: return "a negative integer";
    case QCborStreamReader::ByteArray: return "a byte string";
    case QCborStreamReader::String: return "a text string";
    case QCborStreamReader::Array: return "an array";
    case QCborStreamReader::Map: return "a map";
    case QCborStreamReader::Tag: return "a tag";
    case QCborStreamReader::SimpleType: return "a simple value";
    case QCborStreamReader::Float16:
    case QCborStreamReader::Float:
    case QCborStreamReader::Double: return "a float";
    case QCborStreamReader::Invalid: break;
    }
    return "nothing";
}

bool StrictCborReader::expect(const QString& path, QCborStreamReader::Type type, const char* description)
{
    if (failed())
        return false;
    if (reader_.type() == type)
        return true;
    if (reader_.lastError() != QCborError::NoError)
        return cborError(path);
    return fail(QString("%1: expected %2, got %3").arg(path, QLatin1String(description), describeCurrent()));
}

bool StrictCborReader::readUnsigned(const QString& path, quint64 max, quint64* out)
{
    if (!expect(path, QCborStreamReader::UnsignedInteger, "an unsigned integer"))
        return false;
    const quint64 value = reader_.toUnsignedInteger();
    if (value > max)
        return fail(QString("%1: %2 is above %3").arg(path).arg(value).arg(max));
    *out = value;
    return reader_.next() || cborError(path);
}

bool StrictCborReader::readSigned(const QString& path, qint64* out)
{
    if (failed())
        return false;
    constexpr quint64 kMax = quint64(std::numeric_limits<qint64>::max());
    if (reader_.isUnsignedInteger()) {
        const quint64 value = reader_.toUnsignedInteger();
        if (value > kMax)
            return fail(QString("%1: %2 does not fit a signed 64-bit integer").arg(path).arg(value));
        *out = qint64(value);
    } else if (reader_.isNegativeInteger()) {
        // CBOR stores -1 - n; Qt hands back n + 1 (wrapping to 0 for the most negative value).
        const quint64 n = quint64(reader_.toNegativeInteger()) - 1;
        if (n > kMax)
            return fail(QString("%1: -1 - %2 does not fit a signed 64-bit integer").arg(path).arg(n));
        *out = -1 - qint64(n);
    } else {
        return expect(path, QCborStreamReader::UnsignedInteger, "an integer");
    }
    return reader_.next() || cborError(path);
}

bool StrictCborReader::readChunks(const QString& path, qsizetype maxBytes, const char* unit, QByteArray* out)
{
    out->clear();
    for (;;) {
        const qsizetype chunk = reader_.currentStringChunkSize();
        if (chunk < 0)
            return cborError(path);
        // Checked before reading: a header may claim any length, whatever the frame holds.
        if (chunk > remaining())
            return fail(QString("%1: claims %2 bytes, only %3 follow").arg(path).arg(chunk).arg(remaining()));
        if (chunk > maxBytes - out->size())
            return fail(QString("%1: %2 %3, at most %4")
                            .arg(path).arg(out->size() + chunk).arg(QLatin1String(unit)).arg(maxBytes));
        const qsizetype used = out->size();
        out->resize(used + chunk);
        const auto result = reader_.readStringChunk(out->data() + used, chunk);
        if (result.status == QCborStreamReader::Error)
            return cborError(path);
        out->resize(used + result.data);
        if (result.status == QCborStreamReader::EndOfString)
            return true;
    }
}

bool StrictCborReader::readText(const QString& path, qsizetype maxUtf8Bytes, QString* out)
{
    if (!expect(path, QCborStreamReader::String, "a text string"))
        return false;
    QByteArray utf8;
    if (!readChunks(path, maxUtf8Bytes, "bytes of text", &utf8))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder(utf8);
    if (decoder.hasError())
        return fail(QString("%1: invalid UTF-8").arg(path));
    return true;
}

bool StrictCborReader::readBytes(const QString& path, qsizetype maxBytes, Bytes* out)
{
    if (!expect(path, QCborStreamReader::ByteArray, "a byte string"))
        return false;
    QByteArray data;
    if (!readChunks(path, maxBytes, "bytes", &data))
        return false;
    out->assign(data.begin(), data.end());
    return true;
}

bool StrictCborReader::readBytesExactly(const QString& path, qsizetype size, Bytes* out)
{
    if (!expect(path, QCborStreamReader::ByteArray, "a byte string"))
        return false;
    const qsizetype declared = reader_.currentStringChunkSize();
    if (reader_.isLengthKnown() && declared != size)
        return fail(QString("%1: %2 bytes, expected %3").arg(path).arg(declared).arg(size));
    QByteArray data;
    if (!readChunks(path, size, "bytes", &data))
        return false;
    if (data.size() != size)
        return fail(QString("%1: %2 bytes, expected %3").arg(path).arg(data.size()).arg(size));
    out->assign(data.begin(), data.end());
    return true;
}

bool StrictCborReader::readHash(const QString& path, Hash256* out)
{
    Bytes bytes;
    if (!readBytesExactly(path, qsizetype(out->size()), &bytes))
        return false;
    std::copy(bytes.begin(), bytes.end(), out->begin());
    return true;
}

bool StrictCborReader::readArray(const QString& path, size_t maxElements,
                                 const std::function<bool(const QString&)>& readElement)
{
    if (!expect(path, QCborStreamReader::Array, "an array"))
        return false;
    if (reader_.isLengthKnown() && reader_.length() > maxElements)
        return fail(QString("%1: %2 elements, at most %3").arg(path).arg(reader_.length()).arg(maxElements));
    if (!reader_.enterContainer())
        return cborError(path);
    size_t count = 0;
    while (reader_.hasNext()) {
        if (count == maxElements)
            return fail(QString("%1: more than %2 elements").arg(path).arg(maxElements));
        if (!readElement(QString("%1[%2]").arg(path).arg(count)))
            return false;
        ++count;
    }
    if (reader_.lastError() != QCborError::NoError || !reader_.leaveContainer())
        return cborError(path);
    return true;
}

bool StrictCborReader::enterMap(const QString& path)
{
    if (!expect(path, QCborStreamReader::Map, "a map"))
        return false;
    return reader_.enterContainer() || cborError(path);
}

bool StrictCborReader::readKey(const QString& path, QString* key)
{
    if (failed())
        return false;
    if (!reader_.hasNext()) {
        if (reader_.lastError() != QCborError::NoError)
            return cborError(path);
        return fail(QString("%1: the map ends where a key was expected").arg(path));
    }
    if (!reader_.isString())
        return fail(QString("%1: a key is %2, expected a text string").arg(path, describeCurrent()));
    return readText(path + " key", kMaxKeyBytes, key);
}

bool StrictCborReader::skipValue(const QString& path)
{
    return reader_.next(kMaxSkipDepth) || cborError(path);
}

bool StrictCborReader::readEntries(const QString& path, std::initializer_list<Field> fields,
                                   std::initializer_list<QLatin1StringView> consumed)
{
    std::vector<bool> seen(fields.size(), false);
    while (!failed() && reader_.hasNext()) {
        QString key;
        if (!readKey(path, &key))
            return false;
        size_t index = 0;
        for (const Field& field : fields) {
            if (field.key == key)
                break;
            ++index;
        }
        const bool repeated = std::find(consumed.begin(), consumed.end(), key) != consumed.end();
        if (repeated || (index < fields.size() && seen[index]))
            return fail(QString("%1: duplicate field \"%2\"").arg(path, key));
        if (index == fields.size()) {
            if (!skipValue(path + "." + key))
                return false;
            continue;
        }
        seen[index] = true;
        if (!fields.begin()[index].read(path + "." + key))
            return false;
    }
    if (failed())
        return false;
    if (reader_.lastError() != QCborError::NoError)
        return cborError(path);
    size_t index = 0;
    for (const Field& field : fields) {
        if (!seen[index++])
            return fail(QString("%1: missing field \"%2\"").arg(path, field.key));
    }
    return reader_.leaveContainer() || cborError(path);
}

} // namespace pb::net
