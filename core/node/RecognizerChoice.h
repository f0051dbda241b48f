#pragma once
// Which photo recognizer a node runs, from its configuration and network: NanoDet (80 COCO
// labels; what dev and test pin), the fused recognizer (NanoDet and CenterNet agreeing on 80 COCO
// labels, BlazeFace's face; version 2 also PoseNet's person evidence, what new custom networks
// pin), OpenCV's face cascades, or a cv::dnn classifier model of the user's.
#include "core/node/NodeConfig.h"
#include "core/photo/Recognizer.h"

#include <memory>

namespace pb {

// "nanodet", "fused" (version 1), "fused2", "cascade", "dnn": the values of --recognizer.
QStringList recognizerKinds();

// The kind the configuration chooses: `recognizer` when set, else "dnn" when a classifier model
// is given, else the kind the network pins: "nanodet" on dev and test, and on a custom network
// whose network file (--network-file, else the data directory's network.json) pins NanoDet's
// identity; "fused" on one whose file pins the fused recognizer's version 1; "fused2" on any
// other custom network, and for the head creating a new one.
QString chosenRecognizerKind(const NodeConfig& config);

// nullptr with `error` set when the chosen recognizer cannot start (a missing or altered model
// file, missing cascades, an unknown kind): never another recognizer instead.
std::unique_ptr<photo::Recognizer> createRecognizer(const NodeConfig& config, std::string* error);

} // namespace pb
