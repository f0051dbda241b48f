#include "core/photo/TfjsDnnNet.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <stdexcept>

namespace pb::photo {

namespace {

struct BuildError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using Axes = std::vector<int>;
using Pin = std::pair<int, int>;  // layer id, output index

Axes identityAxes(size_t rank)
{
    Axes axes(rank);
    for (size_t i = 0; i < rank; ++i) axes[i] = int(i);
    return axes;
}

Axes inverse(const Axes& axes)
{
    Axes result(axes.size());
    for (size_t i = 0; i < axes.size(); ++i) result[size_t(axes[i])] = int(i);
    return result;
}

std::string shapeText(const std::vector<int>& shape)
{
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i) text += (i ? "," : "") + std::to_string(shape[i]);
    return text + "]";
}

struct Value;
using ValuePtr = std::shared_ptr<Value>;

// One graph tensor: a folded constant, or a blob in the net whose axes hold the graph's axes in
// the order `blobAxes`, or a pad not yet added to the net (a convolution may absorb it).
struct Value {
    std::optional<Tensor> constant;
    std::vector<int> shape;  // graph shape
    Pin pin{-1, 0};
    Axes blobAxes;  // blob axis i holds graph axis blobAxes[i]
    struct PendingPad {
        ValuePtr source;
        std::vector<std::pair<int, int>> pads;  // before/after per graph axis
        float fill = 0;
    };
    std::optional<PendingPad> pad;
    std::map<Axes, Pin> arranged;  // Permute layers already added for this value
};

class Builder {
public:
    explicit Builder(const TfjsGraph& graph) : graph_(graph)
    {
        for (size_t i = 0; i < graph.nodes.size(); ++i) {
            nodes_[graph.nodes[i].name] = &graph.nodes[i];
            for (const std::string& input : graph.nodes[i].inputs) consumers_[input.substr(0, input.find(':'))].push_back(&graph.nodes[i]);
        }
    }

    TfjsDnnNet build()
    {
        for (const std::string& output : graph_.outputs) visit(output);
        if (result_.inputShape.empty()) throw BuildError("the graph's outputs do not depend on an input");
        for (const std::string& output : graph_.outputs) {
            const ValuePtr& value = values_.at(output);
            if (value->constant) throw BuildError("output " + output + " is a constant");
            const Pin pin = arrange(value, identityAxes(value->shape.size()));
            cv::dnn::LayerParams params;
            const std::string name = "output/" + output;
            addLayer(name, "Identity", params, {pin});
            result_.outputLayers.push_back(name);
            result_.outputShapes.push_back(value->shape);
        }
        return std::move(result_);
    }

private:
    // Depth-first, so every input is built before the node that reads it.
    void visit(const std::string& name)
    {
        if (values_.count(name) || folded_.count(name)) return;
        if (!visiting_.insert(name).second) throw BuildError("the graph has a cycle through node " + name);
        const TfjsNode& node = *nodes_.at(name);
        for (const std::string& input : node.inputs) visit(input.substr(0, input.find(':')));
        visiting_.erase(name);
        if (!folded_.count(name)) buildNode(node);
    }

    ValuePtr input(const TfjsNode& node, size_t k) const
    {
        if (k >= node.inputs.size()) throw BuildError("node " + node.name + " lacks input " + std::to_string(k));
        auto value = values_.find(node.inputs[k]);
        const std::string& name = node.inputs[k];
        if (value == values_.end() && name.size() > 2 && name.compare(name.size() - 2, 2, ":0") == 0)
            value = values_.find(name.substr(0, name.size() - 2));
        if (value == values_.end()) throw BuildError("node " + node.name + " reads missing output " + node.inputs[k]);
        return value->second;
    }

    const Tensor& constantInput(const TfjsNode& node, size_t k, Tensor::Type type) const
    {
        const ValuePtr value = input(node, k);
        if (!value->constant || value->constant->type != type)
            throw BuildError("node " + node.name + ": input " + std::to_string(k) + " must be a constant " +
                             (type == Tensor::Type::Int ? "int" : "float") + " tensor");
        return *value->constant;
    }

    ValuePtr tensorInput(const TfjsNode& node, size_t k) const
    {
        ValuePtr value = input(node, k);
        if (value->constant) throw BuildError("node " + node.name + ": input " + std::to_string(k) + " must not be a constant");
        return value;
    }

    static const TfjsAttr* attr(const TfjsNode& node, const std::string& key)
    {
        auto it = node.attrs.find(key);
        return it == node.attrs.end() ? nullptr : &it->second;
    }

