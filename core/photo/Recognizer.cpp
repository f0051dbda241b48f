#include "core/photo/Recognizer.h"

#include <cstdio>

#include <algorithm>
#include <tuple>

namespace pb::photo {

double Recognition::bestScore(std::string_view label) const
{
    double best = 0;
    for (const Detection& d : detections)
        if (d.label == label)
            best = std::max(best, d.score);
    return best;
}

bool Recognition::confirms(std::string_view label, bool asValidator) const
{
    const double needed = asValidator ? claimThreshold - validatorMargin : claimThreshold;
    return std::any_of(detections.begin(), detections.end(),
                       [&](const Detection& d) { return d.label == label && d.score >= needed; });
}

Recognition finishRecognition(std::vector<Detection> detections, double claimThreshold, double validatorMargin)
{
    std::sort(detections.begin(), detections.end(), [](const Detection& a, const Detection& b) {
        return std::tie(b.score, a.label, a.box.y, a.box.x, a.box.width, a.box.height) <
               std::tie(a.score, b.label, b.box.y, b.box.x, b.box.width, b.box.height);
    });
    Recognition recognition;
    recognition.claimThreshold = claimThreshold;
    recognition.validatorMargin = validatorMargin;
    for (const Detection& d : detections)
        if (d.score >= claimThreshold)
            recognition.claimable.push_back(d.label);
    std::sort(recognition.claimable.begin(), recognition.claimable.end());
    recognition.claimable.erase(std::unique(recognition.claimable.begin(), recognition.claimable.end()),
                                recognition.claimable.end());
    recognition.detections = std::move(detections);
    return recognition;
}

std::string describeDetections(const Recognition& recognition)
{
    if (recognition.detections.empty()) return "nothing it knows";
    std::string seen;
    for (size_t i = 0; i < recognition.detections.size() && i < 5; ++i) {
        char score[32];
        std::snprintf(score, sizeof score, " %.2f", recognition.detections[i].score);
        if (!seen.empty()) seen += ", ";
        seen += recognition.detections[i].label + score;
    }
    return seen;
}

} // namespace pb::photo
