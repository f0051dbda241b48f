// Whether PoseNet's body keypoints (core/photo/PoseNetPersonDetector) give the fused recognizer
// `person` evidence it lacks, over tests/data/photo_labels.json (test and evaluation-only photos).
// Each photo is recognized once by today's fused recognizer (its 80 COCO labels and `face`), and
// BlazeFace and PoseNet look at the same normalised photo. Printed: PoseNet's person score on
// every photo that shows a person and the highest on photos that do not; then fixed person rules,
// each re-scoring `person` (and `face`, which needs a person) from the same scores, with
// precision and recall at the fused claim threshold, the highest wrong score, and the labels won
// or lost against today. Nothing a network pins changes; the rules are measured here only.
//     bench_person_evidence [manifest]
#include "core/photo/FusedRecognizer.h"
#include "core/photo/PoseNetPersonDetector.h"
#include "tests/unit/photo/PhotoManifest.h"
#include "tests/unit/photo/PrecisionRecall.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

using namespace pb;
using namespace pb::photo;
using namespace pb::photo::evaluation;

namespace {

struct PhotoScores {
    QString file;
    std::set<std::string> shown;
    std::map<std::string, double> fused;  // today's fused score per label (80 COCO labels and face)
    double blazeFace = 0;                 // BlazeFace's best face score, its own scale
    double pose = 0;                      // PoseNet's person score (0: under its report threshold)
    std::vector<float> keypoints;         // PoseNet's 17 keypoint confidences, most confident first
    double poseMs = 0;
};

struct PersonRule {
    std::string name;
    int keypoints;  // PoseNet's score for this rule: the k-th most confident keypoint's
    // The new person score from the fused one and PoseNet's.
    std::function<double(double fusedPerson, double pose)> person;
    bool faceFollowsNewPerson;  // else a face stays bounded by NanoDet and CenterNet's person
};

QString shortName(const QString& file) { return file.contains("/wallpapers/") ? file.section('/', -4, -4) : file.section('/', -1); }

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(fraction * double(values.size() - 1) + 0.5))];
}

// Every label of every photo under `rule` (nullptr: today's scores).
std::vector<ScoredLabel> samplesUnder(const std::vector<PhotoScores>& photos, const std::vector<std::string>& labels,
                                      const PersonRule* rule, const FusedConfig& config)
{
    std::vector<ScoredLabel> samples;
    for (const PhotoScores& p : photos) {
        std::map<std::string, double> scores = p.fused;
        if (rule) {
            const double person = rule->person(scores["person"], p.keypoints[size_t(rule->keypoints - 1)]);
            if (rule->faceFollowsNewPerson)
                scores["face"] = std::min(scoreOnClaimScale(p.blazeFace, config.faceClaimThreshold, config.claimThreshold), person);
            scores["person"] = person;
        }
        for (const std::string& label : labels) samples.push_back({label, scores[label], p.shown.count(label) > 0});
    }
    return samples;
}

void summarise(const std::string& name, const std::vector<ScoredLabel>& samples, const std::vector<ScoredLabel>& today,
               const std::vector<PhotoScores>& photos, const std::vector<std::string>& labels, const FusedConfig& config)
{
    const auto part = [&](bool face) {
        std::vector<ScoredLabel> kept;
        for (const ScoredLabel& s : samples)
            if ((s.label == "face") == face) kept.push_back(s);
        return countAt(kept, config.claimThreshold);
    };
    const Counts coco = part(false), face = part(true), all = countAt(samples, config.claimThreshold);
    double highestWrong = 0, highestWrongPerson = 0;
    std::string changes;
    for (size_t i = 0; i < samples.size(); ++i) {
        if (!samples[i].present) highestWrong = std::max(highestWrong, samples[i].score);
        if (!samples[i].present && samples[i].label == "person") highestWrongPerson = std::max(highestWrongPerson, samples[i].score);
        const bool now = claimedAt(samples[i], config.claimThreshold), before = claimedAt(today[i], config.claimThreshold);
        if (now != before)
            changes += std::string(now ? " +" : " -") + samples[i].label + (samples[i].present ? "" : " (WRONG)") + " on " +
                       shortName(photos[i / labels.size()].file).toStdString() + QString(" %1;").arg(samples[i].score, 0, 'f', 3).toStdString();
    }
    const bool marginKept = highestWrong < config.claimThreshold - config.validatorMargin;
    std::printf("| %s | %.3f (%d/%d) | %d/%d | %d/%d | %.3f | %.3f%s |%s |\n", name.c_str(), all.precision(), all.truePositives,
                all.claims(), coco.truePositives, coco.present(), face.truePositives, face.present(), highestWrongPerson, highestWrong,
                marginKept ? "" : " (a validator accepts it)", changes.empty() ? " none" : changes.c_str());
}

} // namespace

