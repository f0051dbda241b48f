// Fuzz target for multipart/form-data: the first line of the input is the Content-Type, the
// rest the body. Any input is a form, an ApiError with a code, or "not a form"; a form keeps
// to the part count and size caps, and every part has a field name.
#include "core/api/MultipartForm.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = pb::fuzz::bytesOf(data, size);
    const qsizetype newline = input.indexOf('\n');
    const QByteArray contentType = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const pb::api::FormLimits limits{4, 256, 32};
    const auto parsed = pb::api::parseMultipartForm(contentType, body, limits);
    if (!parsed) return 0;
    if (const auto* error = std::get_if<pb::api::ApiError>(&*parsed)) {
        if (error->code.isEmpty()) pb::fuzz::finding("fuzz_multipart", "an error without a code");
        return 0;
    }
    const auto& parts = std::get<QList<pb::api::FormPart>>(*parsed);
    if (parts.size() > limits.maxParts) pb::fuzz::finding("fuzz_multipart", "more parts than the cap");
    for (const pb::api::FormPart& part : parts) {
        if (part.name.isEmpty()) pb::fuzz::finding("fuzz_multipart", "a part without a name");
        const qsizetype cap = part.filename.isEmpty() ? limits.maxFieldBytes : limits.maxFileBytes;
        if (part.data.size() > cap) pb::fuzz::finding("fuzz_multipart", "a part over its cap");
        if (part.data.size() > body.size()) pb::fuzz::finding("fuzz_multipart", "a part larger than the body");
    }
    return 0;
}
