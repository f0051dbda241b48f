#pragma once
// The recognizer interface consensus builds on: what a photo shows, which labels a miner may
// claim, and whether a claimed label is confirmed. Implementations are deterministic for the
// same bytes and pin everything that could change an answer in identity().
#include "core/photo/PhotoError.h"
#include "core/util/Bytes.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pb::photo {

struct Box { int x = 0, y = 0, width = 0, height = 0; };  // pixels of the normalised working image

struct Detection {
    std::string label;
    double score = 0;  // 0..1, comparable with the claim threshold
    Box box;
};

struct Recognition {
    std::vector<Detection> detections;   // everything seen, with scores (best first)
    std::vector<std::string> claimable;  // labels a miner may claim (score >= claim threshold), sorted
    double claimThreshold = 0.5;
    double validatorMargin = 0.05;

    // A miner needs a detection at the claim threshold; a validator accepts one down to
    // threshold - margin, so tiny floating-point differences between CPUs cannot split the chain.
    bool confirms(std::string_view label, bool asValidator) const;
    double bestScore(std::string_view label) const;  // 0 when the label was not seen
};

struct RecognizeOutcome {
    std::optional<Recognition> recognition;
    PhotoError error = PhotoError::None;
    std::string message;
    bool ok() const { return recognition.has_value(); }
};

class Recognizer {
public:
    virtual ~Recognizer() = default;
    virtual std::string identity() const = 0;             // hex SHA-256 over model files' hashes, all parameters, OpenCV version
    virtual std::vector<std::string> labels() const = 0;  // every label it can ever confirm
    virtual RecognizeOutcome recognize(const Bytes& photo) const = 0;  // thread-safe (call from several threads)
};

// "face 0.68, face 0.41" (the best five), or "nothing it knows": what was seen, for messages.
std::string describeDetections(const Recognition& recognition);

// Sorts detections best first (ties by position, so the order never depends on thread timing)
// and fills `claimable`; shared by every implementation.
Recognition finishRecognition(std::vector<Detection> detections, double claimThreshold, double validatorMargin);

} // namespace pb::photo
