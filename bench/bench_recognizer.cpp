// Recognition time per photo, peak memory, and per-label precision and recall with a
// precision-recall curve per recognizer over tests/data/photo_labels.json (its test photos and
// its evaluation-only photos), for the cascade recognizer (the baseline), the NanoDet recognizer
// (dev and test networks), NanoDet with a horizontally flipped second look fused by a fixed rule
// (measured here only), CenterNet and BlazeFace alone, the fused recognizer (NanoDet and
// CenterNet's mean, BlazeFace's face: new custom networks), and the fused recognizer with a second
// scale (corner tiles and the centre of the photo looked at again, measured here only). See
// bench/README.md.
#include "bench/PrecisionRecallPlot.h"
#include "core/photo/CascadeRecognizer.h"
#include "core/photo/FusedRecognizer.h"
#include "core/photo/NanoDetRecognizer.h"
#include "tests/unit/photo/PhotoManifest.h"
#include "tests/unit/photo/PrecisionRecall.h"
#include "tests/unit/photo/SecondLook.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

using namespace pb;
using namespace pb::photo;
using namespace pb::photo::evaluation;
using Clock = std::chrono::steady_clock;

namespace {

// One recognizer's answers over the whole manifest.
struct Run {
    std::string name;
    double claimThreshold = 0;
    std::vector<ScoredLabel> samples;  // every photo x every label the recognizer knows
    std::vector<double> millis;        // per photo, the median of its rounds
};

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(fraction * double(values.size() - 1) + 0.5))];
}

double peakResidentMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024;  // kilobytes on Linux
}

double millisSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// Every photo's bytes, in manifest order; false after naming each missing photo and the Debian
// packages that ship them: the evaluation never runs on part of the set.
bool readAllPhotos(const manifest::Manifest& manifest, std::vector<Bytes>* photos)
{
    std::set<QString> packages;
    for (const manifest::LabelledPhoto& photo : manifest.photos) {
        QString error;
        photos->push_back(manifest::readPhoto(photo, &error));
        if (photos->back().empty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            packages.insert(photo.package);
        }
    }
    if (packages.empty()) return true;
    QStringList names(packages.begin(), packages.end());
    std::fprintf(stderr, "the evaluation needs every photo: apt-get install --no-install-recommends %s\n",
                 qPrintable(names.join(' ')));
    return false;
}

// Appends one sample per label for a photo; `score` gives the best score of a label (0: not seen).
void addSamples(Run& run, const std::vector<std::string>& labels, const manifest::LabelledPhoto& photo,
                const std::function<double(const std::string&)>& score)
{
    for (const std::string& label : labels)
        run.samples.push_back({label, score(label), photo.labels.count(label) > 0});
}

// The recognizer over every photo `rounds` times; nullopt when a photo fails to recognize.
std::optional<Run> measure(const std::string& name, const Recognizer& recognizer, double claimThreshold,
                           const manifest::Manifest& manifest, const std::vector<Bytes>& photos, int rounds)
{
    std::printf("\n== %s recognizer %s, %zu photos, %d rounds each\n", name.c_str(), recognizer.identity().c_str(),
                photos.size(), rounds);
    Run run{name, claimThreshold, {}, {}};
    for (size_t i = 0; i < photos.size(); ++i) {
        std::vector<double> millis;
        RecognizeOutcome outcome;
        for (int round = 0; round < rounds; ++round) {
            const auto start = Clock::now();
            outcome = recognizer.recognize(photos[i]);
            millis.push_back(millisSince(start));
        }
        if (!outcome.ok()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(manifest.photos[i].file), outcome.message.c_str());
            return std::nullopt;
        }
        run.millis.push_back(percentile(millis, 0.5));
        addSamples(run, recognizer.labels(), manifest.photos[i],
                   [&](const std::string& label) { return outcome.recognition->bestScore(label); });
    }
    return run;
}

