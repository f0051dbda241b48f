// Fuzz target for the image header reader: any bytes give a header or an error with a
// message, never both; a header has nonzero dimensions and a format that matches the magic.
#include "core/photo/ImageHeader.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const pb::Bytes file(data, data + size);
    const auto inspection = pb::photo::inspectImageHeader(file);
    if (!inspection.header) {
        if (inspection.error == pb::photo::PhotoError::None || inspection.message.empty())
            pb::fuzz::finding("fuzz_image_header", "refused without an error and a message");
        return 0;
    }
    if (inspection.error != pb::photo::PhotoError::None)
        pb::fuzz::finding("fuzz_image_header", "a header together with an error");
    if (inspection.header->width == 0 || inspection.header->height == 0)
        pb::fuzz::finding("fuzz_image_header", "a header with a zero dimension");
    const bool png = size >= 8 && data[0] == 0x89 && data[1] == 'P';
    if (png != (inspection.header->format == pb::photo::ImageFormat::Png))
        pb::fuzz::finding("fuzz_image_header", "the format does not match the magic bytes");
    return 0;
}
