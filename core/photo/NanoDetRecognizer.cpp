#include "core/photo/NanoDetRecognizer.h"

#include "core/photo/PinnedModel.h"
#include "core/photo/RecognizerIdentity.h"
#include "core/photo/TfjsDnnNet.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace pb::photo {

namespace {

// Bump whenever the importer or the decoding changes what the recognizer finds.
const char* const kImporterVersion = "tfjs-dnn/1";
const int kStrides[] = {8, 16, 32};
const size_t kSides = 4;

// resources/models/nanodet.sha256, compiled in by core/photo/CMakeLists.txt.
const PinnedModel kModel{"nanodet", "NanoDet", PB_NANODET_JSON_SHA256, PB_NANODET_BIN_SHA256};

struct Candidate {
    size_t label;
    float score;
    cv::Rect2f box;  // model input pixels
};

float overlap(const cv::Rect2f& a, const cv::Rect2f& b)
{
    const float intersection = (a & b).area();
    const float united = a.area() + b.area() - intersection;
    return united > 0 ? intersection / united : 0;
}

// The expected distance over softmax(bins), in bins.
float expectedDistance(const float* bins, size_t count)
{
    const float largest = *std::max_element(bins, bins + count);
    float sum = 0, weighted = 0;
    for (size_t k = 0; k < count; ++k) {
        const float e = std::exp(bins[k] - largest);
        sum += e;
        weighted += e * float(k);
    }
    return weighted / sum;
}

} // namespace

// The copy installed beside the program (<prefix>/bin/../share/photoblocks/models) comes first,
// so a package finds its model wherever it is unpacked; programs in a build tree fall back to
// the directory scripts/fetch-model.sh filled (compiled in as PB_NANODET_MODEL_DIR).
std::string defaultNanoDetModelDir()
{
    std::error_code ec;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path installed = program.parent_path().parent_path() / "share/photoblocks/models";
        if (std::filesystem::exists(installed / (std::string(kModel.name) + ".json"), ec)) return installed.lexically_normal().string();
    }
    return PB_NANODET_MODEL_DIR;
}

const std::vector<std::string>& cocoLabels()
{
    static const std::vector<std::string> labels = {
        "person",        "bicycle",      "car",           "motorcycle",    "airplane",     "bus",
        "train",         "truck",        "boat",          "traffic light", "fire hydrant", "stop sign",
        "parking meter", "bench",        "bird",          "cat",           "dog",          "horse",
        "sheep",         "cow",          "elephant",      "bear",          "zebra",        "giraffe",
        "backpack",      "umbrella",     "handbag",       "tie",           "suitcase",     "frisbee",
        "skis",          "snowboard",    "sports ball",   "kite",          "baseball bat", "baseball glove",
        "skateboard",    "surfboard",    "tennis racket", "bottle",        "wine glass",   "cup",
        "fork",          "knife",        "spoon",         "bowl",          "banana",       "apple",
        "sandwich",      "orange",       "broccoli",      "carrot",        "hot dog",      "pizza",
        "donut",         "cake",         "chair",         "couch",         "potted plant", "bed",
        "dining table",  "toilet",       "tv",            "laptop",        "mouse",        "remote",
        "keyboard",      "cell phone",   "microwave",     "oven",          "toaster",      "sink",
        "refrigerator",  "book",         "clock",         "vase",          "scissors",     "teddy bear",
        "hair drier",    "toothbrush"};
    return labels;
}

struct NanoDetRecognizer::LoadedNet {
    TfjsDnnNet net;
    // Per stride: the index of its class-score output and of its box output.
    std::vector<std::pair<size_t, size_t>> heads;
    size_t bins = 0;
};

