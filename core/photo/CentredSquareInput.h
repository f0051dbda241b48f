#pragma once
// The input BlazeFace and PoseNet were trained on, as the package's TensorFlow.js runtime builds
// it: the photo centred in a black square, scaled to the net's side (INTER_AREA), RGB in [-1, 1],
// one NHWC blob. Both detectors' scores (and so two recognizer identities) rest on these exact
// bytes; the TF.js reference tests check them.
#include "core/photo/PhotoDecoder.h"

#include <opencv2/core.hpp>

namespace pb::photo {

struct CentredSquareInput {
    cv::Mat blob;       // [1, side, side, 3] CV_32F, owns its pixels
    cv::Point offset;   // the photo's top-left corner in the square, normalised-photo pixels
    double scale = 1;   // normalised-photo pixels per input pixel
};

CentredSquareInput centredSquareInput(const NormalisedPhoto& photo, int side);

} // namespace pb::photo
