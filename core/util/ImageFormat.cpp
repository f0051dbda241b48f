#include "core/util/ImageFormat.h"

#include <cstring>

namespace pb {

std::optional<ImageFormat> sniffImageFormat(const uint8_t* data, size_t size)
{
    static const uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (size >= 8 && std::memcmp(data, kPngSignature, 8) == 0) return ImageFormat::Png;
    if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff) return ImageFormat::Jpeg;
    return std::nullopt;
}

} // namespace pb
