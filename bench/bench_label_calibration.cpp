// Would per-label claim thresholds, calibrated on the evaluation set, let the fused recognizer
// (version 2, what new custom networks pin) claim more labels without a wrong claim on photos it
// was not calibrated on? Each photo of tests/data/photo_labels.json (test and evaluation-only
// photos) is recognized once. A rule gives every COCO label its own threshold: the highest score
// the label reaches on photos that do not show it, plus a gap, no lower than a floor and no
// higher than the claim threshold (`face` keeps its own calibration); a label's score is put on
// the claim scale through its threshold (scoreOnClaimScale), so the claim threshold and the
// validators' margin stay as they are. Printed per rule: claims right and wrong with the
// thresholds fitted on all photos (in-sample), and again leaving each photo out of the fit in
// turn and judging only that photo (leave-one-photo-out: how the rule does on a photo it never
// saw), with the wrong labels a validator would accept. Nothing a network pins changes.
//     bench_label_calibration [manifest]
#include "core/photo/FusedRecognizer.h"
#include "tests/unit/photo/PhotoManifest.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

using namespace pb;
using namespace pb::photo;

namespace {

struct PhotoScores {
    QString file;
    std::set<std::string> shown;
    std::map<std::string, double> score;  // the fused recognizer's best score per label
};

struct CalibrationRule {
    double gap;    // above the highest score where the label is not shown
    double floor;  // no label's threshold lower than this
};

struct Tally {
    int right = 0;
    int wrong = 0;                     // wrong claims a miner would make (at the claim threshold)
    int wrongAccepted = 0;             // of those and below them, wrong labels a validator accepts
    std::vector<std::string> won;      // right claims the plain claim threshold does not make
    std::vector<std::string> wrongOnes;
};

// Per COCO label, its threshold under `rule`, fitted on every photo but `leftOut` (-1: none).
std::map<std::string, double> fitThresholds(const std::vector<PhotoScores>& photos, const std::vector<std::string>& labels,
                                            const CalibrationRule& rule, double claim, int leftOut)
{
    std::map<std::string, double> highestWrong;
    for (int i = 0; i < int(photos.size()); ++i) {
        if (i == leftOut) continue;
        for (const std::string& label : labels)
            if (!photos[size_t(i)].shown.count(label))
                highestWrong[label] = std::max(highestWrong[label], photos[size_t(i)].score.at(label));
    }
    std::map<std::string, double> thresholds;
    for (const std::string& label : labels)
        if (label != "face") thresholds[label] = std::clamp(highestWrong[label] + rule.gap, rule.floor, claim);
    return thresholds;
}

void judge(const PhotoScores& photo, const std::map<std::string, double>& thresholds, const FusedConfig& config, Tally* tally)
{
    const double accepted = config.claimThreshold - config.validatorMargin;
    for (const auto& [label, raw] : photo.score) {
        const auto own = thresholds.find(label);
        const double s = own == thresholds.end() ? raw : scoreOnClaimScale(raw, own->second, config.claimThreshold);
        const bool shown = photo.shown.count(label) > 0;
        const std::string where = label + " on " + photo.file.section('/', -1).toStdString();
        if (s >= config.claimThreshold && shown) {
            ++tally->right;
            if (raw < config.claimThreshold) tally->won.push_back(where);
        } else if (s >= config.claimThreshold) {
            ++tally->wrong;
            tally->wrongOnes.push_back(where);
        }
        if (!shown && s >= accepted) ++tally->wrongAccepted;
    }
}

std::string joined(const std::vector<std::string>& parts)
{
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : "; ") + part;
    return text.empty() ? "none" : text;
}

} // namespace

int main(int argc, char** argv)
{
    const std::optional<manifest::Manifest> wholeSet = manifest::readBenchManifest(argc, argv, PB_SOURCE_DIR "/tests/data/photo_labels.json");
    if (!wholeSet) return 1;
    const manifest::Manifest& manifest = *wholeSet;
    std::string error;
    const FusedConfig config = fusedConfigVersion2();
    const std::unique_ptr<FusedRecognizer> fused = FusedRecognizer::create(config, &error);
    if (!fused) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const std::vector<std::string> labels = fused->labels();
    std::vector<PhotoScores> photos;
    int shownCount = 0;
    for (const manifest::LabelledPhoto& labelled : manifest.photos) {
        QString readError;
        const Bytes bytes = manifest::readPhoto(labelled, &readError);
        const RecognizeOutcome outcome = fused->recognize(bytes);
        if (bytes.empty() || !outcome.ok()) {
            std::fprintf(stderr, "%s: %s%s\n", qPrintable(labelled.file), qPrintable(readError), outcome.message.c_str());
            return 1;
        }
        PhotoScores p{labelled.file, labelled.labels, {}};
        for (const std::string& label : labels) {
            p.score[label] = outcome.recognition->bestScore(label);
            shownCount += int(p.shown.count(label));
        }
        photos.push_back(p);
    }

    std::printf("fused recognizer version 2, %zu photos, %d labels shown; claim at %.2f, validators accept from %.2f\n\n",
                photos.size(), shownCount, config.claimThreshold, config.claimThreshold - config.validatorMargin);
    std::printf("| gap | floor | in-sample right | wrong | leave-one-photo-out right | wrong | wrong a validator accepts |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    Tally plain;
    for (const PhotoScores& p : photos) judge(p, {}, config, &plain);
    std::printf("| (one threshold) | | %d | %d | %d | %d | %d |\n", plain.right, plain.wrong, plain.right, plain.wrong, plain.wrongAccepted);
    std::vector<std::pair<CalibrationRule, Tally>> heldOut;
    for (const double gap : {0.03, 0.05, 0.08})
        for (const double floor : {0.40, 0.45, 0.48}) {
            const CalibrationRule rule{gap, floor};
            Tally inSample, leftOut;
            const auto all = fitThresholds(photos, labels, rule, config.claimThreshold, -1);
            for (int i = 0; i < int(photos.size()); ++i) {
                judge(photos[size_t(i)], all, config, &inSample);
                judge(photos[size_t(i)], fitThresholds(photos, labels, rule, config.claimThreshold, i), config, &leftOut);
            }
            std::printf("| %.2f | %.2f | %d | %d | %d | %d | %d |\n", gap, floor, inSample.right, inSample.wrong, leftOut.right,
                        leftOut.wrong, leftOut.wrongAccepted);
            heldOut.push_back({rule, leftOut});
        }
    std::printf("\n");
    for (const auto& [rule, tally] : heldOut)
        std::printf("gap %.2f floor %.2f, leave-one-photo-out: won %s\n  wrong %s\n", rule.gap, rule.floor, joined(tally.won).c_str(),
                    joined(tally.wrongOnes).c_str());
    return 0;
}
