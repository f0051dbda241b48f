#pragma once
// Which photo recognizer a node runs, from its configuration: NanoDet (the default: 80 COCO
// labels), OpenCV's face cascades, or a cv::dnn classifier model of the user's.
#include "core/node/NodeConfig.h"
#include "core/photo/Recognizer.h"

#include <memory>

namespace pb {

// "nanodet", "cascade", "dnn": the values of --recognizer.
QStringList recognizerKinds();

// The kind the configuration chooses: `recognizer` when set, else "dnn" when a classifier model
// is given, else "nanodet".
QString chosenRecognizerKind(const NodeConfig& config);

// nullptr with `error` set when the chosen recognizer cannot start (a missing or altered model
// file, missing cascades, an unknown kind): never another recognizer instead.
std::unique_ptr<photo::Recognizer> createRecognizer(const NodeConfig& config, std::string* error);

} // namespace pb
