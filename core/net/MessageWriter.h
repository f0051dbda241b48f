#pragma once
// Writes one message's CBOR map: the "v" and "t" every message starts with, then typed fields
// (MessageCodec's put() functions name them). Nested structures the wire repeats (a node pack,
// a peer list) are written here once.
#include "core/net/Messages.h"

#include <QCborStreamWriter>
#include <QLatin1StringView>

namespace pb::net {

class MessageWriter {
public:
    MessageWriter(QByteArray* out, const char* type) : cbor_(out), type_(type) {}

    // Every message map starts with "v" and "t"; `fields` counts the ones after them.
    void start(quint64 fields);
    void finish() { cbor_.endMap(); }

    void key(QLatin1StringView name) { cbor_.append(name); }
    void uint(QLatin1StringView name, quint64 value) { key(name); cbor_.append(value); }
    void sint(QLatin1StringView name, qint64 value) { key(name); cbor_.append(value); }
    void text(QLatin1StringView name, const QString& value) { key(name); cbor_.append(QStringView(value)); }
    void bytes(QLatin1StringView name, const Bytes& value) { key(name); rawBytes(value.data(), value.size()); }
    void hash(QLatin1StringView name, const Hash256& value) { key(name); rawBytes(value.data(), value.size()); }

    // A list of byte strings (hashes, serialized headers).
    template <class T>
    void list(QLatin1StringView name, const std::vector<T>& values)
    {
        key(name);
        cbor_.startArray(values.size());
        for (const T& v : values) rawBytes(v.data(), v.size());
        cbor_.endArray();
    }

    void pack(QLatin1StringView name, const WirePack& p);  // in hello and announce
    void peers(QLatin1StringView name, const std::vector<PeerAddress>& peers);

private:
    void rawBytes(const uint8_t* data, size_t size) { cbor_.appendByteString(reinterpret_cast<const char*>(data), qsizetype(size)); }

    QCborStreamWriter cbor_;
    const char* type_;
};

} // namespace pb::net