// The samples of `run` whose label `keep` accepts (one model's labels of a combined recognizer),
// with the same times.
Run subset(const std::string& name, const Run& run, const std::function<bool(const std::string&)>& keep)
{
    Run part{name, run.claimThreshold, {}, run.millis};
    for (const ScoredLabel& s : run.samples)
        if (keep(s.label)) part.samples.push_back(s);
    return part;
}

// A detector that is not a recognizer (CenterNet, BlazeFace) over every photo once: decode as
// the recognizers do, detect, and time both.
std::optional<Run> measureDetector(const std::string& name, const std::vector<std::string>& labels, double claimThreshold,
                                   const manifest::Manifest& manifest, const std::vector<Bytes>& photos,
                                   const std::function<std::vector<Detection>(const NormalisedPhoto&)>& detect)
{
    const PhotoDecoder decoder(DecodeLimits{});
    Run run{name, claimThreshold, {}, {}};
    for (size_t i = 0; i < photos.size(); ++i) {
        const auto start = Clock::now();
        DecodeResult decoded = decoder.decode(photos[i]);
        if (!decoded.ok()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(manifest.photos[i].file), decoded.message.c_str());
            return std::nullopt;
        }
        const Recognition seen = finishRecognition(detect(*decoded.photo), claimThreshold, 0);
        run.millis.push_back(millisSince(start));
        addSamples(run, labels, manifest.photos[i], [&](const std::string& label) { return seen.bestScore(label); });
    }
    return run;
}

// Two looks at the same photos, each label's score fused by `rule`; the time is both looks'.
Run fuse(const std::string& name, const Run& a, const Run& b, const std::function<double(double, double)>& rule)
{
    Run fused{name, a.claimThreshold, a.samples, {}};
    for (size_t i = 0; i < fused.samples.size(); ++i)
        fused.samples[i].score = rule(a.samples[i].score, b.samples[i].score);
    for (size_t i = 0; i < a.millis.size(); ++i)
        fused.millis.push_back(a.millis[i] + b.millis[i]);
    return fused;
}

// The lowest score on a photo that shows the label and the highest on one that does not (the
// gap a claim threshold for that label sits in), as table cells: "-" where no photo is of that kind.
std::pair<std::string, std::string> scoreGap(const std::vector<ScoredLabel>& samples, const std::string& label)
{
    double lowestTrue = 2, highestFalse = -1;
    for (const ScoredLabel& s : samples) {
        if (s.label != label) continue;
        if (s.present)
            lowestTrue = std::min(lowestTrue, s.score);
        else
            highestFalse = std::max(highestFalse, s.score);
    }
    const auto cell = [](double score, bool any) { return any ? QString::number(score, 'f', 2).toStdString() : "-"; };
    return {cell(lowestTrue, lowestTrue <= 1), cell(highestFalse, highestFalse >= 0)};
}

