// Recognition time per photo at the working resolution (median, p95), peak memory, and per-label
// precision and recall over tests/data/photo_labels.json, for the NanoDet recognizer (the
// default) and the cascade recognizer (the baseline) in one run. See docs/operations.md.
#include "core/photo/CascadeRecognizer.h"
#include "core/photo/NanoDetRecognizer.h"
#include "tests/unit/photo/PhotoManifest.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

using namespace pb;
using namespace pb::photo;
using Clock = std::chrono::steady_clock;

namespace {

struct LabelCounts {
    int truePositives = 0, falsePositives = 0, falseNegatives = 0;
    double lowestTrueScore = 1, highestFalseScore = 0;  // the margin the claim threshold sits in
};

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(fraction * double(values.size() - 1) + 0.5))];
}

double ratio(int part, int whole) { return whole == 0 ? 1.0 : double(part) / whole; }

double peakResidentMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024;  // kilobytes on Linux
}

// Runs `recognizer` over every photo `rounds` times and prints time, memory and label counts.
bool bench(const char* name, const Recognizer& recognizer, const manifest::Manifest& manifest, int rounds)
{
    std::printf("\n== %s recognizer %s, %zu photos, %d rounds each\n", name, recognizer.identity().c_str(),
                manifest.photos.size(), rounds);
    std::vector<double> millis;
    std::map<std::string, LabelCounts> counts;
    for (const manifest::LabelledPhoto& photo : manifest.photos) {
        QString readError;
        const Bytes bytes = manifest::readPhoto(photo, &readError);
        if (bytes.empty()) {
            std::fprintf(stderr, "%s\n", qPrintable(readError));
            return false;
        }
        RecognizeOutcome outcome;
        for (int round = 0; round < rounds; ++round) {
            const auto start = Clock::now();
            outcome = recognizer.recognize(bytes);
            millis.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        }
        if (!outcome.ok()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(photo.file), outcome.message.c_str());
            return false;
        }
        for (const std::string& label : recognizer.labels()) {
            const bool truth = photo.labels.count(label) > 0;
            const bool claimed = outcome.recognition->confirms(label, false);
            const double score = outcome.recognition->bestScore(label);
            if (!truth && !claimed && score == 0) continue;  // neither there nor seen
            LabelCounts& c = counts[label];
            c.truePositives += truth && claimed;
            c.falsePositives += !truth && claimed;
            c.falseNegatives += truth && !claimed;
            if (truth)
                c.lowestTrueScore = std::min(c.lowestTrueScore, score);
            else
                c.highestFalseScore = std::max(c.highestFalseScore, score);
            if (truth != claimed)
                std::printf("  %s %s: %s, best score %.3f\n", truth ? "missed" : "false", label.c_str(),
                            qPrintable(photo.file), score);
        }
    }
    std::printf("recognition time per photo (decode + normalise + recognize): median %.1f ms, p95 %.1f ms, max %.1f ms\n",
                percentile(millis, 0.5), percentile(millis, 0.95), percentile(millis, 1.0));
    std::printf("peak resident memory of the process so far: %.0f MB\n", peakResidentMegabytes());
    LabelCounts all;
    for (const auto& [label, c] : counts) {
        if (c.truePositives + c.falsePositives + c.falseNegatives == 0) continue;  // seen only below the threshold
        std::printf("label %-13s precision %.3f (%d/%d)  recall %.3f (%d/%d)  lowest score on a true photo %.3f, "
                    "highest on a false one %.3f\n",
                    label.c_str(), ratio(c.truePositives, c.truePositives + c.falsePositives), c.truePositives,
                    c.truePositives + c.falsePositives, ratio(c.truePositives, c.truePositives + c.falseNegatives),
                    c.truePositives, c.truePositives + c.falseNegatives, c.lowestTrueScore, c.highestFalseScore);
        all.truePositives += c.truePositives;
        all.falsePositives += c.falsePositives;
        all.falseNegatives += c.falseNegatives;
    }
    std::printf("all labels: precision %.3f (%d/%d)  recall %.3f (%d/%d)\n",
                ratio(all.truePositives, all.truePositives + all.falsePositives), all.truePositives,
                all.truePositives + all.falsePositives, ratio(all.truePositives, all.truePositives + all.falseNegatives),
                all.truePositives, all.truePositives + all.falseNegatives);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    const QString manifestPath = argc > 1 && argv[1][0] ? argv[1] : PB_SOURCE_DIR "/tests/data/photo_labels.json";
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const manifest::Manifest manifest = manifest::readManifest(manifestPath);
    if (!manifest.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(manifest.error));
        return 1;
    }
    std::printf("peak resident memory before any recognizer: %.0f MB\n", peakResidentMegabytes());
    std::string error;
    // The baseline first, so the NanoDet run's peak memory shows what NanoDet adds.
    const std::unique_ptr<CascadeRecognizer> cascades = CascadeRecognizer::create({}, &error);
    if (!cascades || !bench("cascade", *cascades, manifest, rounds)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const auto start = Clock::now();
    const std::unique_ptr<NanoDetRecognizer> nanodet = NanoDetRecognizer::create({}, &error);
    if (!nanodet) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::printf("\nNanoDet start-up (read, check and import the model): %.0f ms\n",
                std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    return bench("NanoDet", *nanodet, manifest, rounds) ? 0 : 1;
}
