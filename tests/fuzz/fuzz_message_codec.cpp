// Fuzz target for the wire codec: any input must be decoded or rejected with a reason, never
// crash; an accepted frame must survive encode + decode unchanged.
#include "core/net/MessageCodec.h"

#include "tests/unit/net/MessageSamples.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void finding(const char* what, const QString& detail)
{
    std::fprintf(stderr, "fuzz_message_codec: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // No copy: the decoder reads the fuzzer's exact buffer, so overreads are caught.
    const QByteArray frame = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const auto decoded = pb::net::decode(frame, &error);
    if (!decoded) {
        if (error.isEmpty())
            finding("rejected without a reason", frame.left(64).toHex());
        return 0;
    }
    const auto again = pb::net::decode(pb::net::encode(*decoded), &error);
    if (!again)
        finding("re-encoded message rejected", error);
    if (!(*again == *decoded))
        finding("round trip changed the message", pb::net::messageName(*decoded));
    return 0;
}