void report(const Run& run, const manifest::Manifest& manifest, bool listMisses)
{
    std::printf("\n-- %s at its claim threshold %.2f\n", run.name.c_str(), run.claimThreshold);
    std::printf("recognition time per photo (decode + normalise + recognize, median of the rounds): median %.1f ms, "
                "p95 %.1f ms, max %.1f ms\n",
                percentile(run.millis, 0.5), percentile(run.millis, 0.95), percentile(run.millis, 1.0));
    const size_t labelsPerPhoto = run.samples.size() / manifest.photos.size();
    for (size_t i = 0; listMisses && i < run.samples.size(); ++i) {
        const ScoredLabel& s = run.samples[i];
        if (s.present != claimedAt(s, run.claimThreshold))
            std::printf("  %s %s: %s, best score %.3f\n", s.present ? "missed" : "false", s.label.c_str(),
                        qPrintable(manifest.photos[i / labelsPerPhoto].file), s.score);
    }
    std::printf("| label | precision | recall | lowest score where shown | highest where not shown |\n|---|---|---|---|---|\n");
    for (const auto& [label, c] : countsPerLabel(run.samples, run.claimThreshold)) {
        const auto [lowestTrue, highestFalse] = scoreGap(run.samples, label);
        std::printf("| %s | %.2f (%d/%d) | %.2f (%d/%d) | %s | %s |\n", label.c_str(), c.precision(), c.truePositives,
                    c.claims(), c.recall(), c.truePositives, c.present(), lowestTrue.c_str(), highestFalse.c_str());
    }
    std::vector<size_t> wrong;  // the labels a photo does not show, highest score first: what a threshold must stay above
    for (size_t i = 0; i < run.samples.size(); ++i)
        if (!run.samples[i].present && run.samples[i].score > 0) wrong.push_back(i);
    std::sort(wrong.begin(), wrong.end(), [&](size_t a, size_t b) { return run.samples[a].score > run.samples[b].score; });
    for (size_t k = 0; k < std::min<size_t>(wrong.size(), 6); ++k)
        std::printf("highest scores on labels not shown: %.3f %s: %s\n", run.samples[wrong[k]].score,
                    run.samples[wrong[k]].label.c_str(), qPrintable(manifest.photos[wrong[k] / labelsPerPhoto].file));
    const Counts all = countAt(run.samples, run.claimThreshold);
    std::printf("all labels: precision %.3f (%d/%d)  recall %.3f (%d/%d)\n", all.precision(), all.truePositives,
                all.claims(), all.recall(), all.truePositives, all.present());
    const std::vector<CurvePoint> curve = precisionRecallCurve(run.samples);
    const CurvePoint clean = mostRecallWithoutAWrongClaim(curve);
    std::printf("curve: average precision %.3f; most recall without a wrong claim %.3f (%d/%d) at threshold %.3f\n",
                averagePrecision(curve), clean.recall, clean.counts.truePositives, clean.counts.present(), clean.threshold);
}

// ---- A second scale (tests/unit/photo/SecondLook.h; measured here only: no network pins it) ----

struct PhotoLooks {
    double decodeMs = 0;
    std::vector<Look> looks;  // lookRegions' order
    std::vector<double> nanodetMs, centernetMs;
};

std::map<std::string, double> bestScores(const std::vector<Detection>& detections)
{
    std::map<std::string, double> best;
    for (const Detection& d : detections) best[d.label] = std::max(best[d.label], d.score);
    return best;
}

// NanoDet and CenterNet on every region of lookRegions, each timed (one round).
std::optional<std::vector<PhotoLooks>> measureLooks(const NanoDetRecognizer& nanodet, const CenterNetDetector& centernet,
                                                    const manifest::Manifest& manifest, const std::vector<Bytes>& photos)
{
    const PhotoDecoder decoder(FusedConfig{}.decodeLimits);
    std::vector<PhotoLooks> all;
    for (size_t i = 0; i < photos.size(); ++i) {
        PhotoLooks photo;
        auto start = Clock::now();
        DecodeResult decoded = decoder.decode(photos[i]);
        if (!decoded.ok()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(manifest.photos[i].file), decoded.message.c_str());
            return std::nullopt;
        }
        photo.decodeMs = millisSince(start);
        for (const cv::Rect& region : lookRegions(decoded.photo->color.size())) {
            const NormalisedPhoto part{decoded.photo->color(region), decoded.photo->gray(region), decoded.photo->source};
            Look look;
            start = Clock::now();
            look.nanodet = bestScores(nanodet.detect(part));
            photo.nanodetMs.push_back(millisSince(start));
            start = Clock::now();
            look.centernet = bestScores(centernet.detect(part));
            photo.centernetMs.push_back(millisSince(start));
            photo.looks.push_back(look);
        }
        all.push_back(photo);
    }
    return all;
}