int main(int argc, char** argv)
{
    const std::optional<manifest::Manifest> wholeSet = manifest::readBenchManifest(argc, argv, PB_SOURCE_DIR "/tests/data/photo_labels.json");
    if (!wholeSet) return 1;
    const manifest::Manifest& manifest = *wholeSet;
    std::string error;
    const FusedConfig config;
    const std::unique_ptr<FusedRecognizer> fused = FusedRecognizer::create(config, &error);
    const auto faces = fused ? BlazeFaceDetector::create({config.modelDir}, &error) : nullptr;
    const auto poses = faces ? PoseNetPersonDetector::create({config.modelDir}, &error) : nullptr;
    if (!poses) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const PhotoDecoder decoder(config.decodeLimits);
    const std::vector<std::string> labels = fused->labels();
    std::vector<PhotoScores> photos;
    for (const manifest::LabelledPhoto& labelled : manifest.photos) {
        QString readError;
        const Bytes bytes = manifest::readPhoto(labelled, &readError);
        const DecodeResult decoded = decoder.decode(bytes);
        const RecognizeOutcome outcome = fused->recognize(bytes);
        if (bytes.empty() || !decoded.ok() || !outcome.ok()) {
            std::fprintf(stderr, "%s: %s%s\n", qPrintable(labelled.file), qPrintable(readError), outcome.message.c_str());
            return 1;
        }
        PhotoScores p{labelled.file, labelled.labels, {}, 0, 0, {}, 0};
        for (const std::string& label : labels) p.fused[label] = outcome.recognition->bestScore(label);
        for (const Detection& d : faces->detect(*decoded.photo)) p.blazeFace = std::max(p.blazeFace, d.score);
        const auto start = std::chrono::steady_clock::now();
        const std::vector<Detection> person = poses->detect(*decoded.photo);
        p.poseMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        p.pose = person.empty() ? 0 : person.front().score;
        p.keypoints = poses->keypointConfidences(*decoded.photo);
        std::sort(p.keypoints.rbegin(), p.keypoints.rend());
        photos.push_back(p);
    }

    std::vector<std::pair<double, QString>> shown, notShown;
    std::vector<double> millis;
    for (const PhotoScores& p : photos) {
        (p.shown.count("person") ? shown : notShown).push_back({p.pose, shortName(p.file)});
        millis.push_back(p.poseMs);
    }
    std::sort(shown.rbegin(), shown.rend());
    std::sort(notShown.rbegin(), notShown.rend());
    std::printf("PoseNet person score (5th most confident keypoint), %zu photos showing a person:\n", shown.size());
    for (const auto& [score, name] : shown) std::printf("  %s %.3f (fused person %.3f)\n", qPrintable(name), score, [&] {
        for (const PhotoScores& p : photos) if (shortName(p.file) == name) return p.fused.at("person");
        return 0.0; }());
    std::printf("the 8 highest of %zu photos not showing one:", notShown.size());
    for (size_t i = 0; i < std::min<size_t>(8, notShown.size()); ++i) std::printf(" %s %.3f;", qPrintable(notShown[i].second), notShown[i].first);
    std::printf("\nPoseNet detect (letterbox + net), one round: median %.1f ms, p95 %.1f ms wall\n", percentile(millis, 0.5),
                percentile(millis, 0.95));
    // How the score's k trades: the highest k-th keypoint where no person is shown, and the
    // photos showing a person that the fused recognizer misses and that score above it.
    std::printf("\n| k | highest k-th keypoint without a person | missed persons above it |\n|---|---|---|\n");
    for (int k = 1; k <= 8; ++k) {
        std::pair<double, QString> highest{-1, {}};
        for (const PhotoScores& p : photos)
            if (!p.shown.count("person")) highest = std::max(highest, {double(p.keypoints[size_t(k - 1)]), shortName(p.file)});
        std::string above;
        for (const PhotoScores& p : photos)
            if (p.shown.count("person") && p.fused.at("person") < config.claimThreshold && p.keypoints[size_t(k - 1)] > highest.first)
                above += " " + shortName(p.file).toStdString() + QString(" %1;").arg(p.keypoints[size_t(k - 1)], 0, 'f', 3).toStdString();
        std::printf("| %d | %.3f (%s) |%s |\n", k, highest.first, qPrintable(highest.second), above.c_str());
    }
    std::printf("\n");

    const auto onClaimScale = [&](double t) {
        return [t, &config](double fusedPerson, double pose) {
            return std::max(fusedPerson, scoreOnClaimScale(pose, t, config.claimThreshold));
        };
    };
    // PoseNet's score is its 5th most confident keypoint unless the rule says "k-th".
    const PersonRule rules[] = {
        {"max(fused, PoseNet through (0.40, 0.54)), face as today", 5, onClaimScale(0.40), false},
        {"max(fused, PoseNet through (0.45, 0.54)), face as today", 5, onClaimScale(0.45), false},
        {"max(fused, PoseNet through (0.60, 0.54)), face as today", 5, onClaimScale(0.60), false},
        {"max(fused, PoseNet through (0.40, 0.54)), face bounded by it", 5, onClaimScale(0.40), true},
        {"max(fused, mean(fused, PoseNet)), face as today", 5, [](double f, double p) { return std::max(f, (f + p) / 2); }, false},
        {"max(fused, PoseNet 3rd keypoint through (0.45, 0.54)), face as today", 3, onClaimScale(0.45), false},
        {"max(fused, PoseNet 2nd keypoint through (0.55, 0.54)), face as today", 2, onClaimScale(0.55), false},
        {"max(fused, PoseNet best keypoint through (0.65, 0.54)), face as today", 1, onClaimScale(0.65), false},
    };
    const std::vector<ScoredLabel> today = samplesUnder(photos, labels, nullptr, config);
    std::printf("| person rule | precision at %.2f | COCO labels | faces | highest wrong person | highest wrong score | "
                "claims won (+) and lost (-) against today |\n|---|---|---|---|---|---|---|\n",
                config.claimThreshold);
    summarise("today's fused recognizer", today, today, photos, labels, config);
    for (const PersonRule& rule : rules) summarise(rule.name, samplesUnder(photos, labels, &rule, config), today, photos, labels, config);
    return 0;
}
