// The element-wise and reducing TF.js ops: Add and Mul (of equal shapes, with a scalar constant,
// or Mul by a per-channel [1, 1, 1, C] tensor as squeeze-and-excite blocks do), the
// activations, and Mean over both spatial axes (global average pooling).
#include "core/photo/TfjsNetBuilder.h"

#include <algorithm>

namespace pb::photo::tfjs_build {

// A scalar float constant among a binary op's two inputs: its value, and the other input.
std::optional<std::pair<float, ValuePtr>> Builder::scalarOperand(const TfjsNode& node) const
{
    for (size_t k = 0; k < 2; ++k) {
        const ValuePtr value = input(node, k);
        if (value->constant && value->constant->type == Tensor::Type::Float && value->constant->elementCount() == 1)
            return std::make_pair(value->constant->floats[0], tensorInput(node, 1 - k));
    }
    return std::nullopt;
}

// x * scale + shift, cv::dnn's Power layer with power 1.
void Builder::affine(const TfjsNode& node, const ValuePtr& x, float scale, float shift)
{
    realize(x);
    cv::dnn::LayerParams params;
    params.set("power", 1.0f);
    params.set("scale", scale);
    params.set("shift", shift);
    values_[node.name] = newBlob(x->shape, {addLayer(node.name, "Power", params, {x->pin}), 0}, x->blobAxes);
}

void Builder::eltwise(const TfjsNode& node, const std::string& operation)
{
    const ValuePtr a = tensorInput(node, 0), b = tensorInput(node, 1);
    if (a->shape != b->shape)
        throw BuildError("node " + node.name + ": combining " + shapeText(a->shape) + " and " + shapeText(b->shape) +
                         " (only equal shapes, a scalar constant, a convolution's bias or a per-channel scale are supported)");
    realize(a);
    const Pin first = a->pin;
    const Pin second = arrange(b, a->blobAxes);
    cv::dnn::LayerParams params;
    params.set("operation", operation);
    values_[node.name] = newBlob(a->shape, {addLayer(node.name, "Eltwise", params, {first, second}), 0}, a->blobAxes);
}

void Builder::add(const TfjsNode& node)
{
    if (input(node, 0)->constant && input(node, 1)->constant) return foldAdd(node);
    if (const auto scalar = scalarOperand(node)) return affine(node, scalar->second, 1, scalar->first);
    eltwise(node, "sum");
}

// Whether `scale` is `x` with both spatial axes 1: a 4-D NHWC tensor's per-channel factors.
static bool perChannel(const std::vector<int>& x, const std::vector<int>& scale)
{
    return x.size() == 4 && scale.size() == 4 && scale[0] == x[0] && scale[1] == 1 && scale[2] == 1 && scale[3] == x[3];
}

void Builder::mul(const TfjsNode& node)
{
    if (const auto scalar = scalarOperand(node)) return affine(node, scalar->second, scalar->first, 0);
    const ValuePtr a = tensorInput(node, 0), b = tensorInput(node, 1);
    if (a->shape == b->shape) return eltwise(node, "prod");
    const bool aScales = perChannel(b->shape, a->shape);
    if (!aScales && !perChannel(a->shape, b->shape)) return eltwise(node, "prod");  // refused with both shapes
    const ValuePtr& x = aScales ? b : a;
    const ValuePtr& scale = aScales ? a : b;
    // cv::dnn's Scale layer with a second input multiplies channel axis 1 by it: both NCHW.
    const Pin pins[] = {arrange(x, {0, 3, 1, 2}), arrange(scale, {0, 3, 1, 2})};
    cv::dnn::LayerParams params;
    params.set("axis", 1);
    values_[node.name] = newBlob(x->shape, {addLayer(node.name, "Scale", params, {pins[0], pins[1]}), 0}, {0, 3, 1, 2});
}

void Builder::unary(const TfjsNode& node, const std::string& type, cv::dnn::LayerParams& params)
{
    const ValuePtr x = tensorInput(node, 0);
    realize(x);
    values_[node.name] = newBlob(x->shape, {addLayer(node.name, type, params, {x->pin}), 0}, x->blobAxes);
}

void Builder::leakyRelu(const TfjsNode& node)
{
    cv::dnn::LayerParams params;
    const TfjsAttr* alpha = attr(node, "alpha");
    params.set("negative_slope", alpha ? alpha->number : 0.2);  // TF's default alpha
    unary(node, "ReLU", params);
}

// cv::dnn's parameters for TF's Relu or Relu6 (layer types ReLU and ReLU6).
cv::dnn::LayerParams Builder::reluParams(const std::string& op)
{
    cv::dnn::LayerParams params;
    if (op == "Relu6") {
        params.set("min_value", 0.0f);
        params.set("max_value", 6.0f);
    }
    return params;
}

void Builder::relu(const TfjsNode& node)
{
    cv::dnn::LayerParams params = reluParams(node.op);
    unary(node, node.op == "Relu6" ? "ReLU6" : "ReLU", params);
}

void Builder::sigmoid(const TfjsNode& node)
{
    cv::dnn::LayerParams params;
    unary(node, "Sigmoid", params);
}

// Mean over the height and width of an NHWC tensor, keeping them as 1 (global average pooling).
void Builder::mean(const TfjsNode& node)
{
    requireNhwc(node);
    const ValuePtr x = tensorInput(node, 0);
    std::vector<int> axes = constantInput(node, 1, Tensor::Type::Int).ints;
    std::sort(axes.begin(), axes.end());
    const TfjsAttr* keepDims = attr(node, "keep_dims");
    if (x->shape.size() != 4 || axes != std::vector<int>{1, 2} || !keepDims || !keepDims->flag)
        throw BuildError("node " + node.name + ": only a mean over height and width of a 4-D tensor, keeping them, is supported");
    cv::dnn::LayerParams params;
    params.set("pool", "ave");
    params.set("global_pooling", true);
    const Pin in = arrange(x, {0, 3, 1, 2});
    values_[node.name] = newBlob({x->shape[0], 1, 1, x->shape[3]}, {addLayer(node.name, "Pooling", params, {in}), 0}, {0, 3, 1, 2});
}

} // namespace pb::photo::tfjs_build
