#pragma once
// The one canonical way a photo's bytes become the images recognizers see, so every node
// reaches the same answer: JPEG/PNG only, size and dimension limits checked from the headers
// before any pixel is decoded, EXIF orientation applied, then a fixed working resolution
// (longest side `workingLongSide`, INTER_AREA) in colour and in grayscale.
#include "core/photo/ImageHeader.h"
#include "core/photo/PhotoError.h"
#include "core/util/Bytes.h"

#include <opencv2/core.hpp>

#include <optional>
#include <string>

namespace pb::photo {

struct DecodeLimits {
    size_t maxBytes = 2 * 1024 * 1024;
    uint64_t maxPixels = 40'000'000;  // a 40 MP camera photo decodes to 120 MB of BGR
    uint32_t maxSide = 16384;
    uint32_t minSide = 16;
    int workingLongSide = 640;
};

struct NormalisedPhoto {
    cv::Mat color;  // CV_8UC3 BGR, upright, longest side == workingLongSide
    cv::Mat gray;   // CV_8UC1, same size
    ImageHeader source;  // format and dimensions as stored in the file (before EXIF rotation)
};

struct DecodeResult {
    std::optional<NormalisedPhoto> photo;
    PhotoError error = PhotoError::None;
    std::string message;
    bool ok() const { return photo.has_value(); }
};

class PhotoDecoder {
public:
    explicit PhotoDecoder(DecodeLimits limits = {});

    // Never throws and never crashes on hostile input; thread-safe.
    DecodeResult decode(const Bytes& file) const;

    const DecodeLimits& limits() const { return limits_; }
    // Every parameter that changes the output, as text for recognizer identities.
    std::string parameterText() const;

private:
    DecodeLimits limits_;
};

} // namespace pb::photo
