#pragma once
// Builds an OpenCV cv::dnn network, layer by layer, from a TF.js graph model (TfjsGraph).
//
// The TF.js graph was converted from PyTorch through ONNX: its convolutions work on NHWC tensors
// and Transpose nodes surround each of them. cv::dnn works in NCHW, so the builder tracks, for
// every graph tensor, which graph axis each axis of the cv::dnn blob holds; a Transpose only
// changes that bookkeeping, and a Permute layer is added only where an op needs another order.
// Constant subgraphs (SparseToDense building reshape shapes) are folded while building; a
// constant added to a convolution's only output becomes the convolution's bias, and a zero Pad
// in front of a convolution becomes its padding. The TensorFlow-converted MobileNet graphs
// (CenterNet, BlazeFace) are NHWC from the input on; their fused convolutions carry their bias
// and activation, and depthwise convolutions become grouped ones.
#include "core/photo/TfjsGraph.h"

#include <opencv2/dnn.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pb::photo {

struct TfjsDnnNet {
    cv::dnn::Net net;
    std::vector<int> inputShape;            // the graph's input (NCHW for NanoDet)
    std::vector<std::string> outputLayers;  // one per graph output, in TfjsGraph::outputs order
    std::vector<std::vector<int>> outputShapes;
};

// nullopt with `error` set when an op is used in a way the builder does not support (e.g. a
// broadcasting Add, a SAME-padded convolution with dilation); the message names the node.
std::optional<TfjsDnnNet> buildTfjsDnnNet(const TfjsGraph& graph, std::string* error);

// A recognition thread's net: built as above and set to OpenCV's own CPU implementation (the
// same code on every node, no GPU or vendor plugins, so every node computes the same scores).
// Throws std::runtime_error with the builder's message: detectors build these in their
// ObjectPool factory, which reports by throwing (see buildsAtStartUp).
TfjsDnnNet buildCpuTfjsDnnNet(const TfjsGraph& graph);

} // namespace pb::photo
