#include "core/photo/CentredSquareInput.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace pb::photo {

CentredSquareInput centredSquareInput(const NormalisedPhoto& photo, int side)
{
    const int longest = std::max(photo.color.cols, photo.color.rows);
    CentredSquareInput result;
    result.offset = cv::Point((longest - photo.color.cols) / 2, (longest - photo.color.rows) / 2);
    result.scale = double(longest) / side;
    cv::Mat square(longest, longest, CV_8UC3, cv::Scalar(0, 0, 0)), resized, rgb, input;
    photo.color.copyTo(square(cv::Rect(result.offset, photo.color.size())));
    cv::resize(square, resized, cv::Size(side, side), 0, 0, cv::INTER_AREA);
    cv::cvtColor(resized, rgb, cv::COLOR_BGR2RGB);
    rgb.convertTo(input, CV_32FC3, 1 / 127.5, -1);  // [-1, 1]
    const int shape[] = {1, side, side, 3};
    result.blob = input.reshape(1, 4, shape);  // shares (and keeps) input's pixels
    return result;
}

} // namespace pb::photo
