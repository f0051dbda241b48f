#pragma once
// The one place that tells the two photo formats apart by their magic bytes: JPEG (FF D8 FF)
// and PNG (the 8-byte signature). Consensus (a block's photo), the photo decoder, job checks,
// the GUI and the REST content type all ask here.
#include "core/util/Bytes.h"

#include <QByteArray>
#include <optional>

namespace pb {

enum class ImageFormat { Jpeg, Png };

std::optional<ImageFormat> sniffImageFormat(const uint8_t* data, size_t size);
inline std::optional<ImageFormat> sniffImageFormat(const Bytes& file) { return sniffImageFormat(file.data(), file.size()); }
inline std::optional<ImageFormat> sniffImageFormat(const QByteArray& file)
{
    return sniffImageFormat(reinterpret_cast<const uint8_t*>(file.constData()), size_t(file.size()));
}

} // namespace pb
