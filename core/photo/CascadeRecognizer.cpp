#include "core/photo/CascadeRecognizer.h"

#include "core/photo/RecognizerIdentity.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

namespace pb::photo {

namespace {

const char* const kFaceLabel = "face";
// Order matters: the first cascade proposes faces, the other two confirm them.
const char* const kFaceCascadeNames[] = {"haarcascade_frontalface_alt.xml", "haarcascade_frontalface_default.xml",
                                         "haarcascade_frontalface_alt2.xml"};

struct GroupedHits {
    std::vector<cv::Rect> boxes;
    std::vector<int> neighbours;  // raw hits merged into each box
};

double overlap(const cv::Rect& a, const cv::Rect& b)
{
    const double intersection = (a & b).area();
    return intersection / (a.area() + b.area() - intersection);
}

// Grouped hits of the best box in `hits` that overlaps `box`; 0 when none does.
int bestMatch(const GroupedHits& hits, const cv::Rect& box, double minOverlap)
{
    int best = 0;
    for (size_t i = 0; i < hits.boxes.size(); ++i)
        if (overlap(hits.boxes[i], box) >= minOverlap)
            best = std::max(best, hits.neighbours[i]);
    return best;
}

} // namespace

struct CascadeRecognizer::FaceCascades {
    cv::CascadeClassifier proposer, confirmers[2];
};

std::unique_ptr<CascadeRecognizer> CascadeRecognizer::create(const CascadeConfig& config, std::string* error)
{
    std::vector<CascadeFile> files;
    for (const char* name : kFaceCascadeNames) {
        const std::string path = config.cascadeDir + "/" + name;
        std::optional<std::string> xml = readWholeFile(path);
        if (!xml || xml->empty()) {
            if (error)
                *error = "cascade file " + path + " is missing or unreadable (Debian package opencv-data)";
            return nullptr;
        }
        files.push_back({name, std::move(*xml), {}});
        files.back().sha256Hex = sha256Hex(files.back().xml);
    }
    std::unique_ptr<CascadeRecognizer> recognizer(new CascadeRecognizer(config, std::move(files)));
    try {
        // Load one set now, so a broken file fails construction rather than the first photo.
        recognizer->pool_.borrow();
    } catch (const std::exception& e) {
        if (error)
            *error = e.what();
        return nullptr;
    }
    return recognizer;
}

CascadeRecognizer::CascadeRecognizer(CascadeConfig config, std::vector<CascadeFile> files)
    : config_(std::move(config)), decoder_(config_.decodeLimits), files_(std::move(files)),
      pool_([this] { return loadCascades(); })
{
    // Bump the version whenever the detection code changes what it finds.
    RecognizerIdentity id("cascade/1");
    id.add("decoder", decoder_.parameterText());
    for (const CascadeFile& file : files_)
        id.add(file.name + ".sha256", file.sha256Hex);
    id.add("equalizeHistogram", config_.equalizeHistogram ? "1" : "0");
    id.add("face.scaleFactor", config_.face.scaleFactor);
    id.add("face.minSize", config_.face.minSize);
    id.add("face.minNeighboursEach", config_.face.minNeighboursEach);
    id.add("face.matchOverlap", config_.face.matchOverlap);
    id.add("face.halfScoreNeighbours", config_.face.halfScoreNeighbours);
    id.add("claimThreshold", config_.claimThreshold);
    id.add("validatorMargin", config_.validatorMargin);
    identity_ = id.hexDigest();
}

CascadeRecognizer::~CascadeRecognizer() = default;

std::unique_ptr<CascadeRecognizer::FaceCascades> CascadeRecognizer::loadCascades() const
{
    // From the bytes hashed into identity(), never from disk again: a file replaced while the
    // node runs cannot change answers behind the identity's back.
    auto cascades = std::make_unique<FaceCascades>();
    cv::CascadeClassifier* targets[] = {&cascades->proposer, &cascades->confirmers[0], &cascades->confirmers[1]};
    for (size_t i = 0; i < files_.size(); ++i) {
        cv::FileStorage storage(files_[i].xml, cv::FileStorage::READ | cv::FileStorage::MEMORY);
        if (!storage.isOpened() || !targets[i]->read(storage.getFirstTopLevelNode()) || targets[i]->empty())
            throw std::runtime_error("cascade file " + config_.cascadeDir + "/" + files_[i].name +
                                     " is not a cascade OpenCV can load");
    }
    return cascades;
}

std::string CascadeRecognizer::identity() const { return identity_; }

std::vector<std::string> CascadeRecognizer::labels() const { return {kFaceLabel}; }

std::vector<Detection> CascadeRecognizer::detectFaces(const NormalisedPhoto& photo) const
{
    cv::Mat gray = photo.gray;
    if (config_.equalizeHistogram) {
        gray = cv::Mat();  // a new buffer: the photo stays as decoded
        cv::equalizeHist(photo.gray, gray);
    }
    const FaceCascadeParameters& p = config_.face;
    const cv::Size minSize(p.minSize, p.minSize);
    const auto run = [&](cv::CascadeClassifier& cascade, const cv::Mat& image, cv::Size smallest, cv::Size largest) {
        GroupedHits hits;
        // minNeighbors 1: group overlapping hits but keep every group with its hit count.
        cascade.detectMultiScale(image, hits.boxes, hits.neighbours, p.scaleFactor, 1, 0, smallest, largest);
        return hits;
    };

    std::vector<Detection> faces;
    ObjectPool<FaceCascades>::Lease cascades = pool_.borrow();
    const GroupedHits proposals = run(cascades->proposer, gray, minSize, cv::Size());
    for (size_t i = 0; i < proposals.boxes.size(); ++i) {
        const cv::Rect& box = proposals.boxes[i];
        if (proposals.neighbours[i] < p.minNeighboursEach)
            continue;
        // The confirmers only look around the proposal, at sizes near it: a third of the work of
        // scanning the whole image twice more.
        const cv::Rect around = cv::Rect(box.x - box.width / 2, box.y - box.height / 2, box.width * 2, box.height * 2) &
                                cv::Rect(0, 0, gray.cols, gray.rows);
        const cv::Size smallest(std::max(p.minSize, box.width / 2), std::max(p.minSize, box.height / 2));
        const cv::Size largest(box.width * 2, box.height * 2);
        int confirmations[2];
        for (int k = 0; k < 2; ++k) {
            GroupedHits hits = run(cascades->confirmers[k], gray(around), smallest, largest);
            for (cv::Rect& hit : hits.boxes)
                hit += around.tl();
            confirmations[k] = bestMatch(hits, box, p.matchOverlap);
        }
        if (std::min(confirmations[0], confirmations[1]) < p.minNeighboursEach)
            continue;
        const double hits = proposals.neighbours[i] + confirmations[0] + confirmations[1];
        faces.push_back({kFaceLabel, hits / (hits + p.halfScoreNeighbours), {box.x, box.y, box.width, box.height}});
    }
    return faces;
}

RecognizeOutcome CascadeRecognizer::recognize(const Bytes& photo) const
{
    DecodeResult decoded = decoder_.decode(photo);
    if (!decoded.ok())
        return {std::nullopt, decoded.error, decoded.message};
    try {
        return {finishRecognition(detectFaces(*decoded.photo), config_.claimThreshold, config_.validatorMargin),
                PhotoError::None, {}};
    } catch (const std::exception& e) {
        return {std::nullopt, PhotoError::RecognizerFailed, std::string("the cascade recognizer failed: ") + e.what()};
    }
}

} // namespace pb::photo
