#pragma once
// Reads a JPEG's or PNG's structure without decoding pixels: the format from the magic bytes,
// the dimensions from the PNG IHDR or JPEG SOF header, and whether the file is complete (PNG
// chunks up to IEND; JPEG segments and scans up to EOI). Lets the decoder refuse
// decompression bombs and truncated files before allocating a single pixel.
#include "core/photo/PhotoError.h"
#include "core/util/Bytes.h"
#include "core/util/ImageFormat.h"

#include <optional>
#include <string>

namespace pb::photo {

using pb::ImageFormat;

struct ImageHeader {
    ImageFormat format = ImageFormat::Jpeg;
    uint32_t width = 0;
    uint32_t height = 0;
};

struct HeaderInspection {
    std::optional<ImageHeader> header;
    PhotoError error = PhotoError::None;
    std::string message;
};

// A progressive JPEG with more scans than this is refused: each scan re-walks the whole image,
// so a small file with thousands of scans is a CPU bomb. Real encoders write about ten.
constexpr int kMaxJpegScans = 100;

HeaderInspection inspectImageHeader(const Bytes& file);

} // namespace pb::photo
