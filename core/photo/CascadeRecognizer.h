#pragma once
// The cascade recognizer: OpenCV's pretrained Haar cascades from Debian's opencv-data.
//
// Label set: "face" only. A face is a frontalface_alt detection that frontalface_default and
// frontalface_alt2 also find (boxes overlapping by IoU >= matchOverlap), each with at least
// minNeighboursEach grouped hits. Its score is n / (n + halfScoreNeighbours), n being the three
// cascades' grouped hits summed. Cat face, eye, smile, full/upper body and licence-plate
// cascades were measured on the Debian test photos and dropped: each fires on non-matching
// photos at least as strongly as on matching ones (see docs/photo-mining.md, bench_recognizer).
#include "core/photo/ObjectPool.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/Recognizer.h"

#include <memory>

namespace pb::photo {

struct FaceCascadeParameters {
    double scaleFactor = 1.1;
    int minSize = 24;                  // smallest face side, working-image pixels
    int minNeighboursEach = 3;         // grouped hits each of the three cascades must give
    double matchOverlap = 0.4;         // IoU at which two cascades' boxes are the same face
    double halfScoreNeighbours = 30;   // summed grouped hits that give score 0.5
};

struct CascadeConfig {
    std::string cascadeDir = "/usr/share/opencv4/haarcascades";
    DecodeLimits decodeLimits;
    bool equalizeHistogram = true;  // evens out exposure before the cascades run
    FaceCascadeParameters face;
    double claimThreshold = 0.5;
    double validatorMargin = 0.05;
};

class CascadeRecognizer final : public Recognizer {
public:
    // nullptr with `error` set when a cascade file is missing or unreadable.
    static std::unique_ptr<CascadeRecognizer> create(const CascadeConfig& config, std::string* error);
    ~CascadeRecognizer() override;

    std::string identity() const override;
    std::vector<std::string> labels() const override;
    RecognizeOutcome recognize(const Bytes& photo) const override;

    // Face candidates in a normalised photo (the part of recognize() after decoding).
    std::vector<Detection> detectFaces(const NormalisedPhoto& photo) const;

private:
    struct CascadeFile {
        std::string name;
        std::string xml;
        std::string sha256Hex;
    };
    struct FaceCascades;

    CascadeRecognizer(CascadeConfig config, std::vector<CascadeFile> files);
    std::unique_ptr<FaceCascades> loadCascades() const;

    CascadeConfig config_;
    PhotoDecoder decoder_;
    std::vector<CascadeFile> files_;  // frontalface_alt, frontalface_default, frontalface_alt2
    std::string identity_;
    mutable ObjectPool<FaceCascades> pool_;
};

} // namespace pb::photo
