#include "core/photo/ImageHeader.h"

#include <cstring>

namespace pb::photo {

namespace {

HeaderInspection fail(PhotoError error, std::string message)
{
    return {std::nullopt, error, std::move(message)};
}

HeaderInspection inspectPng(const Bytes& file)
{
    // Chunk: length u32 BE | type 4 | data | CRC 4. IHDR must come first (PNG 1.2, section 5.6).
    size_t offset = 8;
    ImageHeader header{ImageFormat::Png, 0, 0};
    bool sawImageData = false;
    for (bool first = true;; first = false) {
        if (file.size() - offset < 8)
            return fail(PhotoError::Truncated, "PNG truncated: the file ends before its IEND chunk");
        const uint32_t length = getBE32(&file[offset]);
        const std::string type(reinterpret_cast<const char*>(&file[offset + 4]), 4);
        if (length > 0x7fffffffu)
            return fail(PhotoError::Corrupt, "PNG corrupt: chunk '" + type + "' has an invalid length");
        if (first) {
            if (type != "IHDR" || length != 13)
                return fail(PhotoError::Corrupt, "PNG corrupt: the first chunk is not a 13-byte IHDR");
            if (file.size() - offset < 8 + 13)
                return fail(PhotoError::Truncated, "PNG truncated inside its IHDR chunk");
            header.width = getBE32(&file[offset + 8]);
            header.height = getBE32(&file[offset + 12]);
            if (header.width == 0 || header.height == 0 || header.width > 0x7fffffffu || header.height > 0x7fffffffu)
                return fail(PhotoError::Corrupt, "PNG corrupt: IHDR gives invalid dimensions");
        }
        if (uint64_t(file.size() - offset) < uint64_t(length) + 12)
            return fail(PhotoError::Truncated, "PNG truncated inside its '" + type + "' chunk");
        offset += size_t(length) + 12;
        if (type == "IDAT")
            sawImageData = true;
        if (type == "IEND")
            break;
    }
    if (!sawImageData)
        return fail(PhotoError::Corrupt, "PNG corrupt: no IDAT chunk holds image data");
    return {header, PhotoError::None, {}};
}

bool isStartOfFrame(uint8_t marker)
{
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

bool isStandalone(uint8_t marker) { return marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7); }

// Skips entropy-coded data from `offset`; returns the offset of the next real marker's 0xFF, or
// nullopt when the file ends first. Inside scan data 0xFF is followed by 0x00 (stuffing), a
// restart marker, or more 0xFF fill bytes; anything else is a marker (ITU T.81, B.1.1.5).
std::optional<size_t> skipEntropyData(const Bytes& file, size_t offset)
{
    while (offset + 1 < file.size()) {
        if (file[offset] != 0xff) {
            ++offset;
            continue;
        }
        const uint8_t next = file[offset + 1];
        if (next == 0x00 || (next >= 0xd0 && next <= 0xd7) || next == 0xff)
            offset += next == 0xff ? 1 : 2;
        else
            return offset;
    }
    return std::nullopt;
}

HeaderInspection inspectJpeg(const Bytes& file)
{
    std::optional<ImageHeader> header;
    int scans = 0;
    size_t offset = 2;
    for (;;) {
        while (offset < file.size() && file[offset] == 0xff && offset + 1 < file.size() && file[offset + 1] == 0xff)
            ++offset;  // fill bytes before a marker
        if (file.size() - offset < 2)
            return fail(PhotoError::Truncated, "JPEG truncated: the file ends before its EOI marker");
        if (file[offset] != 0xff)
            return fail(PhotoError::Corrupt, "JPEG corrupt: expected a marker at byte " + std::to_string(offset));
        const uint8_t marker = file[offset + 1];
        offset += 2;
        if (marker == 0xd9) {
            if (scans == 0)
                return fail(PhotoError::Corrupt, "JPEG corrupt: EOI before any image data");
            return {header, PhotoError::None, {}};
        }
        if (isStandalone(marker))
            continue;
        if (file.size() - offset < 2)
            return fail(PhotoError::Truncated, "JPEG truncated inside a segment header");
        const size_t length = (size_t(file[offset]) << 8) | file[offset + 1];
        if (length < 2)
            return fail(PhotoError::Corrupt, "JPEG corrupt: segment length below 2");
        if (file.size() - offset < length)
            return fail(PhotoError::Truncated, "JPEG truncated inside a segment");
        if (isStartOfFrame(marker) && !header) {
            if (length < 8)
                return fail(PhotoError::Corrupt, "JPEG corrupt: frame header too short");
            header = ImageHeader{ImageFormat::Jpeg, uint32_t(file[offset + 5]) << 8 | file[offset + 6],
                                 uint32_t(file[offset + 3]) << 8 | file[offset + 4]};
            if (header->width == 0 || header->height == 0)
                return fail(PhotoError::Corrupt, "JPEG corrupt or unsupported: frame header gives a zero dimension");
        }
        offset += length;
        if (marker == 0xda) {
            if (!header)
                return fail(PhotoError::Corrupt, "JPEG corrupt: scan data before the frame header");
            if (++scans > kMaxJpegScans)
                return fail(PhotoError::Corrupt, "JPEG refused: more than " + std::to_string(kMaxJpegScans) + " scans");
            const std::optional<size_t> next = skipEntropyData(file, offset);
            if (!next)
                return fail(PhotoError::Truncated, "JPEG truncated: the file ends inside its image data");
            offset = *next;
        }
    }
}

} // namespace

HeaderInspection inspectImageHeader(const Bytes& file)
{
    const auto format = sniffImageFormat(file);
    if (format == ImageFormat::Png) return inspectPng(file);
    if (format == ImageFormat::Jpeg) return inspectJpeg(file);
    return fail(PhotoError::UnsupportedType, "unsupported file type: only JPEG and PNG photos are accepted");
}

} // namespace pb::photo
