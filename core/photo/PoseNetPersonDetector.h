#pragma once
// Person evidence from body keypoints: PoseNet (MobileNetV1, the pinned npm package's
// models/posenet.json + .bin, 385x385 input) through our TF.js importer. NanoDet and CenterNet
// see a person as a whole; PoseNet sees shoulders, elbows, wrists, hips ... one by one, so it
// still finds a person whose body is partly hidden (a chessboard held in front of the torso,
// docs/recognizer-evaluation.md).
//
// The photo is centred in a black square scaled to 385x385, RGB scaled to [-1, 1] (as the
// package's runtime feeds it, but letterboxed: stretched, paintings and a person hidden to the
// ankles score as high as people). Only the 25x25x17 keypoint heatmap is computed (the graph is
// cut at MobilenetV1/heatmap_2/BiasAdd; the offset and displacement outputs are not needed).
// Each of the 17 keypoints' confidence is the sigmoid of its best heatmap cell anywhere in the
// photo; the person score is the k-th most confident keypoint's (k = 5 by default: five body
// parts seen). Several people are not told apart: this says whether a person is there at all.
#include "core/photo/ObjectPool.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/Recognizer.h"
#include "core/photo/TfjsGraph.h"

#include <memory>

namespace pb::photo {

struct PoseNetConfig {
    std::string modelDir;
    int confidentKeypoints = 5;    // the person score is the k-th most confident keypoint's, 1..17
    double reportThreshold = 0.2;  // a weaker person is not reported
};

class PoseNetPersonDetector {
public:
    // nullptr with `error` set when a model file is missing, altered or cannot be imported, or
    // confidentKeypoints is outside 1..17.
    static std::unique_ptr<PoseNetPersonDetector> create(const PoseNetConfig& config, std::string* error);
    ~PoseNetPersonDetector();

    // At most one "person" detection, at or above the report threshold: the person score, and
    // the box around the cells of the k most confident keypoints. Thread-safe.
    std::vector<Detection> detect(const NormalisedPhoto& photo) const;
    // The 17 keypoints' confidences (nose, eyes, ears, shoulders, elbows, wrists, hips, knees,
    // ankles), in the model's order; what detect() scores. Thread-safe.
    std::vector<float> keypointConfidences(const NormalisedPhoto& photo) const;
    // The model files' hashes and every parameter, for a recognizer identity.
    std::string parameterText() const;

private:
    struct LoadedNet;
    struct Heatmap;
    PoseNetPersonDetector(PoseNetConfig config, TfjsGraph graph);
    std::unique_ptr<LoadedNet> loadNet() const;
    Heatmap heatmap(const NormalisedPhoto& photo) const;

    PoseNetConfig config_;
    TfjsGraph graph_;
    mutable ObjectPool<LoadedNet> pool_;
};

} // namespace pb::photo
