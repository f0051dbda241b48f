#include "core/photo/BlazeFaceDetector.h"

#include "core/photo/CentredSquareInput.h"
#include "core/photo/PinnedModel.h"
#include "core/photo/TfjsDnnNet.h"

#include <opencv2/dnn.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace pb::photo {

namespace {

const PinnedModel kModel{"blazeface", "BlazeFace", PB_BLAZEFACE_JSON_SHA256, PB_BLAZEFACE_BIN_SHA256};
const int kSide = 256;
// Per head: the logit output, the box output, grid side and anchors per cell.
struct Head {
    const char* scores;
    const char* boxes;
    int grid;
    int anchorsPerCell;
};
const Head kHeads[] = {{"Identity", "Identity_2", 16, 2}, {"Identity_1", "Identity_3", 8, 6}};

float overlap(const cv::Rect2f& a, const cv::Rect2f& b)
{
    const float intersection = (a & b).area();
    const float united = a.area() + b.area() - intersection;
    return united > 0 ? intersection / united : 0;
}

} // namespace

struct BlazeFaceDetector::LoadedNet {
    TfjsDnnNet net;
};

std::unique_ptr<BlazeFaceDetector> BlazeFaceDetector::create(const BlazeFaceConfig& config, std::string* error)
{
    std::optional<TfjsGraph> graph = loadPinnedModel(config.modelDir, kModel, error, {"Identity", "Identity_1", "Identity_2", "Identity_3"});
    if (!graph) return nullptr;
    std::unique_ptr<BlazeFaceDetector> detector(new BlazeFaceDetector(config, std::move(*graph)));
    if (!buildsAtStartUp(detector->pool_, kModel, error)) return nullptr;
    return detector;
}

BlazeFaceDetector::BlazeFaceDetector(BlazeFaceConfig config, TfjsGraph graph)
    : config_(std::move(config)), graph_(std::move(graph)), pool_([this] { return loadNet(); })
{
}

BlazeFaceDetector::~BlazeFaceDetector() = default;

std::unique_ptr<BlazeFaceDetector::LoadedNet> BlazeFaceDetector::loadNet() const
{
    TfjsDnnNet net = buildCpuTfjsDnnNet(graph_);
    if (net.inputShape != std::vector<int>{1, kSide, kSide, 3}) throw std::runtime_error("the BlazeFace model's input is not 1x256x256x3");
    for (size_t k = 0; k < 2; ++k) {
        const int anchors = kHeads[k].grid * kHeads[k].grid * kHeads[k].anchorsPerCell;
        if (net.outputShapes[k] != std::vector<int>{1, anchors, 1} || net.outputShapes[k + 2] != std::vector<int>{1, anchors, 16})
            throw std::runtime_error("the BlazeFace model's outputs are not the 896 anchors' scores and boxes");
    }
    auto loaded = std::make_unique<LoadedNet>();
    loaded->net = std::move(net);
    return loaded;
}

std::string BlazeFaceDetector::parameterText() const
{
    char text[256];
    std::snprintf(text, sizeof text, "blazeface.json=%s blazeface.bin=%s side=%d report=%.17g nms=%.17g max=%d", kModel.jsonSha256,
                  kModel.binSha256, kSide, config_.reportThreshold, config_.nmsOverlap, config_.maxFaces);
    return text;
}

std::vector<Detection> BlazeFaceDetector::detect(const NormalisedPhoto& photo) const
{
    const CentredSquareInput input = centredSquareInput(photo, kSide);

    std::vector<cv::Mat> outputs;
    {
        ObjectPool<LoadedNet>::Lease loaded = pool_.borrow();
        loaded->net.net.setInput(input.blob);
        loaded->net.net.forward(outputs, loaded->net.outputLayers);
    }
    struct Face {
        float score;
        cv::Rect2f box;  // input pixels
    };
    std::vector<Face> faces;
    for (size_t k = 0; k < 2; ++k) {
        const float* logits = outputs[k].ptr<float>();
        const float* boxes = outputs[k + 2].ptr<float>();
        const Head& head = kHeads[k];
        const float stride = float(kSide) / float(head.grid);
        for (int a = 0; a < head.grid * head.grid * head.anchorsPerCell; ++a) {
            const float score = 1 / (1 + std::exp(-logits[a]));
            if (!(score >= config_.reportThreshold)) continue;
            const int cell = a / head.anchorsPerCell;
            const float cx = (float(cell % head.grid) + 0.5f) * stride + boxes[a * 16];
            const float cy = (float(cell / head.grid) + 0.5f) * stride + boxes[a * 16 + 1];
            const float w = boxes[a * 16 + 2], h = boxes[a * 16 + 3];
            faces.push_back({score, cv::Rect2f(cx - w / 2, cy - h / 2, w, h)});
        }
    }
    std::sort(faces.begin(), faces.end(), [](const Face& a, const Face& b) {
        return std::tie(b.score, a.box.y, a.box.x) < std::tie(a.score, b.box.y, b.box.x);
    });
    std::vector<Face> kept;
    for (const Face& f : faces) {
        if (int(kept.size()) == config_.maxFaces) break;
        if (std::none_of(kept.begin(), kept.end(), [&](const Face& k) { return overlap(k.box, f.box) > config_.nmsOverlap; }))
            kept.push_back(f);
    }
    std::vector<Detection> detections;
    for (const Face& f : kept) {
        const cv::Rect2f box = f.box & cv::Rect2f(0, 0, float(kSide), float(kSide));
        detections.push_back({"face", double(f.score),
                              {int(std::lround(box.x * input.scale)) - input.offset.x, int(std::lround(box.y * input.scale)) - input.offset.y,
                               int(std::lround(box.width * input.scale)), int(std::lround(box.height * input.scale))}});
    }
    return detections;
}

} // namespace pb::photo
