// Fuzz target for the photo decoder: any bytes decode or are refused with an error; an
// accepted photo was within the pixel and side limits as stored, and comes out at the working
// resolution in colour and grayscale of the same size. Limits are small so a run stays fast;
// the checks are the same as with the defaults.
#include "core/photo/PhotoDecoder.h"
#include "tests/fuzz/FuzzSupport.h"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    pb::photo::DecodeLimits limits;
    limits.maxBytes = 64 * 1024;
    limits.maxPixels = 512 * 512;
    limits.maxSide = 1024;
    limits.workingLongSide = 64;
    static const pb::photo::PhotoDecoder decoder(limits);
    const pb::photo::DecodeResult result = decoder.decode(pb::Bytes(data, data + size));
    if (!result.ok()) {
        if (result.error == pb::photo::PhotoError::None) pb::fuzz::finding("fuzz_photo_decoder", "refused without an error");
        return 0;
    }
    const auto& source = result.photo->source;
    if (uint64_t(source.width) * source.height > limits.maxPixels || std::max(source.width, source.height) > limits.maxSide
        || std::min(source.width, source.height) < limits.minSide || size > limits.maxBytes)
        pb::fuzz::finding("fuzz_photo_decoder", "accepted a photo outside the limits");
    const cv::Mat& color = result.photo->color;
    const cv::Mat& gray = result.photo->gray;
    if (color.type() != CV_8UC3 || gray.type() != CV_8UC1 || color.size() != gray.size()
        || std::max(color.cols, color.rows) != limits.workingLongSide)
        pb::fuzz::finding("fuzz_photo_decoder", "the decoded images are not at the working resolution");
    return 0;
}
