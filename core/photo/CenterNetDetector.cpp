#include "core/photo/CenterNetDetector.h"

#include "core/photo/NanoDetRecognizer.h"  // cocoLabels
#include "core/photo/PinnedModel.h"
#include "core/photo/TfjsDnnNet.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pb::photo {

namespace {

const PinnedModel kModel{"centernet", "CenterNet", PB_CENTERNET_JSON_SHA256, PB_CENTERNET_BIN_SHA256};
const int kSide = 512, kStride = 4, kGrid = kSide / kStride;
const char* const kHeatmap = "tower_0/keypoints";  // [1, 128, 128, 80], the first output (sorted by name)
const char* const kSizes = "tower_0/wh";           // [1, 128, 128, 4]: left, top, right, bottom in input pixels

} // namespace

struct CenterNetDetector::LoadedNet {
    TfjsDnnNet net;
};

std::unique_ptr<CenterNetDetector> CenterNetDetector::create(const CenterNetConfig& config, std::string* error)
{
    if (config.maxDetections <= 0) {
        *error = "CenterNet needs a positive detection count";
        return nullptr;
    }
    std::optional<TfjsGraph> graph = loadPinnedModel(config.modelDir, kModel, error, {kHeatmap, kSizes});
    if (!graph) return nullptr;
    std::unique_ptr<CenterNetDetector> detector(new CenterNetDetector(config, std::move(*graph)));
    if (!buildsAtStartUp(detector->pool_, kModel, error)) return nullptr;
    return detector;
}

CenterNetDetector::CenterNetDetector(CenterNetConfig config, TfjsGraph graph)
    : config_(std::move(config)), graph_(std::move(graph)), pool_([this] { return loadNet(); })
{
}

CenterNetDetector::~CenterNetDetector() = default;

std::unique_ptr<CenterNetDetector::LoadedNet> CenterNetDetector::loadNet() const
{
    TfjsDnnNet net = buildCpuTfjsDnnNet(graph_);
    const int labelCount = int(cocoLabels().size());
    if (net.inputShape != std::vector<int>{1, kSide, kSide, 3} ||
        net.outputShapes != std::vector<std::vector<int>>{{1, kGrid, kGrid, labelCount}, {1, kGrid, kGrid, 4}})
        throw std::runtime_error("the CenterNet model does not map 1x512x512x3 to a 128x128 heatmap of 80 labels and sizes");
    auto loaded = std::make_unique<LoadedNet>();
    loaded->net = std::move(net);
    return loaded;
}

std::string CenterNetDetector::parameterText() const
{
    char text[256];
    std::snprintf(text, sizeof text, "centernet.json=%s centernet.bin=%s side=%d letterboxed RGB 0-255 report=%.17g max=%d",
                  kModel.jsonSha256, kModel.binSha256, kSide, config_.reportThreshold, config_.maxDetections);
    return text;
}

std::vector<Detection> CenterNetDetector::detect(const NormalisedPhoto& photo) const
{
    const double scale = double(kSide) / std::max(photo.color.cols, photo.color.rows);
    const cv::Size scaled(std::clamp(int(std::lround(photo.color.cols * scale)), 1, kSide),
                          std::clamp(int(std::lround(photo.color.rows * scale)), 1, kSide));
    cv::Mat square(kSide, kSide, CV_8UC3, cv::Scalar(0, 0, 0)), rgb, input;
    cv::resize(photo.color, square(cv::Rect(cv::Point(0, 0), scaled)), scaled, 0, 0, cv::INTER_AREA);
    cv::cvtColor(square, rgb, cv::COLOR_BGR2RGB);
    rgb.convertTo(input, CV_32FC3);
    const int shape[] = {1, kSide, kSide, 3};
    const cv::Mat blob(4, shape, CV_32F, input.ptr<float>());  // NHWC, as the graph's input
    std::vector<cv::Mat> outputs;
    {
        ObjectPool<LoadedNet>::Lease loaded = pool_.borrow();
        loaded->net.net.setInput(blob);
        loaded->net.net.forward(outputs, loaded->net.outputLayers);
    }
    const size_t labelCount = cocoLabels().size();
    const float* heat = outputs[0].ptr<float>();
    const float* sizes = outputs[1].ptr<float>();
    const auto at = [&](int y, int x, size_t label) { return heat[(size_t(y) * kGrid + size_t(x)) * labelCount + label]; };
    std::vector<Detection> detections;
    for (int y = 0; y < kGrid; ++y)
        for (int x = 0; x < kGrid; ++x)
            for (size_t label = 0; label < labelCount; ++label) {
                const float score = at(y, x, label);
                if (!(score >= config_.reportThreshold)) continue;
                bool peak = true;
                for (int dy = -1; dy <= 1 && peak; ++dy)
                    for (int dx = -1; dx <= 1 && peak; ++dx) {
                        const int ny = y + dy, nx = x + dx;
                        if (ny >= 0 && nx >= 0 && ny < kGrid && nx < kGrid && at(ny, nx, label) > score) peak = false;
                    }
                if (!peak) continue;
                const float* d = sizes + (size_t(y) * kGrid + size_t(x)) * 4;
                const double left = std::clamp(x * kStride - double(d[0]), 0.0, double(scaled.width));
                const double top = std::clamp(y * kStride - double(d[1]), 0.0, double(scaled.height));
                const double right = std::clamp(x * kStride + double(d[2]), left, double(scaled.width));
                const double bottom = std::clamp(y * kStride + double(d[3]), top, double(scaled.height));
                detections.push_back({cocoLabels()[label], double(score),
                                      {int(std::lround(left / scale)), int(std::lround(top / scale)),
                                       int(std::lround((right - left) / scale)), int(std::lround((bottom - top) / scale))}});
            }
    // Best first (finishRecognition's order, so ties never depend on anything but the values).
    std::vector<Detection> sorted = finishRecognition(std::move(detections), 1, 0).detections;
    if (int(sorted.size()) > config_.maxDetections) sorted.resize(size_t(config_.maxDetections));
    return sorted;
}

} // namespace pb::photo
