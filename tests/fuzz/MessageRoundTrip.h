#pragma once
// The wire codec's property, checked by every target that feeds it frames: an input is decoded
// or refused with a reason, and a decoded message survives encode + decode unchanged.
#include "core/net/MessageCodec.h"
#include "tests/fuzz/FuzzSupport.h"
#include "tests/unit/net/MessageSamples.h"  // the messages' operator==

#include <optional>

namespace pb::fuzz {

// The decoded message, or nullopt for a frame refused (with a reason); a finding otherwise.
inline std::optional<net::Message> decodeAndRoundTrip(const char* target, const uint8_t* data, size_t size)
{
    // No copy: the decoder reads the fuzzer's exact buffer, so overreads are caught.
    const QByteArray frame = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const auto decoded = net::decode(frame, &error);
    if (!decoded) {
        if (error.isEmpty()) finding(target, "rejected without a reason", frame.left(64).toHex().toStdString());
        return std::nullopt;
    }
    const auto again = net::decode(net::encode(*decoded), &error);
    if (!again) finding(target, "re-encoded message rejected", error.toStdString());
    if (!(*again == *decoded)) finding(target, "round trip changed the message", net::messageName(*decoded).toStdString());
    return decoded;
}

} // namespace pb::fuzz
