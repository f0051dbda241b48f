#include "core/photo/PoseNetPersonDetector.h"

#include "core/photo/CentredSquareInput.h"
#include "core/photo/PinnedModel.h"
#include "core/photo/TfjsDnnNet.h"

#include <opencv2/dnn.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace pb::photo {

namespace {

const PinnedModel kModel{"posenet", "PoseNet", PB_POSENET_JSON_SHA256, PB_POSENET_BIN_SHA256};
const char* const kHeatmapOutput = "MobilenetV1/heatmap_2/BiasAdd";
const int kSide = 385;
const int kStride = 16;
const int kGrid = (kSide - 1) / kStride + 1;  // 25
const int kKeypoints = 17;

} // namespace

struct PoseNetPersonDetector::LoadedNet {
    TfjsDnnNet net;
};

// Per keypoint its best cell's confidence and position (grid cells), and where the photo sits
// in the square the net saw.
struct PoseNetPersonDetector::Heatmap {
    std::vector<float> confidence;
    std::vector<cv::Point> cell;
    cv::Point offset;  // the photo's top-left corner in the square, normalised-photo pixels
    double scale = 1;  // normalised-photo pixels per input pixel
};

std::unique_ptr<PoseNetPersonDetector> PoseNetPersonDetector::create(const PoseNetConfig& config, std::string* error)
{
    if (config.confidentKeypoints < 1 || config.confidentKeypoints > kKeypoints) {
        if (error) *error = "PoseNet's person score needs between 1 and 17 confident keypoints";
        return nullptr;
    }
    std::optional<TfjsGraph> graph = loadPinnedModel(config.modelDir, kModel, error, {kHeatmapOutput});
    if (!graph) return nullptr;
    std::unique_ptr<PoseNetPersonDetector> detector(new PoseNetPersonDetector(config, std::move(*graph)));
    std::string ignored;
    if (!buildsAtStartUp(detector->pool_, kModel, error ? error : &ignored)) return nullptr;
    return detector;
}

PoseNetPersonDetector::PoseNetPersonDetector(PoseNetConfig config, TfjsGraph graph)
    : config_(std::move(config)), graph_(std::move(graph)), pool_([this] { return loadNet(); })
{
}

PoseNetPersonDetector::~PoseNetPersonDetector() = default;

std::unique_ptr<PoseNetPersonDetector::LoadedNet> PoseNetPersonDetector::loadNet() const
{
    TfjsDnnNet net = buildCpuTfjsDnnNet(graph_);
    if (net.inputShape != std::vector<int>{1, kSide, kSide, 3}) throw std::runtime_error("the PoseNet model's input is not 1x385x385x3");
    if (net.outputShapes.size() != 1 || net.outputShapes[0] != std::vector<int>{1, kGrid, kGrid, kKeypoints})
        throw std::runtime_error("the PoseNet model's heatmap is not 25x25 cells of 17 keypoints");
    auto loaded = std::make_unique<LoadedNet>();
    loaded->net = std::move(net);
    return loaded;
}

std::string PoseNetPersonDetector::parameterText() const
{
    char text[320];
    std::snprintf(text, sizeof text,
                  "posenet.json=%s posenet.bin=%s side=%d letterboxed centred RGB [-1,1] heatmap=%s "
                  "person=%d-th keypoint report=%.17g",
                  kModel.jsonSha256, kModel.binSha256, kSide, kHeatmapOutput, config_.confidentKeypoints, config_.reportThreshold);
    return text;
}

PoseNetPersonDetector::Heatmap PoseNetPersonDetector::heatmap(const NormalisedPhoto& photo) const
{
    const CentredSquareInput input = centredSquareInput(photo, kSide);
    Heatmap result;
    result.offset = input.offset;
    result.scale = input.scale;

    std::vector<cv::Mat> outputs;
    {
        ObjectPool<LoadedNet>::Lease loaded = pool_.borrow();
        loaded->net.net.setInput(input.blob);
        loaded->net.net.forward(outputs, loaded->net.outputLayers);
    }
    const float* logits = outputs[0].ptr<float>();  // [1, 25, 25, 17], logits
    std::vector<float> best(kKeypoints, -INFINITY);
    result.cell.assign(kKeypoints, cv::Point(0, 0));
    for (int y = 0; y < kGrid; ++y)
        for (int x = 0; x < kGrid; ++x)
            for (int k = 0; k < kKeypoints; ++k) {
                const float logit = logits[(y * kGrid + x) * kKeypoints + k];
                if (logit > best[size_t(k)]) {  // the first cell wins a tie: row by row, as stored
                    best[size_t(k)] = logit;
                    result.cell[size_t(k)] = cv::Point(x, y);
                }
            }
    for (float logit : best) result.confidence.push_back(1 / (1 + std::exp(-logit)));
    return result;
}

std::vector<float> PoseNetPersonDetector::keypointConfidences(const NormalisedPhoto& photo) const { return heatmap(photo).confidence; }

std::vector<Detection> PoseNetPersonDetector::detect(const NormalisedPhoto& photo) const
{
    const Heatmap map = heatmap(photo);
    std::vector<int> order(kKeypoints);
    std::iota(order.begin(), order.end(), 0);
    // Most confident first; ties by keypoint index, so the order depends on nothing but the values.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return map.confidence[size_t(a)] > map.confidence[size_t(b)]; });
    const size_t k = size_t(config_.confidentKeypoints);
    const double score = map.confidence[size_t(order[k - 1])];
    if (!(score >= config_.reportThreshold)) return {};
    // The box around the k keypoints' cells (a cell covers kStride input pixels around its centre).
    int left = kGrid, top = kGrid, right = 0, bottom = 0;
    for (size_t i = 0; i < k; ++i) {
        const cv::Point c = map.cell[size_t(order[i])];
        left = std::min(left, c.x), top = std::min(top, c.y), right = std::max(right, c.x), bottom = std::max(bottom, c.y);
    }
    const auto toPhoto = [&](int cell, int offset, int extent) {
        const double input = std::clamp(cell * kStride - kStride / 2.0, 0.0, double(kSide));
        return std::clamp(int(std::lround(input * map.scale)) - offset, 0, extent);
    };
    const int x0 = toPhoto(left, map.offset.x, photo.color.cols), y0 = toPhoto(top, map.offset.y, photo.color.rows);
    const int x1 = toPhoto(right + 1, map.offset.x, photo.color.cols), y1 = toPhoto(bottom + 1, map.offset.y, photo.color.rows);
    return {{"person", score, {x0, y0, x1 - x0, y1 - y0}}};
}

} // namespace pb::photo