// A fused variant over the 80 COCO labels: which looks each model takes, and the rule.
struct LookVariant {
    std::string name;
    std::vector<size_t> nanodetLooks, centernetLooks;
    LookRule rule;
};

// Time: the decoding and every look each model takes.
Run lookRun(const LookVariant& variant, const std::vector<PhotoLooks>& photos, const manifest::Manifest& manifest)
{
    Run run{variant.name, FusedConfig{}.claimThreshold, {}, {}};
    for (size_t i = 0; i < photos.size(); ++i) {
        const PhotoLooks& p = photos[i];
        double millis = p.decodeMs;
        for (size_t l : variant.nanodetLooks) millis += p.nanodetMs[l];
        for (size_t l : variant.centernetLooks) millis += p.centernetMs[l];
        run.millis.push_back(millis);
        addSamples(run, cocoLabels(), manifest.photos[i], [&](const std::string& label) {
            return fuseLooks(p.looks, variant.nanodetLooks, variant.centernetLooks, variant.rule, label);
        });
    }
    return run;
}

// One line per variant: its claims at the fused threshold, and the most it can claim with no
// wrong claim while a validator's margin still lies above the highest wrong score.
void summariseLooks(const Run& run, double margin)
{
    const Counts at = countAt(run.samples, run.claimThreshold);
    double highestWrong = 0;
    for (const ScoredLabel& s : run.samples)
        if (!s.present) highestWrong = std::max(highestWrong, s.score);
    const double lowestClean = highestWrong + margin + 1e-9;  // a claim threshold whose validators' floor stays above it
    const Counts clean = countAt(run.samples, lowestClean);
    const CurvePoint best = mostRecallWithoutAWrongClaim(precisionRecallCurve(run.samples));
    std::printf("| %s | %.3f (%d/%d) | %d/%d | %d/%d at >= %.3f | %.3f | %d/%d at >= %.3f | %.0f ms | %.0f ms |\n",
                run.name.c_str(), at.precision(), at.truePositives, at.claims(), at.truePositives, at.present(),
                best.counts.truePositives, best.counts.present(), best.threshold, highestWrong, clean.truePositives,
                clean.present(), lowestClean, percentile(run.millis, 0.5), percentile(run.millis, 0.95));
}

