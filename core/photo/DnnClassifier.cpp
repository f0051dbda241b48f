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
        classifier->m_pool.borrow();  // a model OpenCV cannot read fails here, not on the first photo
    } catch (const std::exception& e) {
        message = "OpenCV cannot read the model " + config.modelFile + ": " + e.what();
        return nullptr;
    }
    return classifier;
}

DnnClassifier::DnnClassifier(DnnConfig config, std::string framework, std::string model, std::string netConfig,
                             std::vector<std::string> labels, const std::string& labelsText)
    : m_config(std::move(config)), m_decoder(m_config.decodeLimits), m_framework(std::move(framework)),
      m_model(bytesOf(model)), m_netConfig(bytesOf(netConfig)), m_labels(std::move(labels)),
      m_pool([this] { return loadNet(); })
{
    RecognizerIdentity id("dnn-classifier/1");
    id.add("decoder", m_decoder.parameterText());
    id.add("framework", m_framework);
    id.addFileHash("model", model);
    id.addFileHash("config", netConfig);
    id.addFileHash("labels", labelsText);
    id.add("inputWidth", m_config.inputWidth);
    id.add("inputHeight", m_config.inputHeight);
    id.add("inputScale", m_config.inputScale);
    for (size_t c = 0; c < 3; ++c)
        id.add("inputMean" + std::to_string(c), m_config.inputMean[c]);
    id.add("swapRedBlue", m_config.swapRedBlue ? "1" : "0");
    id.add("applySoftmax", m_config.applySoftmax ? "1" : "0");
    id.add("maxDetections", m_config.maxDetections);
    id.add("claimThreshold", m_config.claimThreshold);
    id.add("validatorMargin", m_config.validatorMargin);
    m_identity = id.hexDigest();
}

DnnClassifier::~DnnClassifier() = default;

std::unique_ptr<DnnClassifier::LoadedNet> DnnClassifier::loadNet() const
{
    auto loaded = std::make_unique<LoadedNet>();
    loaded->net = cv::dnn::readNet(m_framework, m_model, m_netConfig);
    if (loaded->net.empty())
        throw std::runtime_error("the net is empty");
    // OpenCV's own CPU implementation: the same code on every node, no GPU or vendor plugins.
    loaded->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    loaded->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    return loaded;
}

std::string DnnClassifier::identity() const { return m_identity; }

std::vector<std::string> DnnClassifier::labels() const { return m_labels; }

std::vector<Detection> DnnClassifier::classify(const NormalisedPhoto& photo) const
{
    const cv::Scalar mean(m_config.inputMean[0], m_config.inputMean[1], m_config.inputMean[2]);
    const cv::Mat blob = cv::dnn::blobFromImage(photo.color, m_config.inputScale,
                                                cv::Size(m_config.inputWidth, m_config.inputHeight), mean,
                                                m_config.swapRedBlue, false);
    cv::Mat output;
    {
        ObjectPool<LoadedNet>::Lease loaded = m_pool.borrow();
        loaded->net.setInput(blob);
        output = loaded->net.forward().clone();
    }
    if (output.total() != m_labels.size() || output.type() != CV_32F)
        throw std::runtime_error("the net gives " + std::to_string(output.total()) + " outputs for " +
                                 std::to_string(m_labels.size()) + " labels");
    std::vector<double> scores(output.ptr<float>(), output.ptr<float>() + output.total());
    if (m_config.applySoftmax) {
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
        detections.push_back({m_labels[i], scores[i], wholeImage});
    std::stable_sort(detections.begin(), detections.end(),
                     [](const Detection& a, const Detection& b) { return a.score > b.score; });
    detections.resize(std::min(detections.size(), size_t(m_config.maxDetections)));
    return detections;
}

RecognizeOutcome DnnClassifier::recognize(const Bytes& photo) const
{
    DecodeResult decoded = m_decoder.decode(photo);
    if (!decoded.ok())
        return {std::nullopt, decoded.error, decoded.message};
    try {
        return {finishRecognition(classify(*decoded.photo), m_config.claimThreshold, m_config.validatorMargin),
                PhotoError::None, {}};
    } catch (const std::exception& e) {
        return {std::nullopt, PhotoError::RecognizerFailed, std::string("the dnn classifier failed: ") + e.what()};
    }
}

} // namespace pb::photo
