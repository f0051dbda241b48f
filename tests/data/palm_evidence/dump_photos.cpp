// Writes each photo of tests/data/photo_labels.json as raw RGB for palm_evidence.js (Node has no
// image decoder): <dir>/<index>.full (int32 width, int32 height, then the RGB bytes as OpenCV
// decodes the file) and <dir>/<index>_pad.rgb (the photo centred in a black square, scaled to
// 256x256 with INTER_AREA, as BlazeFaceDetector feeds its network). Measurement tooling only,
// not built by CMake; see palm_evidence.js for how to run it.
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: dump_photos <index> <photo> <dir>\n");
        return 2;
    }
    cv::Mat photo = cv::imread(argv[2], cv::IMREAD_COLOR);
    if (photo.empty()) {
        std::fprintf(stderr, "cannot read %s\n", argv[2]);
        return 1;
    }
    cv::cvtColor(photo, photo, cv::COLOR_BGR2RGB);
    const std::string stem = std::string(argv[3]) + "/" + argv[1];
    std::ofstream full(stem + ".full", std::ios::binary);
    const int size[2] = {photo.cols, photo.rows};
    full.write(reinterpret_cast<const char*>(size), sizeof size);
    full.write(reinterpret_cast<const char*>(photo.data), std::streamsize(photo.total() * 3));
    const int longest = std::max(photo.cols, photo.rows);
    cv::Mat square(longest, longest, CV_8UC3, cv::Scalar(0, 0, 0)), input;
    photo.copyTo(square(cv::Rect((longest - photo.cols) / 2, (longest - photo.rows) / 2, photo.cols, photo.rows)));
    cv::resize(square, input, cv::Size(256, 256), 0, 0, cv::INTER_AREA);
    std::ofstream(stem + "_pad.rgb", std::ios::binary).write(reinterpret_cast<const char*>(input.data), 256 * 256 * 3);
    return 0;
}