    int addLayer(const std::string& name, const std::string& type, cv::dnn::LayerParams& params, const std::vector<Pin>& inputs)
    {
        params.name = name;
        params.type = type;
        const int id = result_.net.addLayer(name, type, params);
        if (id < 0) throw BuildError("cv::dnn refused layer " + name + " (" + type + ")");
        for (size_t k = 0; k < inputs.size(); ++k) result_.net.connect(inputs[k].first, inputs[k].second, id, int(k));
        return id;
    }

    ValuePtr newBlob(std::vector<int> shape, Pin pin, Axes blobAxes)
    {
        auto value = std::make_shared<Value>();
        value->shape = std::move(shape);
        value->pin = pin;
        value->blobAxes = std::move(blobAxes);
        return value;
    }

    // Adds a pending pad to the net.
    void realize(const ValuePtr& value)
    {
        if (!value->pad) return;
        const Value::PendingPad pad = *value->pad;
        realize(pad.source);
        std::vector<int> paddings;
        for (int axis : pad.source->blobAxes) {
            paddings.push_back(pad.pads[size_t(axis)].first);
            paddings.push_back(pad.pads[size_t(axis)].second);
        }
        cv::dnn::LayerParams params;
        params.set("paddings", cv::dnn::DictValue::arrayInt(paddings.data(), int(paddings.size())));
        params.set("value", pad.fill);
        params.set("type", "constant");
        value->pin = {addLayer(uniqueName("pad"), "Padding", params, {pad.source->pin}), 0};
        value->blobAxes = pad.source->blobAxes;
        value->pad.reset();
    }

    // The value's blob with its axes in the order `wanted` (graph axes), permuting if needed.
    Pin arrange(const ValuePtr& value, const Axes& wanted)
    {
        realize(value);
        if (value->blobAxes == wanted) return value->pin;
        auto done = value->arranged.find(wanted);
        if (done != value->arranged.end()) return done->second;
        const Axes whereIs = inverse(value->blobAxes);
        std::vector<int> order;
        for (int axis : wanted) order.push_back(whereIs[size_t(axis)]);
        cv::dnn::LayerParams params;
        params.set("order", cv::dnn::DictValue::arrayInt(order.data(), int(order.size())));
        const Pin pin{addLayer(uniqueName("permute"), "Permute", params, {value->pin}), 0};
        value->arranged[wanted] = pin;
        return pin;
    }

    std::string uniqueName(const std::string& kind) { return "pb/" + kind + std::to_string(++extraLayers_); }

    void buildNode(const TfjsNode& node)
    {
        static const std::map<std::string, void (Builder::*)(const TfjsNode&)> handlers = {
            {"Placeholder", &Builder::placeholder}, {"Const", &Builder::constant},
            {"Identity", &Builder::identity},       {"Transpose", &Builder::transpose},
            {"Conv2D", &Builder::conv2d},           {"Add", &Builder::add},
            {"AddV2", &Builder::add},               {"LeakyRelu", &Builder::leakyRelu},
            {"Sigmoid", &Builder::sigmoid},         {"Pad", &Builder::pad},
            {"PadV2", &Builder::pad},               {"MaxPool", &Builder::maxPool},
            {"ConcatV2", &Builder::concat},         {"ResizeBilinear", &Builder::resizeBilinear},
            {"SplitV", &Builder::splitV},           {"Reshape", &Builder::reshape},
            {"SparseToDense", &Builder::sparseToDense}};
        auto handler = handlers.find(node.op);
        if (handler == handlers.end()) throw BuildError("unsupported op '" + node.op + "' (node " + node.name + ")");
        (this->*handler->second)(node);
    }

    void placeholder(const TfjsNode& node)
    {
        if (!result_.inputShape.empty()) throw BuildError("the graph has more than one input");
        const TfjsAttr* shape = attr(node, "shape");
        if (!shape || shape->ints.empty()) throw BuildError("input " + node.name + " has no shape");
        for (long long dim : shape->ints) {
            if (dim <= 0) throw BuildError("input " + node.name + " has an unknown dimension");
            result_.inputShape.push_back(int(dim));
        }
        result_.net.setInputsNames({node.name});
        values_[node.name] = newBlob(result_.inputShape, {0, 0}, identityAxes(result_.inputShape.size()));
    }

    void constant(const TfjsNode& node)
    {
        auto value = std::make_shared<Value>();
        value->constant = graph_.constants.at(node.name);
        value->shape = value->constant->shape;
        values_[node.name] = value;
    }

