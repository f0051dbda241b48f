#include "core/photo/PhotoDecoder.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace pb::photo {

namespace {

DecodeResult fail(PhotoError error, std::string message) { return {std::nullopt, error, std::move(message)}; }

std::string dimensions(uint64_t width, uint64_t height)
{
    return std::to_string(width) + "x" + std::to_string(height);
}

// Working size in integer arithmetic (no floating point, so identical on every CPU).
cv::Size workingSize(int width, int height, int longSide)
{
    const int64_t longest = std::max(width, height);
    const auto scaled = [&](int64_t side) { return int(std::max<int64_t>(1, (side * longSide + longest / 2) / longest)); };
    return {scaled(width), scaled(height)};
}

} // namespace

PhotoDecoder::PhotoDecoder(DecodeLimits limits) : limits_(limits) {}

std::string PhotoDecoder::parameterText() const
{
    return "decoder=jpeg,png;exif-orientation;inter-area;bgr2gray;maxBytes=" + std::to_string(limits_.maxBytes) +
           ";maxPixels=" + std::to_string(limits_.maxPixels) + ";maxSide=" + std::to_string(limits_.maxSide) +
           ";minSide=" + std::to_string(limits_.minSide) + ";workingLongSide=" + std::to_string(limits_.workingLongSide);
}

DecodeResult PhotoDecoder::decode(const Bytes& file) const
{
    if (file.empty())
        return fail(PhotoError::Empty, "the photo is empty (zero bytes)");
    if (file.size() > limits_.maxBytes)
        return fail(PhotoError::TooLarge, "the photo has " + std::to_string(file.size()) + " bytes, more than the " +
                                              std::to_string(limits_.maxBytes) + "-byte limit");
    HeaderInspection inspection = inspectImageHeader(file);
    if (!inspection.header)
        return fail(inspection.error, inspection.message);
    const ImageHeader header = *inspection.header;
    const uint64_t pixels = uint64_t(header.width) * header.height;
    if (header.width > limits_.maxSide || header.height > limits_.maxSide || pixels > limits_.maxPixels)
        return fail(PhotoError::TooManyPixels,
                    "the photo's header declares " + dimensions(header.width, header.height) + " pixels; the limit is " +
                        std::to_string(limits_.maxPixels) + " pixels and " + std::to_string(limits_.maxSide) + " per side");
    if (header.width < limits_.minSide || header.height < limits_.minSide)
        return fail(PhotoError::TooSmall, "the photo is " + dimensions(header.width, header.height) +
                                              " pixels; each side needs at least " + std::to_string(limits_.minSide));

    cv::Mat decoded;
    try {
        // IMREAD_COLOR applies the EXIF orientation (OpenCV 4.6 imdecode; proven by a test).
        const cv::Mat buffer(1, int(file.size()), CV_8UC1, const_cast<uint8_t*>(file.data()));
        decoded = cv::imdecode(buffer, cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        return fail(PhotoError::Corrupt, std::string("the photo's data is corrupt: ") + e.err);
    } catch (const std::exception& e) {
        return fail(PhotoError::Corrupt, std::string("the photo could not be decoded: ") + e.what());
    }
    if (decoded.empty())
        return fail(PhotoError::Corrupt, "the photo's data is corrupt: the decoder produced no image");
    if (uint64_t(decoded.total()) != pixels)
        return fail(PhotoError::Corrupt, "the photo's data is corrupt: decoded " + dimensions(decoded.cols, decoded.rows) +
                                             " pixels, header says " + dimensions(header.width, header.height));

    NormalisedPhoto photo;
    photo.source = header;
    cv::resize(decoded, photo.color, workingSize(decoded.cols, decoded.rows, limits_.workingLongSide), 0, 0, cv::INTER_AREA);
    cv::cvtColor(photo.color, photo.gray, cv::COLOR_BGR2GRAY);
    return {std::move(photo), PhotoError::None, {}};
}

} // namespace pb::photo
