#pragma once
// Small JPEG previews of stored photos for the explorer and the API, made through the same
// canonical decoder the recognizer uses (so a hostile file cannot hurt here either).
#include "core/util/Bytes.h"

#include <optional>
#include <string>

namespace pb::photo {

// The photo scaled so its longer side is `maxSide` pixels (never enlarged), as JPEG.
std::optional<Bytes> makeThumbnail(const Bytes& photo, int maxSide, std::string* error);

} // namespace pb::photo