NamedCurve namedCurve(const Run& run)
{
    const Counts c = countAt(run.samples, run.claimThreshold);
    return {run.name, precisionRecallCurve(run.samples), {run.claimThreshold, c.precision(), c.recall(), c}};
}

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const std::string curvePath = argc > 3 ? argv[3] : "recognizer-precision-recall.png";
    const std::optional<manifest::Manifest> wholeSet = manifest::readBenchManifest(argc, argv, PB_SOURCE_DIR "/tests/data/photo_labels.json");
    if (!wholeSet) return 1;
    const manifest::Manifest& manifest = *wholeSet;
    std::vector<Bytes> photos;
    if (!readAllPhotos(manifest, &photos)) return 1;
    std::printf("peak resident memory before any recognizer: %.0f MB\n", peakResidentMegabytes());
    std::string error;
    // The baseline first, so the NanoDet run's peak memory shows what NanoDet adds.
    const std::unique_ptr<CascadeRecognizer> cascades = CascadeRecognizer::create({}, &error);
    const std::optional<Run> cascade =
        cascades ? measure("cascade (face only)", *cascades, CascadeConfig{}.claimThreshold, manifest, photos, rounds) : std::nullopt;
    if (!cascade) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    report(*cascade, manifest, true);
    std::printf("peak resident memory of the process so far: %.0f MB\n", peakResidentMegabytes());

    const auto start = Clock::now();
    const std::unique_ptr<NanoDetRecognizer> nanodet = NanoDetRecognizer::create({}, &error);
    if (!nanodet) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::printf("\nNanoDet start-up (read, check and import the model): %.0f ms\n", millisSince(start));
    const std::optional<Run> plain = measure("NanoDet (80 COCO labels)", *nanodet, NanoDetConfig{}.claimThreshold, manifest, photos, rounds);
    // NanoDet on the mirror image of each photo as the recognizer normalises it.
    const auto detectMirrored = [&](const NormalisedPhoto& p) {
        NormalisedPhoto mirror{{}, {}, p.source};
        cv::flip(p.color, mirror.color, 1);
        cv::flip(p.gray, mirror.gray, 1);
        return nanodet->detect(mirror);
    };
    const std::optional<Run> mirrored =
        plain ? measureDetector("NanoDet, mirrored", nanodet->labels(), NanoDetConfig{}.claimThreshold, manifest, photos, detectMirrored)
              : std::nullopt;
    if (!mirrored) return 1;
    report(*plain, manifest, true);
    std::printf("peak resident memory of the process so far: %.0f MB\n", peakResidentMegabytes());
    report(*mirrored, manifest, false);
    // A label the two looks disagree on: the maximum needs one look to see it, the mean both to
    // lean towards it, the minimum both to see it (two agreeing).
    const Run mean = fuse("NanoDet + mirror, mean", *plain, *mirrored, [](double a, double b) { return (a + b) / 2; });
    const Run max = fuse("NanoDet + mirror, max", *plain, *mirrored, [](double a, double b) { return std::max(a, b); });
    const Run min = fuse("NanoDet + mirror, min", *plain, *mirrored, [](double a, double b) { return std::min(a, b); });
    report(mean, manifest, true);
    report(max, manifest, false);
    report(min, manifest, false);

    const auto fusedStart = Clock::now();
    const std::unique_ptr<FusedRecognizer> fused = FusedRecognizer::create({}, &error);
    if (!fused) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::printf("\nfused recognizer start-up (read, check and import NanoDet, CenterNet and BlazeFace): %.0f ms\n",
                millisSince(fusedStart));
    const FusedConfig fusedConfig;
    std::string modelError;
    const auto centerNet = CenterNetDetector::create({fusedConfig.modelDir}, &modelError);
    const auto blazeFace = centerNet ? BlazeFaceDetector::create({fusedConfig.modelDir}, &modelError) : nullptr;
    if (!blazeFace) {
        std::fprintf(stderr, "%s\n", modelError.c_str());
        return 1;
    }
    const std::optional<Run> objects =
        measureDetector("CenterNet (80 COCO labels)", cocoLabels(), fusedConfig.claimThreshold, manifest, photos,
                        [&](const NormalisedPhoto& photo) { return centerNet->detect(photo); });
    const std::optional<Run> faces =
        objects ? measureDetector("BlazeFace (face)", {"face"}, fusedConfig.faceClaimThreshold, manifest, photos,
                                  [&](const NormalisedPhoto& photo) { return blazeFace->detect(photo); })
                : std::nullopt;
    const std::optional<Run> combined =
        faces ? measure("fused (NanoDet+CenterNet, face)", *fused, fusedConfig.claimThreshold, manifest, photos, rounds)
              : std::nullopt;
    const std::unique_ptr<FusedRecognizer> fused2 = combined ? FusedRecognizer::create(fusedConfigVersion2(), &error) : nullptr;
    if (combined && !fused2) std::fprintf(stderr, "%s\n", error.c_str());
    const std::optional<Run> combined2 =
        fused2 ? measure("fused v2 (+ PoseNet person)", *fused2, fusedConfig.claimThreshold, manifest, photos, rounds)
               : std::nullopt;
    if (!combined2) return 1;
    const auto cocoOnly = [](const std::string& l) { return l != "face"; };
    report(*objects, manifest, false);
    report(*faces, manifest, true);
    report(*combined, manifest, true);
    report(subset("fused, the 80 COCO labels", *combined, cocoOnly), manifest, false);
    report(*combined2, manifest, true);
    report(subset("fused version 2, the 80 COCO labels", *combined2, cocoOnly), manifest, false);
    std::printf("peak resident memory of the process so far: %.0f MB\n", peakResidentMegabytes());

    const std::optional<std::vector<PhotoLooks>> looks = measureLooks(*nanodet, *centerNet, manifest, photos);
    if (!looks) return 1;
    using Rule = LookRule;
    const LookVariant variants[] = {
        {"fused, whole photo (today)", kWholeLook, kWholeLook, Rule::BestLooksMean},
        {"fused + 4 tiles, best look's mean", kWholeAndTiles, kWholeAndTiles, Rule::BestLooksMean},
        {"fused + 4 tiles, mean of each model's best look", kWholeAndTiles, kWholeAndTiles, Rule::MeanOfBestLooks},
        {"fused + 4 tiles, best look's mean where both saw the whole", kWholeAndTiles, kWholeAndTiles, Rule::BestLooksMeanWhereBothSawWhole},
        {"fused + 4 tiles, whole and best tile agree (mean)", kWholeAndTiles, kWholeAndTiles, Rule::WholeAndBestLookAgree},
        {"fused + centre, best look's mean", kWholeAndCentre, kWholeAndCentre, Rule::BestLooksMean},
        {"fused + centre, mean of each model's best look", kWholeAndCentre, kWholeAndCentre, Rule::MeanOfBestLooks},
        {"fused + tiles + centre, best look's mean", kEveryLook, kEveryLook, Rule::BestLooksMean},
        {"fused + tiles + centre, mean of each model's best look", kEveryLook, kEveryLook, Rule::MeanOfBestLooks},
        {"fused + tiles + centre, best look's mean where both saw the whole", kEveryLook, kEveryLook, Rule::BestLooksMeanWhereBothSawWhole},
        {"fused + tiles + centre, whole and best look agree (mean)", kEveryLook, kEveryLook, Rule::WholeAndBestLookAgree},
        {"NanoDet + tiles, CenterNet whole, mean", kWholeAndTiles, kWholeLook, Rule::MeanOfBestLooks},
        {"NanoDet + tiles + centre, CenterNet whole, mean", kEveryLook, kWholeLook, Rule::MeanOfBestLooks},
        {"NanoDet whole, CenterNet + tiles, mean", kWholeLook, kWholeAndTiles, Rule::MeanOfBestLooks},
    };
    std::printf("\n-- a second scale, the 80 COCO labels (time: decode + every look of each model, one round)\n"
                "| variant | precision at %.2f | recall at %.2f | most recall without a wrong claim | highest wrong score | "
                "recall with the margin %.2f kept | median | p95 |\n|---|---|---|---|---|---|---|---|\n",
                fusedConfig.claimThreshold, fusedConfig.claimThreshold, fusedConfig.validatorMargin);
    for (const LookVariant& variant : variants) {
        const Run run = lookRun(variant, *looks, manifest);
        summariseLooks(run, fusedConfig.validatorMargin);
    }
    for (const LookVariant& variant : variants)
        if (variant.name.find("tiles + centre, best look's mean where") != std::string::npos)
            report(lookRun(variant, *looks, manifest), manifest, true);

    int shown = 0;
    for (const manifest::LabelledPhoto& photo : manifest.photos) shown += int(photo.labels.size());
    char title[128];
    std::snprintf(title, sizeof title, "Claims against %zu Debian photos (%d labels shown), bench_recognizer",
                  manifest.photos.size(), shown);
    if (!drawPrecisionRecallCurves({namedCurve(*cascade), namedCurve(*plain), namedCurve(mean), namedCurve(*objects),
                                    namedCurve(*faces), namedCurve(*combined), namedCurve(*combined2)},
                                   title,
                                   curvePath)) {
        std::fprintf(stderr, "cannot write %s\n", curvePath.c_str());
        return 1;
    }
    std::printf("\nprecision-recall curves drawn to %s\n", curvePath.c_str());
    return 0;
}
