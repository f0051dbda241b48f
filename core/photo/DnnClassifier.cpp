#include "core/photo/DnnClassifier.h"

#include "core/photo/RecognizerIdentity.h"

#include <opencv2/dnn.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace pb::photo {

namespace {

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// cv::dnn's framework name for a model file, or empty when the extension is unknown.
std::string frameworkOf(const std::string& modelFile)
{
    const std::pair<const char*, const char*> extensions[] = {
        {".weights", "darknet"}, {".onnx", "onnx"}, {".pb", "tensorflow"}, {".caffemodel", "caffe"}, {".t7", "torch"}, {".net", "torch"}};
    for (const auto& [extension, framework] : extensions)
        if (endsWith(modelFile, extension))
            return framework;
    return {};
}

// One label per line; blank lines only at the end; no duplicates.
std::optional<std::vector<std::string>> parseLabels(const std::string& text, std::string* error)
{
    std::vector<std::string> labels;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        labels.push_back(line);
    }
    while (!labels.empty() && labels.back().empty())
        labels.pop_back();
    const std::set<std::string> unique(labels.begin(), labels.end());
    if (labels.empty() || unique.count("") || unique.size() != labels.size()) {
        *error = "the label file must hold one distinct, non-empty label per line";
        return std::nullopt;
    }
    return labels;
}

std::vector<unsigned char> bytesOf(const std::string& text) { return {text.begin(), text.end()}; }

} // namespace

struct DnnClassifier::LoadedNet {
    cv::dnn::Net net;
};

std::unique_ptr<DnnClassifier> DnnClassifier::create(const DnnConfig& config, std::string* error)
{
    std::string ignored;
    std::string& message = error ? *error : ignored;
    const std::string framework = frameworkOf(config.modelFile);
    if (framework.empty()) {
        message = "model file " + config.modelFile + " has no extension cv::dnn knows (.weights, .onnx, .pb, .caffemodel, .t7)";
        return nullptr;
    }
    std::optional<std::string> model = readWholeFile(config.modelFile);
    std::optional<std::string> netConfig = config.configFile.empty() ? std::string() : readWholeFile(config.configFile);
    std::optional<std::string> labelsText = readWholeFile(config.labelsFile);
    for (const auto& [contents, path] : {std::pair{&model, config.modelFile}, {&netConfig, config.configFile},
                                         {&labelsText, config.labelsFile}}) {
        if (!*contents) {
            message = "cannot read " + path;
            return nullptr;
        }
    }
    std::optional<std::vector<std::string>> labels = parseLabels(*labelsText, &message);
    if (!labels) {
        message = config.labelsFile + ": " + message;
        return nullptr;
    }
    if (config.inputWidth <= 0 || config.inputHeight <= 0 || config.maxDetections <= 0) {
        message = "the classifier's input size and detection count must be positive";
        return nullptr;
    }
    std::unique_ptr<DnnClassifier> classifier(
        new DnnClassifier(config, framework, std::move(*model), std::move(*netConfig), std::move(*labels), *labelsText));
    try {
        classifier->pool_.borrow();  // a model OpenCV cannot read fails here, not on the first photo
    } catch (const std::exception& e) {
        message = "OpenCV cannot read the model " + config.modelFile + ": " + e.what();
        return nullptr;
    }
    return classifier;
}

DnnClassifier::DnnClassifier(DnnConfig config, std::string framework, std::string model, std::string netConfig,
                             std::vector<std::string> labels, const std::string& labelsText)
    : config_(std::move(config)), decoder_(config_.decodeLimits), framework_(std::move(framework)),
      model_(bytesOf(model)), netConfig_(bytesOf(netConfig)), labels_(std::move(labels)),
      pool_([this] { return loadNet(); })
{
    RecognizerIdentity id("dnn-classifier/1");
    id.add("decoder", decoder_.parameterText());
    id.add("framework", framework_);
    id.addFileHash("model", model);
    id.addFileHash("config", netConfig);
    id.addFileHash("labels", labelsText);
    id.add("inputWidth", config_.inputWidth);
    id.add("inputHeight", config_.inputHeight);
    id.add("inputScale", config_.inputScale);
    for (size_t c = 0; c < 3; ++c)
        id.add("inputMean" + std::to_string(c), config_.inputMean[c]);
    id.add("swapRedBlue", config_.swapRedBlue ? "1" : "0");
    id.add("applySoftmax", config_.applySoftmax ? "1" : "0");
    id.add("maxDetections", config_.maxDetections);
    id.add("claimThreshold", config_.claimThreshold);
    id.add("validatorMargin", config_.validatorMargin);
    identity_ = id.hexDigest();
}

DnnClassifier::~DnnClassifier() = default;

std::unique_ptr<DnnClassifier::LoadedNet> DnnClassifier::loadNet() const
{
    auto loaded = std::make_unique<LoadedNet>();
    loaded->net = cv::dnn::readNet(framework_, model_, netConfig_);
    if (loaded->net.empty())
        throw std::runtime_error("the net is empty");
    // OpenCV's own CPU implementation: the same code on every node, no GPU or vendor plugins.
    loaded->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    loaded->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    return loaded;
}

std::string DnnClassifier::identity() const { return identity_; }

std::vector<std::string> DnnClassifier::labels() const { return labels_; }

std::vector<Detection> DnnClassifier::classify(const NormalisedPhoto& photo) const
{
    const cv::Scalar mean(config_.inputMean[0], config_.inputMean[1], config_.inputMean[2]);
    const cv::Mat blob = cv::dnn::blobFromImage(photo.color, config_.inputScale,
                                                cv::Size(config_.inputWidth, config_.inputHeight), mean,
                                                config_.swapRedBlue, false);
    cv::Mat output;
    {
        ObjectPool<LoadedNet>::Lease loaded = pool_.borrow();
        loaded->net.setInput(blob);
        output = loaded->net.forward().clone();
    }
    if (output.total() != labels_.size() || output.type() != CV_32F)
        throw std::runtime_error("the net gives " + std::to_string(output.total()) + " outputs for " +
                                 std::to_string(labels_.size()) + " labels");
    std::vector<double> scores(output.ptr<float>(), output.ptr<float>() + output.total());
    if (config_.applySoftmax) {
        const double largest = *std::max_element(scores.begin(), scores.end());
        double sum = 0;
        for (double& s : scores)
            sum += (s = std::exp(s - largest));
        for (double& s : scores)
            s /= sum;
    }
    std::vector<Detection> detections;
    const Box wholeImage{0, 0, photo.color.cols, photo.color.rows};
    for (size_t i = 0; i < scores.size(); ++i)
        detections.push_back({labels_[i], scores[i], wholeImage});
    std::stable_sort(detections.begin(), detections.end(),
                     [](const Detection& a, const Detection& b) { return a.score > b.score; });
    detections.resize(std::min(detections.size(), size_t(config_.maxDetections)));
    return detections;
}

RecognizeOutcome DnnClassifier::recognize(const Bytes& photo) const
{
    DecodeResult decoded = decoder_.decode(photo);
    if (!decoded.ok())
        return {std::nullopt, decoded.error, decoded.message};
    try {
        return {finishRecognition(classify(*decoded.photo), config_.claimThreshold, config_.validatorMargin),
                PhotoError::None, {}};
    } catch (const std::exception& e) {
        return {std::nullopt, PhotoError::RecognizerFailed, std::string("the dnn classifier failed: ") + e.what()};
    }
}

} // namespace pb::photo