    void identity(const TfjsNode& node) { values_[node.name] = input(node, 0); }

    ValuePtr transposed(const ValuePtr& value, const Axes& perm)
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

    void transpose(const TfjsNode& node)
    {
        const ValuePtr x = tensorInput(node, 0);
        const Tensor& perm = constantInput(node, 1, Tensor::Type::Int);
        Axes sorted = perm.ints;
        std::sort(sorted.begin(), sorted.end());
        if (sorted != identityAxes(x->shape.size())) throw BuildError("node " + node.name + ": the permutation does not fit the tensor");
        values_[node.name] = transposed(x, perm.ints);
    }

    static void requireNhwc(const TfjsNode& node)
    {
        const TfjsAttr* format = attr(node, "data_format");
        if (format && format->text != "NHWC") throw BuildError("node " + node.name + ": data format " + format->text + " is not supported");
    }

    // Two spatial attributes of a 4-D NHWC op (strides, dilations, ksize): [1, h, w, 1].
    static std::pair<int, int> spatial(const TfjsNode& node, const std::string& key)
    {
        const TfjsAttr* value = attr(node, key);
        if (!value) return {1, 1};
        if (value->ints.size() != 4 || value->ints[0] != 1 || value->ints[3] != 1 || value->ints[1] < 1 || value->ints[2] < 1)
            throw BuildError("node " + node.name + ": " + key + " must be [1,h,w,1]");
        return {int(value->ints[1]), int(value->ints[2])};
    }

    // TensorFlow's VALID/SAME padding as {top, left, bottom, right}.
    static std::array<int, 4> windowPadding(const TfjsNode& node, int height, int width, std::pair<int, int> window,
                                            std::pair<int, int> stride)
    {
        const TfjsAttr* padding = attr(node, "padding");
        const std::string mode = padding ? padding->text : "VALID";
        if (mode == "VALID") return {0, 0, 0, 0};
        if (mode != "SAME") throw BuildError("node " + node.name + ": padding " + mode + " is not supported");
        const auto total = [](int size, int extent, int step) {
            const int out = (size + step - 1) / step;
            return std::max((out - 1) * step + extent - size, 0);
        };
        const int vertical = total(height, window.first, stride.first), horizontal = total(width, window.second, stride.second);
        return {vertical / 2, horizontal / 2, vertical - vertical / 2, horizontal - horizontal / 2};
    }

