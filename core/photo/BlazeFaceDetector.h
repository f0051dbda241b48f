#pragma once
// Faces in a normalised photo, found by BlazeFace (the "back camera" model of the pinned npm
// package, models/blazeface.json + .bin, 256x256 input) through our TF.js importer. The photo is
// centred in a black square scaled to 256x256, RGB scaled to [-1, 1] (as the package's runtime
// feeds it); each of the 896 anchors (16x16 x 2 at stride 16,
// 8x8 x 6 at stride 32) gives a logit (its sigmoid is the face score) and a box relative to the
// anchor's centre in input pixels. Overlapping faces are suppressed.
#include "core/photo/ObjectPool.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/Recognizer.h"
#include "core/photo/TfjsGraph.h"

#include <memory>

namespace pb::photo {

struct BlazeFaceConfig {
    std::string modelDir;
    double reportThreshold = 0.3;  // weaker faces are not reported
    double nmsOverlap = 0.3;
    int maxFaces = 10;
};

class BlazeFaceDetector {
public:
    // nullptr with `error` set when a model file is missing, altered or cannot be imported.
    static std::unique_ptr<BlazeFaceDetector> create(const BlazeFaceConfig& config, std::string* error);
    ~BlazeFaceDetector();

    // "face" detections, best first, at or above the report threshold. Thread-safe.
    std::vector<Detection> detect(const NormalisedPhoto& photo) const;
    // The model files' hashes and every parameter, for the recognizer identity.
    std::string parameterText() const;

private:
    struct LoadedNet;
    BlazeFaceDetector(BlazeFaceConfig config, TfjsGraph graph);
    std::unique_ptr<LoadedNet> loadNet() const;

    BlazeFaceConfig config_;
    TfjsGraph graph_;
    mutable ObjectPool<LoadedNet> pool_;
};

} // namespace pb::photo
