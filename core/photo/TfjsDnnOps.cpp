// One translator per TF.js op: each checks its inputs and attributes, computes the result's
// shape in 64 bits (fitShape), and adds the cv::dnn layer(s) that compute it.
#include "core/photo/TfjsNetBuilder.h"

#include <algorithm>
#include <numeric>

namespace pb::photo::tfjs_build {

void Builder::placeholder(const TfjsNode& node)
{
    if (!result_.inputShape.empty()) throw BuildError("the graph has more than one input");
    const TfjsAttr* shape = attr(node, "shape");
    if (!shape || shape->ints.empty()) throw BuildError("input " + node.name + " has no shape");
    for (long long dim : shape->ints)
        if (dim <= 0) throw BuildError("input " + node.name + " has an unknown dimension");
    result_.inputShape = fitShape(node.name, shape->ints);
    result_.net.setInputsNames({node.name});
    values_[node.name] = newBlob(result_.inputShape, {0, 0}, identityAxes(result_.inputShape.size()));
}

void Builder::constant(const TfjsNode& node)
{
    auto value = std::make_shared<Value>();
    value->constant = graph_.constants.at(node.name);
    value->shape = value->constant->shape;
    values_[node.name] = value;
}

void Builder::identity(const TfjsNode& node)
{
    values_[node.name] = input(node, 0);
}

ValuePtr Builder::transposed(const ValuePtr& value, const Axes& perm)
{
    auto result = std::make_shared<Value>();
    for (int axis : perm) result->shape.push_back(value->shape[size_t(axis)]);
    if (value->pad) {
        Value::PendingPad pad{transposed(value->pad->source, perm), {}, value->pad->fill};
        for (int axis : perm) pad.pads.push_back(value->pad->pads[size_t(axis)]);
        result->pad = pad;
        return result;
    }
    // Graph axis a of the input is graph axis inverse(perm)[a] of the result.
    const Axes whereTo = inverse(perm);
    result->pin = value->pin;
    for (int axis : value->blobAxes) result->blobAxes.push_back(whereTo[size_t(axis)]);
    return result;
}

void Builder::transpose(const TfjsNode& node)
{
    const ValuePtr x = tensorInput(node, 0);
    const Tensor& perm = constantInput(node, 1, Tensor::Type::Int);
    Axes sorted = perm.ints;
    std::sort(sorted.begin(), sorted.end());
    if (sorted != identityAxes(x->shape.size())) throw BuildError("node " + node.name + ": the permutation does not fit the tensor");
    values_[node.name] = transposed(x, perm.ints);
}

void Builder::requireNhwc(const TfjsNode& node)
{
    const TfjsAttr* format = attr(node, "data_format");
    if (format && format->text != "NHWC") throw BuildError("node " + node.name + ": data format " + format->text + " is not supported");
}

// Two spatial attributes of a 4-D NHWC op (strides, dilations, ksize): [1, h, w, 1].
std::pair<int, int> Builder::spatial(const TfjsNode& node, const std::string& key)
{
    const TfjsAttr* value = attr(node, key);
    if (!value) return {1, 1};
    if (value->ints.size() != 4 || value->ints[0] != 1 || value->ints[3] != 1 || value->ints[1] < 1 || value->ints[2] < 1 ||
        value->ints[1] > kMaxTensorElements || value->ints[2] > kMaxTensorElements)
        throw BuildError("node " + node.name + ": " + key + " must be [1,h,w,1] with h and w at most " + std::to_string(kMaxTensorElements));
    return {int(value->ints[1]), int(value->ints[2])};
}

// TensorFlow's VALID/SAME padding as {top, left, bottom, right}.
std::array<int, 4> Builder::windowPadding(const TfjsNode& node, int height, int width, std::pair<int, int> window,
                                          std::pair<int, int> stride)
{
    const TfjsAttr* padding = attr(node, "padding");
    const std::string mode = padding ? padding->text : "VALID";
    if (mode == "VALID") return {0, 0, 0, 0};
    if (mode != "SAME") throw BuildError("node " + node.name + ": padding " + mode + " is not supported");
    // At most `extent` (bounded by the callers), as (out - 1) * step < size.
    const auto total = [](long long size, long long extent, long long step) {
        const long long out = (size + step - 1) / step;
        return int(std::max((out - 1) * step + extent - size, 0LL));
    };
    const int vertical = total(height, window.first, stride.first), horizontal = total(width, window.second, stride.second);
    return {vertical / 2, horizontal / 2, vertical - vertical / 2, horizontal - horizontal / 2};
}

// A sliding window's size, step and {top, left, bottom, right} padding, as cv::dnn names them.
void Builder::setWindow(cv::dnn::LayerParams& params, std::pair<int, int> size, std::pair<int, int> stride,
                        const std::array<int, 4>& pads)
{
    params.set("kernel_h", size.first);
    params.set("kernel_w", size.second);
    params.set("stride_h", stride.first);
    params.set("stride_w", stride.second);
    params.set("pad_t", pads[0]);
    params.set("pad_l", pads[1]);
    params.set("pad_b", pads[2]);
    params.set("pad_r", pads[3]);
}

// A sliding window's output size along one axis (TF rounds down), in 64 bits.
long long Builder::slidingOutput(long long size, long long padBefore, long long padAfter, long long extent, long long step)
{
    return (size + padBefore + padAfter - extent) / step + 1;
}

// The Add that adds a [channels] constant to this convolution's only output, if there is one.
const TfjsNode* Builder::biasAdd(const TfjsNode& conv, int channels)
{
    auto consumers = consumers_.find(conv.name);
    if (consumers == consumers_.end() || consumers->second.size() != 1) return nullptr;
    const TfjsNode* add = consumers->second[0];
    if ((add->op != "Add" && add->op != "AddV2") || add->inputs.size() != 2 || add->inputs[0] != conv.name) return nullptr;
    visit(add->inputs[1]);
    auto bias = values_.find(add->inputs[1]);
    const bool isBias = bias != values_.end() && bias->second->constant && bias->second->constant->type == Tensor::Type::Float &&
                        bias->second->shape == std::vector<int>{channels};
    return isBias ? add : nullptr;
}

// The convolution's filter as cv::dnn's OIHW weights. TF's Conv2D filter is HWIO; a depthwise
// filter is [h, w, channels, multiplier], output channel c * multiplier + m.
static cv::Mat convolutionWeights(const Tensor& filter, bool depthwise)
{
    const int kh = filter.shape[0], kw = filter.shape[1], in = filter.shape[2], out = filter.shape[3];
    const int outChannels = depthwise ? in * out : out, inPerGroup = depthwise ? 1 : in;
    const int weightShape[] = {outChannels, inPerGroup, kh, kw};
    cv::Mat weights(4, weightShape, CV_32F);
    float* w = weights.ptr<float>();
    for (int o = 0; o < outChannels; ++o)
        for (int i = 0; i < inPerGroup; ++i)
            for (int y = 0; y < kh; ++y)
                for (int x = 0; x < kw; ++x) {
                    const size_t tap = size_t(y) * kw + x;
                    *w++ = depthwise ? filter.floats[tap * size_t(in) * out + size_t(o)]  // o = c * multiplier + m
                                     : filter.floats[(tap * in + i) * out + o];
                }
    return weights;
}

// The activation a fused convolution applies after its bias ("" for none); anything but a bias
// and at most one ReLU is refused.
std::string Builder::fusedActivation(const TfjsNode& node)
{
    const TfjsAttr* fused = attr(node, "fused_ops");
    const TfjsAttr* args = attr(node, "num_args");
    std::vector<std::string> ops;
    if (fused) ops = fused->texts;
    if (ops.empty() || ops[0] != "BiasAdd" || ops.size() > 2 || (ops.size() == 2 && ops[1] != "Relu" && ops[1] != "Relu6") ||
        (args && args->ints != std::vector<long long>{1}) || node.inputs.size() != 3)
        throw BuildError("node " + node.name + ": only a bias, then at most Relu or Relu6, can be fused into a convolution");
    return ops.size() == 2 ? ops[1] : "";
}

// Conv2D and DepthwiseConv2dNative, and their fused forms (a bias input, then an activation).
void Builder::conv2d(const TfjsNode& node)
{
    requireNhwc(node);
    const bool depthwise = node.op == "DepthwiseConv2dNative" || node.op == "FusedDepthwiseConv2dNative";
    const bool fused = node.op == "_FusedConv2D" || node.op == "FusedDepthwiseConv2dNative";
    const std::string activation = fused ? fusedActivation(node) : "";
    ValuePtr x = tensorInput(node, 0);
    const Tensor& filter = constantInput(node, 1, Tensor::Type::Float);
    if (x->shape.size() != 4 || filter.shape.size() != 4) throw BuildError("node " + node.name + ": a convolution needs 4-D input and filter");
    const int kh = filter.shape[0], kw = filter.shape[1];
    const long long outChannelsWide = depthwise ? 1LL * filter.shape[2] * filter.shape[3] : filter.shape[3];
    const int inPerGroup = depthwise ? 1 : filter.shape[2];
    if (depthwise && filter.shape[2] != x->shape[3])
        throw BuildError("node " + node.name + ": depthwise filter " + shapeText(filter.shape) + " does not fit input " + shapeText(x->shape));
    const auto stride = spatial(node, "strides");
    const auto dilation = spatial(node, "dilations");
    std::array<int, 4> pads{0, 0, 0, 0};  // top, left, bottom, right
    const auto& pending = x->pad;
    if (pending && pending->fill == 0 && pending->pads[0] == std::pair{0, 0} && pending->pads[3] == std::pair{0, 0} &&
        (!attr(node, "padding") || attr(node, "padding")->text == "VALID")) {
        pads = {pending->pads[1].first, pending->pads[2].first, pending->pads[1].second, pending->pads[2].second};
        x = pending->source;  // the zero pad becomes the convolution's own padding
    }
    const int height = x->shape[1], width = x->shape[2], channels = x->shape[3];
    const long long extentHeight = (kh - 1LL) * dilation.first + 1, extentWidth = (kw - 1LL) * dilation.second + 1;
    if (extentHeight > kMaxTensorElements || extentWidth > kMaxTensorElements)
        throw BuildError("node " + node.name + ": the dilated filter is larger than " + std::to_string(kMaxTensorElements));
    const std::pair<int, int> extent{int(extentHeight), int(extentWidth)};
    if (attr(node, "padding") && attr(node, "padding")->text == "SAME") {
        if (dilation != std::pair{1, 1}) throw BuildError("node " + node.name + ": SAME padding with dilation is not supported");
        pads = windowPadding(node, height, width, extent, stride);
    }
    if (kh <= 0 || kw <= 0 || outChannelsWide <= 0 || outChannelsWide > kMaxTensorElements || inPerGroup <= 0 || channels % inPerGroup != 0)
        throw BuildError("node " + node.name + ": filter " + shapeText(filter.shape) + " does not fit input " + shapeText(x->shape));
    const int outChannels = int(outChannelsWide);
    const long long outHeight = slidingOutput(height, pads[0], pads[2], extent.first, stride.first);
    const long long outWidth = slidingOutput(width, pads[1], pads[3], extent.second, stride.second);
    if (outHeight <= 0 || outWidth <= 0) throw BuildError("node " + node.name + ": the filter is larger than the input");
    const std::vector<int> outShape = fitShape(node.name, {x->shape[0], outHeight, outWidth, outChannels});

    cv::dnn::LayerParams params;
    setWindow(params, {kh, kw}, stride, pads);
    params.set("dilation_h", dilation.first);
    params.set("dilation_w", dilation.second);
    params.set("num_output", outChannels);
    params.set("group", channels / inPerGroup);
    params.blobs.push_back(convolutionWeights(filter, depthwise));
    const TfjsNode* add = fused ? nullptr : biasAdd(node, outChannels);
    const Tensor* bias = fused ? &constantInput(node, 2, Tensor::Type::Float) : add ? &*values_.at(add->inputs[1])->constant : nullptr;
    if (bias && bias->shape != std::vector<int>{outChannels}) throw BuildError("node " + node.name + ": the bias does not fit the filter");
    params.set("bias_term", bias != nullptr);
    if (bias) params.blobs.push_back(cv::Mat(bias->floats, true).reshape(1, 1));

    if (pads[0] != pads[2] || pads[1] != pads[3]) {
        // cv::dnn convolves with equal padding on both sides only: the rest (SAME on an even
        // size with stride 2 pads one more below and right) is a Padding layer of its own.
        auto padded = std::make_shared<Value>();
        padded->shape = fitShape(node.name, {x->shape[0], 0LL + height + pads[2] - pads[0], 0LL + width + pads[3] - pads[1], channels});
        padded->pad = Value::PendingPad{x, {{0, 0}, {0, pads[2] - pads[0]}, {0, pads[3] - pads[1]}, {0, 0}}, 0};
        x = padded;
        pads[2] = pads[0];
        pads[3] = pads[1];
        setWindow(params, {kh, kw}, stride, pads);
    }
    const Pin in = arrange(x, {0, 3, 1, 2});
    Pin out{addLayer(activation.empty() ? node.name : node.name + "/conv", "Convolution", params, {in}), 0};
    if (!activation.empty()) {
        cv::dnn::LayerParams relu = reluParams(activation);
        out = Pin{addLayer(node.name, activation == "Relu" ? "ReLU" : "ReLU6", relu, {out}), 0};
    }
    ValuePtr result = newBlob(outShape, out, {0, 3, 1, 2});
    values_[node.name] = result;
    if (add) {
        values_[add->name] = result;
        folded_.insert(add->name);
    }
}

void Builder::pad(const TfjsNode& node)
{
    const ValuePtr x = tensorInput(node, 0);
    realize(x);  // a pad of a pad is added to the net
    const Tensor& paddings = constantInput(node, 1, Tensor::Type::Int);
    if (paddings.shape != std::vector<int>{int(x->shape.size()), 2})
        throw BuildError("node " + node.name + ": paddings " + shapeText(paddings.shape) + " do not fit " + shapeText(x->shape));
    Value::PendingPad pending{x, {}, 0};
    if (node.op == "PadV2") {
        const Tensor& fill = constantInput(node, 2, Tensor::Type::Float);
        if (fill.elementCount() != 1) throw BuildError("node " + node.name + ": the pad value must be a scalar");
        pending.fill = fill.floats[0];
    }
    std::vector<long long> shape;
    for (size_t axis = 0; axis < x->shape.size(); ++axis) {
        const int before = paddings.ints[2 * axis], after = paddings.ints[2 * axis + 1];
        if (before < 0 || after < 0) throw BuildError("node " + node.name + ": negative padding is not supported");
        pending.pads.emplace_back(before, after);
        shape.push_back(0LL + x->shape[axis] + before + after);
    }
    auto result = std::make_shared<Value>();
    result->shape = fitShape(node.name, shape);
    result->pad = pending;
    values_[node.name] = result;
}

void Builder::maxPool(const TfjsNode& node)
{
    requireNhwc(node);
    const ValuePtr x = tensorInput(node, 0);
    if (x->shape.size() != 4) throw BuildError("node " + node.name + ": MaxPool needs a 4-D input");
    const auto window = spatial(node, "ksize");
    const auto stride = spatial(node, "strides");
    const std::array<int, 4> pads = windowPadding(node, x->shape[1], x->shape[2], window, stride);
    cv::dnn::LayerParams params;
    params.set("pool", "max");
    setWindow(params, window, stride, pads);
    params.set("ceil_mode", false);  // TF rounds output sizes down
    const long long outHeight = slidingOutput(x->shape[1], pads[0], pads[2], window.first, stride.first);
    const long long outWidth = slidingOutput(x->shape[2], pads[1], pads[3], window.second, stride.second);
    if (outHeight <= 0 || outWidth <= 0) throw BuildError("node " + node.name + ": the window is larger than the input");
    const std::vector<int> outShape = fitShape(node.name, {x->shape[0], outHeight, outWidth, x->shape[3]});
    const Pin in = arrange(x, {0, 3, 1, 2});
    values_[node.name] = newBlob(outShape,
                                  {addLayer(node.name, "Pooling", params, {in}), 0}, {0, 3, 1, 2});
}

int Builder::graphAxis(const TfjsNode& node, const Tensor& axis, size_t rank)
{
    if (axis.elementCount() != 1) throw BuildError("node " + node.name + ": the axis must be a scalar");
    const int a = axis.ints[0] < 0 ? axis.ints[0] + int(rank) : axis.ints[0];
    if (a < 0 || a >= int(rank)) throw BuildError("node " + node.name + ": axis " + std::to_string(axis.ints[0]) + " is out of range");
    return a;
}

int Builder::blobAxisOf(const Axes& blobAxes, int graphAxis)
{
    return int(std::find(blobAxes.begin(), blobAxes.end(), graphAxis) - blobAxes.begin());
}

void Builder::concat(const TfjsNode& node)
{
    if (node.inputs.size() < 2) throw BuildError("node " + node.name + ": ConcatV2 needs inputs and an axis");
    const size_t count = node.inputs.size() - 1;
    const ValuePtr first = tensorInput(node, 0);
    realize(first);
    const int axis = graphAxis(node, constantInput(node, count, Tensor::Type::Int), first->shape.size());
    std::vector<int> shape = first->shape;
    shape[size_t(axis)] = 0;
    long long along = 0;  // the result's size along the axis
    std::vector<Pin> pins;
    for (size_t k = 0; k < count; ++k) {
        const ValuePtr x = tensorInput(node, k);
        std::vector<int> expected = shape;
        expected[size_t(axis)] = x->shape.size() == shape.size() ? x->shape[size_t(axis)] : -1;
        if (x->shape != expected) throw BuildError("node " + node.name + ": input " + shapeText(x->shape) + " does not fit the others");
        along += x->shape[size_t(axis)];
        pins.push_back(arrange(x, first->blobAxes));
    }
    std::vector<long long> joined(shape.begin(), shape.end());
    joined[size_t(axis)] = along;
    cv::dnn::LayerParams params;
    params.set("axis", blobAxisOf(first->blobAxes, axis));
    values_[node.name] = newBlob(fitShape(node.name, joined), {addLayer(node.name, "Concat", params, pins), 0}, first->blobAxes);
}

void Builder::resizeBilinear(const TfjsNode& node)
{
    const ValuePtr x = tensorInput(node, 0);
    const Tensor& size = constantInput(node, 1, Tensor::Type::Int);
    if (x->shape.size() != 4 || size.elementCount() != 2 || size.ints[0] <= 0 || size.ints[1] <= 0)
        throw BuildError("node " + node.name + ": ResizeBilinear needs a 4-D input and a positive [height, width]");
    const TfjsAttr* alignCorners = attr(node, "align_corners");
    const TfjsAttr* halfPixel = attr(node, "half_pixel_centers");
    cv::dnn::LayerParams params;
    params.set("interpolation", "bilinear");
    params.set("height", size.ints[0]);
    params.set("width", size.ints[1]);
    params.set("align_corners", alignCorners && alignCorners->flag);
    params.set("half_pixel_centers", halfPixel && halfPixel->flag);
    const Pin in = arrange(x, {0, 3, 1, 2});
    values_[node.name] = newBlob(fitShape(node.name, {x->shape[0], size.ints[0], size.ints[1], x->shape[3]}),
                                  {addLayer(node.name, "Resize", params, {in}), 0}, {0, 3, 1, 2});
}

void Builder::splitV(const TfjsNode& node)
{
    const ValuePtr x = tensorInput(node, 0);
    realize(x);
    const Tensor& sizes = constantInput(node, 1, Tensor::Type::Int);
    const int axis = graphAxis(node, constantInput(node, 2, Tensor::Type::Int), x->shape.size());
    std::vector<long long> parts(sizes.ints.begin(), sizes.ints.end());
    const long long known = std::accumulate(parts.begin(), parts.end(), 0LL, [](long long sum, long long p) { return p < 0 ? sum : sum + p; });
    for (long long& part : parts)
        if (part < 0) part = x->shape[size_t(axis)] - known;
    if (parts.empty() || std::accumulate(parts.begin(), parts.end(), 0LL) != x->shape[size_t(axis)] ||
        std::any_of(parts.begin(), parts.end(), [](long long p) { return p <= 0; }))
        throw BuildError("node " + node.name + ": split sizes do not add up to " + shapeText(x->shape) + " along axis " + std::to_string(axis));
    std::vector<int> points;
    for (size_t k = 0, at = 0; k + 1 < parts.size(); ++k) points.push_back(int(at += size_t(parts[k])));
    cv::dnn::LayerParams params;
    params.set("axis", blobAxisOf(x->blobAxes, axis));
    params.set("slice_point", cv::dnn::DictValue::arrayInt(points.data(), int(points.size())));
    const int id = addLayer(node.name, "Slice", params, {x->pin});
    for (size_t k = 0; k < parts.size(); ++k) {
        std::vector<int> shape = x->shape;
        shape[size_t(axis)] = int(parts[k]);  // at most the input's size
        ValuePtr part = newBlob(shape, {id, int(k)}, x->blobAxes);
        values_[node.name + ":" + std::to_string(k)] = part;
        if (k == 0) values_[node.name] = part;
    }
}

void Builder::reshape(const TfjsNode& node)
{
    const ValuePtr x = tensorInput(node, 0);
    std::vector<int> shape = constantInput(node, 1, Tensor::Type::Int).ints;
    const std::optional<size_t> total = boundedElementCount(std::vector<long long>(x->shape.begin(), x->shape.end()));
    const auto unknown = std::count(shape.begin(), shape.end(), -1);
    std::vector<long long> knownDims;
    for (int dim : shape)
        if (dim != -1) knownDims.push_back(dim);
    const std::optional<size_t> known = boundedElementCount(knownDims);
    for (int& dim : shape)
        if (dim == -1 && known && *known && total) dim = int(*total / *known);
    const auto count = boundedElementCount(std::vector<long long>(shape.begin(), shape.end()));
    const bool valid = unknown <= 1 && total && count && *count == *total;
    if (!valid) throw BuildError("node " + node.name + ": cannot reshape " + shapeText(x->shape) + " to " + shapeText(shape));
    const Pin in = arrange(x, identityAxes(x->shape.size()));
    cv::dnn::LayerParams params;
    params.set("dim", cv::dnn::DictValue::arrayInt(shape.data(), int(shape.size())));
    values_[node.name] = newBlob(shape, {addLayer(node.name, "Reshape", params, {in}), 0}, identityAxes(shape.size()));
}

} // namespace pb::photo::tfjs_build
