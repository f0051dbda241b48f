#pragma once
// Objects of the 80 COCO labels in a normalised photo, found by CenterNet (MobileNetV3, 512x512
// input; the pinned npm package's models/centernet.json + .bin) through our TF.js importer.
//
// The photo is letterboxed into 512x512 (aspect kept, black border right or below, as NanoDet
// sees it), RGB with pixel values as they are (0-255), as the package's own runtime feeds it.
// The 128x128x80 heatmap (sigmoid) peaks where an object's centre is: every local maximum (3x3,
// the max pooling CenterNet decodes with) of a label's channel is a detection with that score,
// its box from the 4 distances at that cell. The model's own box decoding (TopKV2 ...) is left
// out of the graph; the decoding here is the same.
#include "core/photo/ObjectPool.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/Recognizer.h"
#include "core/photo/TfjsGraph.h"

#include <memory>

namespace pb::photo {

struct CenterNetConfig {
    std::string modelDir;
    double reportThreshold = 0.2;  // weaker peaks are not reported
    int maxDetections = 20;
};

class CenterNetDetector {
public:
    // nullptr with `error` set when a model file is missing, altered or cannot be imported.
    static std::unique_ptr<CenterNetDetector> create(const CenterNetConfig& config, std::string* error);
    ~CenterNetDetector();

    // Detections at or above the report threshold, best first, at most maxDetections. Thread-safe.
    std::vector<Detection> detect(const NormalisedPhoto& photo) const;
    // The model files' hashes and every parameter, for a recognizer identity.
    std::string parameterText() const;

private:
    struct LoadedNet;
    CenterNetDetector(CenterNetConfig config, TfjsGraph graph);
    std::unique_ptr<LoadedNet> loadNet() const;

    CenterNetConfig config_;
    TfjsGraph graph_;
    mutable ObjectPool<LoadedNet> pool_;
};

} // namespace pb::photo
