#pragma once
// Draws precision-recall curves (one per recognizer) into a PNG with OpenCV, so the benchmark's
// measurement can be shown in the docs as it was taken.
#include "tests/unit/photo/PrecisionRecall.h"

#include <string>
#include <vector>

namespace pb::photo::evaluation {

struct NamedCurve {
    std::string name;
    std::vector<CurvePoint> curve;
    CurvePoint claimPoint;  // where the recognizer's claim threshold puts it, drawn as a ring
};

// false when the PNG cannot be written.
bool drawPrecisionRecallCurves(const std::vector<NamedCurve>& curves, const std::string& title, const std::string& pngPath);

} // namespace pb::photo::evaluation
