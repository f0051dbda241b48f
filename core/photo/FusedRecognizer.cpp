#include "core/photo/FusedRecognizer.h"

#include "core/photo/RecognizerIdentity.h"

#include <algorithm>
#include <map>
#include <optional>

namespace pb::photo {

namespace {

// Bump whenever the importer or the decoding changes what the recognizer finds.
const char* const kImporterVersion = "tfjs-dnn/2";

// Each label's best detection.
std::map<std::string, Detection> bestPerLabel(const std::vector<Detection>& detections)
{
    std::map<std::string, Detection> best;
    for (const Detection& d : detections) {
        auto [it, inserted] = best.emplace(d.label, d);
        if (!inserted && d.score > it->second.score) it->second = d;
    }
    return best;
}

} // namespace

double scoreOnClaimScale(double s, double modelClaim, double claim)
{
    if (s < modelClaim) return s * claim / modelClaim;
    return claim + (s - modelClaim) * (1 - claim) / (1 - modelClaim);
}

FusedConfig fusedConfigVersion2()
{
    FusedConfig config;
    config.poseClaimThreshold = 0.40;
    return config;
}

std::unique_ptr<FusedRecognizer> FusedRecognizer::create(const FusedConfig& config, std::string* error)
{
    std::string ignored;
    std::string& message = error ? *error : ignored;
    const auto inside = [](double t) { return t > 0 && t < 1; };
    if (!inside(config.claimThreshold) || !inside(config.faceClaimThreshold) || !(config.validatorMargin >= 0) ||
        (config.poseClaimThreshold && !inside(*config.poseClaimThreshold))) {
        message = "the fused recognizer needs claim thresholds between 0 and 1 and a non-negative margin";
        return nullptr;
    }
    NanoDetConfig nanodetConfig;
    nanodetConfig.modelDir = config.modelDir;
    nanodetConfig.decodeLimits = config.decodeLimits;
    std::unique_ptr<NanoDetRecognizer> nanodet = NanoDetRecognizer::create(nanodetConfig, &message);
    if (!nanodet) return nullptr;
    std::unique_ptr<CenterNetDetector> centernet = CenterNetDetector::create({config.modelDir}, &message);
    if (!centernet) return nullptr;
    std::unique_ptr<BlazeFaceDetector> faces = BlazeFaceDetector::create({config.modelDir}, &message);
    if (!faces) return nullptr;
    std::unique_ptr<PoseNetPersonDetector> poses;
    if (config.poseClaimThreshold) {
        poses = PoseNetPersonDetector::create({config.modelDir}, &message);
        if (!poses) return nullptr;
    }
    return std::unique_ptr<FusedRecognizer>(
        new FusedRecognizer(config, std::move(nanodet), std::move(centernet), std::move(faces), std::move(poses)));
}

FusedRecognizer::FusedRecognizer(FusedConfig config, std::unique_ptr<NanoDetRecognizer> nanodet,
                                 std::unique_ptr<CenterNetDetector> centernet, std::unique_ptr<BlazeFaceDetector> faces,
                                 std::unique_ptr<PoseNetPersonDetector> poses)
    : config_(std::move(config)), decoder_(config_.decodeLimits), nanodet_(std::move(nanodet)), centernet_(std::move(centernet)),
      faces_(std::move(faces)), poses_(std::move(poses))
{
    RecognizerIdentity id(poses_ ? "fused/2" : "fused/1");
    id.add("importer", kImporterVersion);
    id.add("decoder", decoder_.parameterText());
    id.add("nanodet", nanodet_->identity());  // its model hashes and parameters
    id.add("centernet", centernet_->parameterText());
    id.add("blazeface", faces_->parameterText());
    id.add("fusion", "COCO label: mean of NanoDet's and CenterNet's best scores (0 when unreported); "
                     "face: the lower of BlazeFace on the claim scale and the fused person score");
    id.add("claimThreshold", config_.claimThreshold);
    id.add("validatorMargin", config_.validatorMargin);
    id.add("faceClaimThreshold", config_.faceClaimThreshold);
    if (poses_) {  // version 1's identity has none of these, byte for byte as it was pinned
        id.add("posenet", poses_->parameterText());
        id.add("personFusion", "person: the higher of the detectors' mean and PoseNet on the claim scale; "
                               "face: bounded by the detectors' mean person score");
        id.add("poseClaimThreshold", *config_.poseClaimThreshold);
    }
    identity_ = id.hexDigest();
}

FusedRecognizer::~FusedRecognizer() = default;

std::string FusedRecognizer::identity() const { return identity_; }

std::vector<std::string> FusedRecognizer::labels() const
{
    std::vector<std::string> labels = cocoLabels();
    labels.push_back("face");
    return labels;
}

RecognizeOutcome FusedRecognizer::recognize(const Bytes& photo) const
{
    DecodeResult decoded = decoder_.decode(photo);
    if (!decoded.ok()) return {std::nullopt, decoded.error, decoded.message};
    try {
        const std::map<std::string, Detection> nanodet = bestPerLabel(nanodet_->detect(*decoded.photo));
        const std::map<std::string, Detection> centernet = bestPerLabel(centernet_->detect(*decoded.photo));
        std::vector<Detection> detections;
        for (const std::string& label : cocoLabels()) {
            const auto a = nanodet.find(label), b = centernet.find(label);
            const bool inA = a != nanodet.end(), inB = b != centernet.end();
            if (!inA && !inB) continue;
            const double scoreA = inA ? a->second.score : 0, scoreB = inB ? b->second.score : 0;
            const Box box = scoreA >= scoreB ? a->second.box : b->second.box;
            detections.push_back({label, (scoreA + scoreB) / 2, box});
        }
        // Where `person` is, by index: the faces pushed below would invalidate an iterator.
        std::optional<size_t> person;
        for (size_t i = 0; i < detections.size(); ++i)
            if (detections[i].label == "person") person = i;
        // A face needs a person too: BlazeFace alone scores cats and chessboards as high as faces.
        const double personScore = person ? detections[*person].score : 0;
        for (Detection face : faces_->detect(*decoded.photo)) {
            face.score = std::min(scoreOnClaimScale(face.score, config_.faceClaimThreshold, config_.claimThreshold), personScore);
            detections.push_back(face);
        }
        if (poses_) {
            for (Detection pose : poses_->detect(*decoded.photo)) {
                pose.score = scoreOnClaimScale(pose.score, *config_.poseClaimThreshold, config_.claimThreshold);
                if (!person) {
                    person = detections.size();
                    detections.push_back(pose);
                } else if (pose.score > detections[*person].score) {
                    detections[*person] = pose;
                }
            }
        }
        return {finishRecognition(std::move(detections), config_.claimThreshold, config_.validatorMargin), PhotoError::None, {}};
    } catch (const std::exception& e) {
        return {std::nullopt, PhotoError::RecognizerFailed, std::string("the fused recognizer failed: ") + e.what()};
    }
}

} // namespace pb::photo