std::unique_ptr<NanoDetRecognizer> NanoDetRecognizer::create(const NanoDetConfig& config, std::string* error)
{
    std::string ignored;
    std::string& message = error ? *error : ignored;
    if (config.inputSide <= 0 || config.inputSide % kStrides[2] != 0 || config.maxDetections <= 0 ||
        std::any_of(config.std.begin(), config.std.end(), [](double s) { return s <= 0; })) {
        message = "NanoDet needs an input side divisible by 32, positive standard deviations and detection count";
        return nullptr;
    }
    std::optional<TfjsGraph> graph = loadPinnedModel(config.modelDir, kModel, &message);
    if (!graph) return nullptr;
    std::unique_ptr<NanoDetRecognizer> recognizer(new NanoDetRecognizer(config, std::move(*graph), kModel.jsonSha256, kModel.binSha256));
    if (!buildsAtStartUp(recognizer->pool_, kModel, &message)) return nullptr;
    return recognizer;
}

NanoDetRecognizer::NanoDetRecognizer(NanoDetConfig config, TfjsGraph graph, const std::string& jsonSha256,
                                     const std::string& binSha256)
    : config_(std::move(config)), decoder_(config_.decodeLimits), graph_(std::move(graph)),
      pool_([this] { return loadNet(); })
{
    RecognizerIdentity id("nanodet/1");
    id.add("importer", kImporterVersion);
    id.add("decoder", decoder_.parameterText());
    id.add("nanodet.json.sha256", jsonSha256);
    id.add("nanodet.bin.sha256", binSha256);
    id.add("inputSide", config_.inputSide);
    for (size_t c = 0; c < 3; ++c) {
        id.add("mean" + std::to_string(c), config_.mean[c]);
        id.add("std" + std::to_string(c), config_.std[c]);
    }
    id.add("reportThreshold", config_.reportThreshold);
    id.add("nmsOverlap", config_.nmsOverlap);
    id.add("maxDetections", config_.maxDetections);
    id.add("claimThreshold", config_.claimThreshold);
    id.add("validatorMargin", config_.validatorMargin);
    identity_ = id.hexDigest();
}

NanoDetRecognizer::~NanoDetRecognizer() = default;

std::unique_ptr<NanoDetRecognizer::LoadedNet> NanoDetRecognizer::loadNet() const
{
    TfjsDnnNet net = buildCpuTfjsDnnNet(graph_);
    const std::vector<int> expectedInput = {1, 3, config_.inputSide, config_.inputSide};
    if (net.inputShape != expectedInput) throw std::runtime_error("the model's input is not 1x3x" + std::to_string(config_.inputSide) + " squared");
    auto loaded = std::make_unique<LoadedNet>();
    const size_t labelCount = cocoLabels().size();
    // Outputs by shape: [1, anchors, 80] scores and [1, anchors, 4 * bins] boxes per stride.
    for (int stride : kStrides) {
        const int anchors = (config_.inputSide / stride) * (config_.inputSide / stride);
        std::optional<size_t> scores, boxes;
        for (size_t i = 0; i < net.outputShapes.size(); ++i) {
            const std::vector<int>& shape = net.outputShapes[i];
            if (shape.size() != 3 || shape[0] != 1 || shape[1] != anchors) continue;
            if (size_t(shape[2]) == labelCount)
                scores = i;
            else if (shape[2] % int(kSides) == 0) {
                boxes = i;
                loaded->bins = size_t(shape[2]) / kSides;
            }
        }
        if (!scores || !boxes) throw std::runtime_error("the model has no score and box outputs for stride " + std::to_string(stride));
        loaded->heads.emplace_back(*scores, *boxes);
    }
    loaded->net = std::move(net);
    return loaded;
}

std::string NanoDetRecognizer::identity() const { return identity_; }

std::vector<std::string> NanoDetRecognizer::labels() const { return cocoLabels(); }