    // A sliding window's size, step and {top, left, bottom, right} padding, as cv::dnn names them.
    static void setWindow(cv::dnn::LayerParams& params, std::pair<int, int> size, std::pair<int, int> stride,
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

    // The Add that adds a [channels] constant to this convolution's only output, if there is one.
    const TfjsNode* biasAdd(const TfjsNode& conv, int channels)
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

    void conv2d(const TfjsNode& node)
    {
        requireNhwc(node);
        ValuePtr x = tensorInput(node, 0);
        const Tensor& filter = constantInput(node, 1, Tensor::Type::Float);
        if (x->shape.size() != 4 || filter.shape.size() != 4) throw BuildError("node " + node.name + ": Conv2D needs 4-D input and filter");
        const int kh = filter.shape[0], kw = filter.shape[1], inPerGroup = filter.shape[2], outChannels = filter.shape[3];
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
        const std::pair<int, int> extent{(kh - 1) * dilation.first + 1, (kw - 1) * dilation.second + 1};
        if (attr(node, "padding") && attr(node, "padding")->text == "SAME") {
            if (dilation != std::pair{1, 1}) throw BuildError("node " + node.name + ": SAME padding with dilation is not supported");
            pads = windowPadding(node, height, width, extent, stride);
        }
        if (inPerGroup <= 0 || channels % inPerGroup != 0)
            throw BuildError("node " + node.name + ": filter " + shapeText(filter.shape) + " does not fit input " + shapeText(x->shape));
        const int outHeight = (height + pads[0] + pads[2] - extent.first) / stride.first + 1;
        const int outWidth = (width + pads[1] + pads[3] - extent.second) / stride.second + 1;
        if (outHeight <= 0 || outWidth <= 0) throw BuildError("node " + node.name + ": the filter is larger than the input");

        cv::dnn::LayerParams params;
        setWindow(params, {kh, kw}, stride, pads);
        params.set("dilation_h", dilation.first);
        params.set("dilation_w", dilation.second);
        params.set("num_output", outChannels);
        params.set("group", channels / inPerGroup);
        // TF's HWIO filter as cv::dnn's OIHW.
        const int weightShape[] = {outChannels, inPerGroup, kh, kw};
        cv::Mat weights(4, weightShape, CV_32F);
        float* w = weights.ptr<float>();
        for (int o = 0; o < outChannels; ++o)
            for (int i = 0; i < inPerGroup; ++i)
                for (int y = 0; y < kh; ++y)
                    for (int xx = 0; xx < kw; ++xx)
                        *w++ = filter.floats[((size_t(y) * kw + xx) * inPerGroup + i) * outChannels + o];
        params.blobs.push_back(weights);
        const TfjsNode* add = biasAdd(node, outChannels);
        params.set("bias_term", add != nullptr);
        if (add) params.blobs.push_back(cv::Mat(values_.at(add->inputs[1])->constant->floats, true).reshape(1, 1));

        const Pin in = arrange(x, {0, 3, 1, 2});
        const Pin out{addLayer(node.name, "Convolution", params, {in}), 0};
        ValuePtr result = newBlob({x->shape[0], outHeight, outWidth, outChannels}, out, {0, 3, 1, 2});
        values_[node.name] = result;
        if (add) {
            values_[add->name] = result;
            folded_.insert(add->name);
        }
    }

    void add(const TfjsNode& node)
    {
        if (input(node, 0)->constant && input(node, 1)->constant) return foldAdd(node);
        const ValuePtr a = tensorInput(node, 0), b = tensorInput(node, 1);
        if (a->shape != b->shape)
            throw BuildError("node " + node.name + ": adding " + shapeText(a->shape) + " and " + shapeText(b->shape) +
                             " (only equal shapes, or a convolution's bias, are supported)");
        realize(a);
        const Pin first = a->pin;
        const Pin second = arrange(b, a->blobAxes);
        cv::dnn::LayerParams params;
        params.set("operation", "sum");
        values_[node.name] = newBlob(a->shape, {addLayer(node.name, "Eltwise", params, {first, second}), 0}, a->blobAxes);
    }

    void unary(const TfjsNode& node, const std::string& type, cv::dnn::LayerParams& params)
    {
        const ValuePtr x = tensorInput(node, 0);
        realize(x);
        values_[node.name] = newBlob(x->shape, {addLayer(node.name, type, params, {x->pin}), 0}, x->blobAxes);
    }

    void leakyRelu(const TfjsNode& node)
    {
        cv::dnn::LayerParams params;
        const TfjsAttr* alpha = attr(node, "alpha");
        params.set("negative_slope", alpha ? alpha->number : 0.2);  // TF's default alpha
        unary(node, "ReLU", params);
    }

    void sigmoid(const TfjsNode& node)
    {
        cv::dnn::LayerParams params;
        unary(node, "Sigmoid", params);
    }

    void pad(const TfjsNode& node)
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
        auto result = std::make_shared<Value>();
        for (size_t axis = 0; axis < x->shape.size(); ++axis) {
            const int before = paddings.ints[2 * axis], after = paddings.ints[2 * axis + 1];
            if (before < 0 || after < 0) throw BuildError("node " + node.name + ": negative padding is not supported");
            pending.pads.emplace_back(before, after);
            result->shape.push_back(x->shape[axis] + before + after);
        }
        result->pad = pending;
        values_[node.name] = result;
    }

    void maxPool(const TfjsNode& node)
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
        const int outHeight = (x->shape[1] + pads[0] + pads[2] - window.first) / stride.first + 1;
        const int outWidth = (x->shape[2] + pads[1] + pads[3] - window.second) / stride.second + 1;
        const Pin in = arrange(x, {0, 3, 1, 2});
        values_[node.name] = newBlob({x->shape[0], outHeight, outWidth, x->shape[3]},
                                      {addLayer(node.name, "Pooling", params, {in}), 0}, {0, 3, 1, 2});
    }

    static int graphAxis(const TfjsNode& node, const Tensor& axis, size_t rank)
    {
        if (axis.elementCount() != 1) throw BuildError("node " + node.name + ": the axis must be a scalar");
        const int a = axis.ints[0] < 0 ? axis.ints[0] + int(rank) : axis.ints[0];
        if (a < 0 || a >= int(rank)) throw BuildError("node " + node.name + ": axis " + std::to_string(axis.ints[0]) + " is out of range");
        return a;
    }

    static int blobAxisOf(const Axes& blobAxes, int graphAxis)
    {
        return int(std::find(blobAxes.begin(), blobAxes.end(), graphAxis) - blobAxes.begin());
    }

