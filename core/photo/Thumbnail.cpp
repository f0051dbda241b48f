#include "core/photo/Thumbnail.h"

#include "core/photo/PhotoDecoder.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace pb::photo {

std::optional<Bytes> makeThumbnail(const Bytes& photo, int maxSide, std::string* error)
{
    const DecodeResult decoded = PhotoDecoder().decode(photo);
    if (!decoded.ok()) {
        if (error) *error = decoded.message;
        return std::nullopt;
    }
    const cv::Mat& image = decoded.photo->color;
    const int longer = std::max(image.cols, image.rows);
    cv::Mat small = image;
    if (longer > maxSide) {
        const cv::Size size(std::max(1, image.cols * maxSide / longer), std::max(1, image.rows * maxSide / longer));
        cv::resize(image, small, size, 0, 0, cv::INTER_AREA);
    }
    std::vector<uchar> jpeg;
    try {
        if (!cv::imencode(".jpg", small, jpeg, {cv::IMWRITE_JPEG_QUALITY, 80})) throw cv::Exception();
    } catch (const cv::Exception&) {
        if (error) *error = "JPEG encoding failed";
        return std::nullopt;
    }
    return Bytes(jpeg.begin(), jpeg.end());
}

} // namespace pb::photo