std::vector<Detection> NanoDetRecognizer::detect(const NormalisedPhoto& photo) const
{
    // Letterboxed: the whole photo, aspect kept, in the top-left corner of a black square. On the
    // labelled photos this found more of what they show than stretching, and fewer wrong labels.
    const int side = config_.inputSide;
    const double scale = double(side) / std::max(photo.color.cols, photo.color.rows);
    const cv::Size scaled(std::clamp(int(std::lround(photo.color.cols * scale)), 1, side),
                          std::clamp(int(std::lround(photo.color.rows * scale)), 1, side));
    cv::Mat square(side, side, CV_8UC3, cv::Scalar(0, 0, 0)), input;
    cv::resize(photo.color, square(cv::Rect(cv::Point(0, 0), scaled)), scaled, 0, 0, cv::INTER_AREA);
    square.convertTo(input, CV_32FC3);
    input -= cv::Scalar(config_.mean[0], config_.mean[1], config_.mean[2]);
    cv::divide(input, cv::Scalar(config_.std[0], config_.std[1], config_.std[2]), input);
    const cv::Mat blob = cv::dnn::blobFromImage(input);  // HWC -> NCHW, nothing else

    std::vector<cv::Mat> outputs;
    std::vector<std::pair<size_t, size_t>> heads;
    size_t bins = 0;
    {
        ObjectPool<LoadedNet>::Lease loaded = pool_.borrow();
        loaded->net.net.setInput(blob);
        loaded->net.net.forward(outputs, loaded->net.outputLayers);
        heads = loaded->heads;
        bins = loaded->bins;
    }

    const size_t labelCount = cocoLabels().size();
    std::vector<Candidate> candidates;
    for (size_t level = 0; level < heads.size(); ++level) {
        const int stride = kStrides[level];
        const int columns = side / stride;
        const float* scores = outputs[heads[level].first].ptr<float>();
        const float* boxes = outputs[heads[level].second].ptr<float>();
        for (int anchor = 0; anchor < columns * columns; ++anchor) {
            const float* anchorScores = scores + size_t(anchor) * labelCount;
            std::optional<cv::Rect2f> box;  // decoded only for anchors with a score worth reporting
            for (size_t label = 0; label < labelCount; ++label) {
                if (!(anchorScores[label] >= config_.reportThreshold)) continue;
                if (!box) {
                    const float* sides = boxes + size_t(anchor) * kSides * bins;
                    const float cx = (float(anchor % columns) + 0.5f) * float(stride);
                    const float cy = (float(anchor / columns) + 0.5f) * float(stride);
                    const float left = expectedDistance(sides, bins) * float(stride);
                    const float top = expectedDistance(sides + bins, bins) * float(stride);
                    const float right = expectedDistance(sides + 2 * bins, bins) * float(stride);
                    const float bottom = expectedDistance(sides + 3 * bins, bins) * float(stride);
                    box = cv::Rect2f(cv::Point2f(cx - left, cy - top), cv::Point2f(cx + right, cy + bottom));
                }
                candidates.push_back({label, anchorScores[label], *box});
            }
        }
    }
    // Best first; ties by label and position, so the result never depends on output order.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(b.score, a.label, a.box.y, a.box.x) < std::tie(a.score, b.label, b.box.y, b.box.x);
    });
    std::vector<Candidate> kept;
    for (const Candidate& c : candidates) {
        if (int(kept.size()) == config_.maxDetections) break;
        const bool suppressed = std::any_of(kept.begin(), kept.end(), [&](const Candidate& k) {
            return k.label == c.label && overlap(k.box, c.box) > config_.nmsOverlap;
        });
        if (!suppressed) kept.push_back(c);
    }

    const cv::Rect2f photoArea(0, 0, float(scaled.width), float(scaled.height));
    std::vector<Detection> detections;
    for (const Candidate& c : kept) {
        const cv::Rect2f box = c.box & photoArea;
        detections.push_back({cocoLabels()[c.label], double(c.score),
                              {int(std::lround(box.x / scale)), int(std::lround(box.y / scale)),
                               int(std::lround(box.width / scale)), int(std::lround(box.height / scale))}});
    }
    return detections;
}

RecognizeOutcome NanoDetRecognizer::recognize(const Bytes& photo) const
{
    DecodeResult decoded = decoder_.decode(photo);
    if (!decoded.ok()) return {std::nullopt, decoded.error, decoded.message};
    try {
        return {finishRecognition(detect(*decoded.photo), config_.claimThreshold, config_.validatorMargin), PhotoError::None, {}};
    } catch (const std::exception& e) {
        return {std::nullopt, PhotoError::RecognizerFailed, std::string("the NanoDet recognizer failed: ") + e.what()};
    }
}

} // namespace pb::photo