    void concat(const TfjsNode& node)
    {
        if (node.inputs.size() < 2) throw BuildError("node " + node.name + ": ConcatV2 needs inputs and an axis");
        const size_t count = node.inputs.size() - 1;
        const ValuePtr first = tensorInput(node, 0);
        realize(first);
        const int axis = graphAxis(node, constantInput(node, count, Tensor::Type::Int), first->shape.size());
        std::vector<int> shape = first->shape;
        shape[size_t(axis)] = 0;
        std::vector<Pin> pins;
        for (size_t k = 0; k < count; ++k) {
            const ValuePtr x = tensorInput(node, k);
            std::vector<int> expected = shape;
            expected[size_t(axis)] = x->shape.size() == shape.size() ? x->shape[size_t(axis)] : -1;
            if (x->shape != expected) throw BuildError("node " + node.name + ": input " + shapeText(x->shape) + " does not fit the others");
            shape[size_t(axis)] += x->shape[size_t(axis)];
            pins.push_back(arrange(x, first->blobAxes));
        }
        cv::dnn::LayerParams params;
        params.set("axis", blobAxisOf(first->blobAxes, axis));
        values_[node.name] = newBlob(shape, {addLayer(node.name, "Concat", params, pins), 0}, first->blobAxes);
    }

    void resizeBilinear(const TfjsNode& node)
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
        values_[node.name] = newBlob({x->shape[0], size.ints[0], size.ints[1], x->shape[3]},
                                      {addLayer(node.name, "Resize", params, {in}), 0}, {0, 3, 1, 2});
    }

    void splitV(const TfjsNode& node)
    {
        const ValuePtr x = tensorInput(node, 0);
        realize(x);
        const Tensor& sizes = constantInput(node, 1, Tensor::Type::Int);
        const int axis = graphAxis(node, constantInput(node, 2, Tensor::Type::Int), x->shape.size());
        std::vector<int> parts = sizes.ints;
        const int known = std::accumulate(parts.begin(), parts.end(), 0, [](int sum, int p) { return p < 0 ? sum : sum + p; });
        for (int& part : parts)
            if (part < 0) part = x->shape[size_t(axis)] - known;
        if (parts.empty() || std::accumulate(parts.begin(), parts.end(), 0) != x->shape[size_t(axis)] ||
            std::any_of(parts.begin(), parts.end(), [](int p) { return p <= 0; }))
            throw BuildError("node " + node.name + ": split sizes do not add up to " + shapeText(x->shape) + " along axis " + std::to_string(axis));
        std::vector<int> points;
        for (size_t k = 0, at = 0; k + 1 < parts.size(); ++k) points.push_back(int(at += size_t(parts[k])));
        cv::dnn::LayerParams params;
        params.set("axis", blobAxisOf(x->blobAxes, axis));
        params.set("slice_point", cv::dnn::DictValue::arrayInt(points.data(), int(points.size())));
        const int id = addLayer(node.name, "Slice", params, {x->pin});
        for (size_t k = 0; k < parts.size(); ++k) {
            std::vector<int> shape = x->shape;
            shape[size_t(axis)] = parts[k];
            ValuePtr part = newBlob(shape, {id, int(k)}, x->blobAxes);
            values_[node.name + ":" + std::to_string(k)] = part;
            if (k == 0) values_[node.name] = part;
        }
    }

    void reshape(const TfjsNode& node)
    {
        const ValuePtr x = tensorInput(node, 0);
        std::vector<int> shape = constantInput(node, 1, Tensor::Type::Int).ints;
        const size_t total = std::accumulate(x->shape.begin(), x->shape.end(), size_t(1), std::multiplies<size_t>());
        const auto unknown = std::count(shape.begin(), shape.end(), -1);
        size_t known = 1;
        for (int dim : shape) known *= dim < 0 ? 1 : size_t(dim);
        for (int& dim : shape)
            if (dim == -1 && known) dim = int(total / known);
        const bool valid = unknown <= 1 && std::all_of(shape.begin(), shape.end(), [](int d) { return d >= 0; }) &&
                           std::accumulate(shape.begin(), shape.end(), size_t(1), std::multiplies<size_t>()) == total;
        if (!valid) throw BuildError("node " + node.name + ": cannot reshape " + shapeText(x->shape) + " to " + shapeText(shape));
        const Pin in = arrange(x, identityAxes(x->shape.size()));
        cv::dnn::LayerParams params;
        params.set("dim", cv::dnn::DictValue::arrayInt(shape.data(), int(shape.size())));
        values_[node.name] = newBlob(shape, {addLayer(node.name, "Reshape", params, {in}), 0}, identityAxes(shape.size()));
    }

    // Constant folding: SparseToDense and Add on constants build the reshape shapes.
    void sparseToDense(const TfjsNode& node)
    {
        const Tensor& indices = constantInput(node, 0, Tensor::Type::Int);
        const Tensor& outputShape = constantInput(node, 1, Tensor::Type::Int);
        const ValuePtr values = input(node, 2), fill = input(node, 3);
        if (!values->constant || !fill->constant || values->constant->type != fill->constant->type || fill->constant->elementCount() != 1)
            throw BuildError("node " + node.name + ": SparseToDense needs constant values and a scalar default of one type");
        Tensor result;
        result.type = fill->constant->type;
        result.shape = outputShape.ints;
        if (std::any_of(result.shape.begin(), result.shape.end(), [](int d) { return d < 0; }))
            throw BuildError("node " + node.name + ": negative output dimension");
        const size_t count = result.elementCount();
        result.floats.assign(result.type == Tensor::Type::Float ? count : 0, fill->constant->floats.empty() ? 0 : fill->constant->floats[0]);
        result.ints.assign(result.type == Tensor::Type::Int ? count : 0, fill->constant->ints.empty() ? 0 : fill->constant->ints[0]);
        const size_t rank = result.shape.size();
        const size_t entries = indices.shape.empty() ? 1 : size_t(indices.shape[0]);
        if (indices.elementCount() != entries * std::max<size_t>(rank, 1))
            throw BuildError("node " + node.name + ": indices " + shapeText(indices.shape) + " do not fit the output rank");
        for (size_t e = 0; e < entries; ++e) {
            size_t flat = 0;
            for (size_t d = 0; d < rank; ++d) {
                const int index = indices.ints[e * rank + d];
                if (index < 0 || index >= result.shape[d]) throw BuildError("node " + node.name + ": index out of range");
                flat = flat * size_t(result.shape[d]) + size_t(index);
            }
            const size_t source = values->constant->elementCount() == 1 ? 0 : e;
            if (source >= values->constant->elementCount()) throw BuildError("node " + node.name + ": fewer values than indices");
            if (result.type == Tensor::Type::Float)
                result.floats[flat] = values->constant->floats[source];
            else
                result.ints[flat] = values->constant->ints[source];
        }
        auto value = std::make_shared<Value>();
        value->shape = result.shape;
        value->constant = std::move(result);
        values_[node.name] = value;
    }

    void foldAdd(const TfjsNode& node)
    {
        const Tensor& a = *input(node, 0)->constant;
        const Tensor& b = *input(node, 1)->constant;
        if (a.type != b.type) throw BuildError("node " + node.name + ": adding constants of different types");
        const bool bScalar = b.elementCount() == 1, aScalar = a.elementCount() == 1;
        if (a.shape != b.shape && !aScalar && !bScalar)
            throw BuildError("node " + node.name + ": adding constants " + shapeText(a.shape) + " and " + shapeText(b.shape));
        Tensor result = aScalar && !bScalar ? b : a;
        const Tensor& other = aScalar && !bScalar ? a : b;
        const bool otherScalar = other.elementCount() == 1 && result.elementCount() != 1;
        for (size_t i = 0; i < result.elementCount(); ++i) {
            if (result.type == Tensor::Type::Float)
                result.floats[i] += other.floats[otherScalar ? 0 : i];
            else
                result.ints[i] += other.ints[otherScalar ? 0 : i];
        }
        auto value = std::make_shared<Value>();
        value->shape = result.shape;
        value->constant = std::move(result);
        values_[node.name] = value;
    }

    const TfjsGraph& graph_;
    std::map<std::string, const TfjsNode*> nodes_;
    std::map<std::string, std::vector<const TfjsNode*>> consumers_;
    std::map<std::string, ValuePtr> values_;  // "node" and "node:k"
    std::set<std::string> folded_;            // bias Adds absorbed by their convolution
    std::set<std::string> visiting_;
    int extraLayers_ = 0;
    TfjsDnnNet result_;
};

} // namespace

std::optional<TfjsDnnNet> buildTfjsDnnNet(const TfjsGraph& graph, std::string* error)
{
    try {
        return Builder(graph).build();
    } catch (const std::exception& e) {  // BuildError, or cv::Exception from a layer's parameters
        if (error) *error = e.what();
        return std::nullopt;
    }
}

} // namespace pb::photo
