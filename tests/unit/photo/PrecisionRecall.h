#pragma once
// Precision and recall of a recognizer's claims against the photo manifest, at one claim
// threshold or swept over every threshold (the precision-recall curve). Pure arithmetic over
// (photo, label) pairs, shared by bench_recognizer and its unit test.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace pb::photo::evaluation {

// One photo and one label the recognizer knows: its best score there (0 when not seen at all)
// and whether the manifest says the photo shows it.
struct ScoredLabel {
    std::string label;
    double score = 0;
    bool present = false;
};

struct Counts {
    int truePositives = 0, falsePositives = 0, falseNegatives = 0;

    // A recognizer that claims nothing is never wrong, and a label no photo shows is never missed.
    double precision() const { return claims() == 0 ? 1.0 : double(truePositives) / claims(); }
    double recall() const { return present() == 0 ? 1.0 : double(truePositives) / present(); }
    int claims() const { return truePositives + falsePositives; }
    int present() const { return truePositives + falseNegatives; }
};

// A label is claimed when it was seen (score above 0) at or above the threshold: the rule of
// Recognition::confirms for a miner.
inline bool claimedAt(const ScoredLabel& s, double threshold) { return s.score > 0 && s.score >= threshold; }

inline void count(Counts& c, const ScoredLabel& s, double threshold)
{
    const bool claimed = claimedAt(s, threshold);
    c.truePositives += s.present && claimed;
    c.falsePositives += !s.present && claimed;
    c.falseNegatives += s.present && !claimed;
}

inline Counts countAt(const std::vector<ScoredLabel>& samples, double threshold)
{
    Counts c;
    for (const ScoredLabel& s : samples) count(c, s, threshold);
    return c;
}

// Per label, the labels that are present somewhere or claimed somewhere at `threshold`.
inline std::map<std::string, Counts> countsPerLabel(const std::vector<ScoredLabel>& samples, double threshold)
{
    std::map<std::string, Counts> perLabel;
    for (const ScoredLabel& s : samples)
        if (s.present || claimedAt(s, threshold)) count(perLabel[s.label], s, threshold);
    return perLabel;
}

struct CurvePoint {
    double threshold = 1, precision = 1, recall = 0;
    Counts counts;
};

// One point per distinct score above 0, thresholds falling (recall rising): the claims a
// threshold just at that score would allow.
inline std::vector<CurvePoint> precisionRecallCurve(const std::vector<ScoredLabel>& samples)
{
    std::vector<double> thresholds;
    for (const ScoredLabel& s : samples)
        if (s.score > 0) thresholds.push_back(s.score);
    std::sort(thresholds.begin(), thresholds.end(), std::greater<>());
    thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
    std::vector<CurvePoint> curve;
    for (double threshold : thresholds) {
        const Counts c = countAt(samples, threshold);
        curve.push_back({threshold, c.precision(), c.recall(), c});
    }
    return curve;
}

// The area under the curve as steps: each gain in recall weighted by the precision reached with it.
inline double averagePrecision(const std::vector<CurvePoint>& curve)
{
    double area = 0, previousRecall = 0;
    for (const CurvePoint& p : curve) {
        area += (p.recall - previousRecall) * p.precision;
        previousRecall = p.recall;
    }
    return area;
}

// The lowest threshold at which no claim is wrong yet (the most recall at precision 1.0); the
// point at threshold 1 with nothing claimed when even the best score is a wrong claim.
inline CurvePoint mostRecallWithoutAWrongClaim(const std::vector<CurvePoint>& curve)
{
    CurvePoint best;
    best.counts.falseNegatives = curve.empty() ? 0 : curve.front().counts.present();
    for (const CurvePoint& p : curve) {
        if (p.counts.falsePositives > 0) break;
        best = p;
    }
    return best;
}

} // namespace pb::photo::evaluation
