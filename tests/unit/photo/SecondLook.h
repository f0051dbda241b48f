#pragma once
// A second scale for the fused recognizer's two object detectors, as bench_recognizer measures
// it (no network pins it): regions of the normalised photo looked at again, each letterboxed to a
// network's input like the whole photo so its objects reach the network 1.5x larger, and fixed
// rules that make one score per label of the looks. Header-only, so the bench and its test share
// it without a library; tested by photo_second_look_tiles_the_photo_and_fuses_by_fixed_rules.
#include <opencv2/core.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace pb::photo::evaluation {

// The whole photo first, then the four corner tiles, 2/3 of the width and height each (neighbours
// overlap by a third, so an object in the middle is whole in every tile), then the centre 2/3.
inline std::vector<cv::Rect> lookRegions(cv::Size size)
{
    const int w = (size.width * 2 + 2) / 3, h = (size.height * 2 + 2) / 3;
    return {{0, 0, size.width, size.height},
            {0, 0, w, h},
            {size.width - w, 0, w, h},
            {0, size.height - h, w, h},
            {size.width - w, size.height - h, w, h},
            {(size.width - w) / 2, (size.height - h) / 2, w, h}};
}

// Indices into lookRegions.
const std::vector<size_t> kWholeLook = {0}, kWholeAndTiles = {0, 1, 2, 3, 4}, kWholeAndCentre = {0, 5},
                          kEveryLook = {0, 1, 2, 3, 4, 5};

// One region's best score per label from each model (a label a model did not report is absent).
struct Look {
    std::map<std::string, double> nanodet, centernet;
};

enum class LookRule {
    // On each look the two models' mean (as the fused recognizer scores the whole photo); the best look's.
    BestLooksMean,
    // Each model's best score over its looks; their mean.
    MeanOfBestLooks,
    // BestLooksMean, but a label only NanoDet or only CenterNet reported on the whole photo keeps
    // its whole-photo score: a closer look may only raise what both models already saw.
    BestLooksMeanWhereBothSawWhole,
    // The mean of the whole photo's score and the best other look's: both scales must agree.
    WholeAndBestLookAgree,
};

inline double modelScore(const std::map<std::string, double>& scores, const std::string& label)
{
    const auto it = scores.find(label);
    return it == scores.end() ? 0 : it->second;
}

inline double looksMean(const Look& look, const std::string& label)
{
    return (modelScore(look.nanodet, label) + modelScore(look.centernet, label)) / 2;
}

// One label's score from `looks` (indexed as lookRegions; only the indices named are used:
// NanoDet's `nanodetLooks`, CenterNet's `centernetLooks`; the rules that take both models'
// mean on one look use nanodetLooks for both).
inline double fuseLooks(const std::vector<Look>& looks, const std::vector<size_t>& nanodetLooks,
                        const std::vector<size_t>& centernetLooks, LookRule rule, const std::string& label)
{
    const auto bestLook = [&](bool skipWhole) {
        double best = 0;
        for (size_t l : nanodetLooks)
            if (!(skipWhole && l == 0)) best = std::max(best, looksMean(looks[l], label));
        return best;
    };
    switch (rule) {
    case LookRule::BestLooksMean:
        return bestLook(false);
    case LookRule::MeanOfBestLooks: {
        double nanodet = 0, centernet = 0;
        for (size_t l : nanodetLooks) nanodet = std::max(nanodet, modelScore(looks[l].nanodet, label));
        for (size_t l : centernetLooks) centernet = std::max(centernet, modelScore(looks[l].centernet, label));
        return (nanodet + centernet) / 2;
    }
    case LookRule::BestLooksMeanWhereBothSawWhole:
        if (modelScore(looks[0].nanodet, label) > 0 && modelScore(looks[0].centernet, label) > 0) return bestLook(false);
        return looksMean(looks[0], label);
    case LookRule::WholeAndBestLookAgree:
        return (looksMean(looks[0], label) + bestLook(true)) / 2;
    }
    return 0;
}

} // namespace pb::photo::evaluation
