#pragma once
// An optional recognizer backend: any image classifier cv::dnn can read (Darknet, ONNX,
// TensorFlow, Caffe, Torch), with its labels from a text file (one per line, in output order).
// It classifies the whole normalised colour image; every label gets a score and the whole image
// as its box. The model, config and label files are read once and hashed into identity(), and
// the nets are built from those bytes, so a file replaced on disk cannot change answers.
#include "core/photo/ObjectPool.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/Recognizer.h"

#include <array>
#include <memory>


namespace pb::photo {

struct DnnConfig {
    std::string modelFile;   // .weights (Darknet), .onnx, .pb (TensorFlow), .caffemodel, .t7/.net (Torch)
    std::string configFile;  // .cfg, .prototxt, .pbtxt when the framework needs one
    std::string labelsFile;  // one label per line, in the order of the net's outputs
    int inputWidth = 224;
    int inputHeight = 224;
    double inputScale = 1.0 / 255;
    std::array<double, 3> inputMean = {0, 0, 0};  // subtracted before scaling, in the net's channel order
    bool swapRedBlue = true;     // nets trained on RGB; the decoder yields BGR
    bool applySoftmax = false;   // for nets that output logits instead of probabilities
    int maxDetections = 5;       // best labels reported
    DecodeLimits decodeLimits;
    double claimThreshold = 0.5;
    double validatorMargin = 0.05;
};

class DnnClassifier final : public Recognizer {
public:
    // nullptr with `error` set when a file is missing, the labels are unusable or OpenCV cannot
    // read the model.
    static std::unique_ptr<DnnClassifier> create(const DnnConfig& config, std::string* error);
    ~DnnClassifier() override;

    std::string identity() const override;
    std::vector<std::string> labels() const override;
    RecognizeOutcome recognize(const Bytes& photo) const override;

private:
    struct LoadedNet;

    DnnClassifier(DnnConfig config, std::string framework, std::string model, std::string netConfig,
                  std::vector<std::string> labels, const std::string& labelsText);
    std::unique_ptr<LoadedNet> loadNet() const;
    std::vector<Detection> classify(const NormalisedPhoto& photo) const;

    DnnConfig config_;
    PhotoDecoder decoder_;
    std::string framework_;
    std::vector<unsigned char> model_;
    std::vector<unsigned char> netConfig_;
    std::vector<std::string> labels_;
    std::string identity_;
    mutable ObjectPool<LoadedNet> pool_;
};

} // namespace pb::photo
