#pragma once
// The fused recognizer: two object detectors agreeing on the 80 COCO labels, and BlazeFace for
// `face`, all from the pinned npm package through our TF.js importer; version 2 adds PoseNet's
// body keypoints as evidence of a person.
//
// Each COCO label's score is the mean of NanoDet's and CenterNet's best score for it (0 from a
// model that did not report it: NanoDet reports from 0.3, CenterNet from 0.2), so a label is
// claimable only when the two models together are confident; on the evaluation set this claims
// more right labels without a wrong one than either model alone (docs/recognizer-evaluation.md).
// The box is the more confident model's. A BlazeFace face score is put on the same claim scale
// (scoreOnClaimScale), so one claim threshold decides every label, and a face scores at most
// the photo's fused `person` score: a face needs a person too (BlazeFace alone scores a cat and
// a chessboard as high as real faces). Version 2 (new custom networks) also scores `person` by
// PoseNet's fifth most confident body keypoint, put on the claim scale the same way, and takes
// the higher of that and the two detectors' mean: PoseNet finds people the detectors miss when
// most of the body is hidden. The face stays bounded by the detectors' person score (BlazeFace
// scores a sideways face 0.89 where PoseNet sees the man). The identity pins every model's hash
// and parameters, the thresholds and this fusion rule; version 1 (custom networks created
// before version 2, identity d3c6d632...) keeps its identity byte for byte.
#include "core/photo/BlazeFaceDetector.h"
#include "core/photo/CenterNetDetector.h"
#include "core/photo/NanoDetRecognizer.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/PoseNetPersonDetector.h"
#include "core/photo/Recognizer.h"

#include <memory>
#include <optional>

namespace pb::photo {

struct FusedConfig {
    std::string modelDir = defaultNanoDetModelDir();  // where fetch-model.sh installs every model
    DecodeLimits decodeLimits;
    // Chosen on the evaluation set: the highest fused score of a label a photo does not show is
    // 0.519, so a validator's lowest accepted score (threshold - margin) stays above it.
    double claimThreshold = 0.54;
    double validatorMargin = 0.02;
    // BlazeFace's own score that maps onto claimThreshold: the highest where the set shows a
    // person but no frontal face is 0.761 (the cameraman), which maps to 0.514, under what a
    // validator accepts (claimThreshold - validatorMargin).
    double faceClaimThreshold = 0.80;
    // Version 2 only: PoseNet's score (its 5th most confident keypoint) that maps onto
    // claimThreshold; unset, the recognizer is version 1 and PoseNet is not loaded. On the
    // evaluation set every photo without a person scores 0.275 or less (0.371 on the claim
    // scale, under what a validator accepts) and the lowest person it wins scores 0.460.
    std::optional<double> poseClaimThreshold;
};

// Version 2 of the fused recognizer, the default of new custom networks: FusedConfig{} (version
// 1) with PoseNet's person evidence.
FusedConfig fusedConfigVersion2();

// A model's own score s on the claim scale: piecewise linear through (0, 0), (modelClaim, claim)
// and (1, 1), so the label is claimable exactly when the model scores it modelClaim or more.
double scoreOnClaimScale(double s, double modelClaim, double claim);

class FusedRecognizer final : public Recognizer {
public:
    // nullptr with `error` set when a model file is missing, altered or cannot be imported, or a
    // threshold is outside (0, 1).
    static std::unique_ptr<FusedRecognizer> create(const FusedConfig& config, std::string* error);
    ~FusedRecognizer() override;

    std::string identity() const override;
    std::vector<std::string> labels() const override;  // the 80 COCO labels, then "face"
    int version() const { return poses_ ? 2 : 1; }
    RecognizeOutcome recognize(const Bytes& photo) const override;

private:
    FusedRecognizer(FusedConfig config, std::unique_ptr<NanoDetRecognizer> nanodet, std::unique_ptr<CenterNetDetector> centernet,
                    std::unique_ptr<BlazeFaceDetector> faces, std::unique_ptr<PoseNetPersonDetector> poses);

    FusedConfig config_;
    PhotoDecoder decoder_;
    std::unique_ptr<NanoDetRecognizer> nanodet_;
    std::unique_ptr<CenterNetDetector> centernet_;
    std::unique_ptr<BlazeFaceDetector> faces_;
    std::unique_ptr<PoseNetPersonDetector> poses_;  // version 2 only
    std::string identity_;
};

} // namespace pb::photo
