// The builder's graph walk (depth first from the outputs) and its layer plumbing: inputs,
// layers, pending pads and the Permute layers that put a blob's axes in the order an op needs.
#include "core/photo/TfjsNetBuilder.h"

#include <algorithm>

namespace pb::photo::tfjs_build {

Builder::Builder(const TfjsGraph& graph) : graph_(graph)
{
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
        nodes_[graph.nodes[i].name] = &graph.nodes[i];
        for (const std::string& input : graph.nodes[i].inputs) consumers_[input.substr(0, input.find(':'))].push_back(&graph.nodes[i]);
    }
}

TfjsDnnNet Builder::build()
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

// Depth-first, so every input is built before the node that reads it.
void Builder::visit(const std::string& name)
{
    if (values_.count(name) || folded_.count(name)) return;
    if (!visiting_.insert(name).second) throw BuildError("the graph has a cycle through node " + name);
    const TfjsNode& node = *nodes_.at(name);
    for (const std::string& input : node.inputs) visit(input.substr(0, input.find(':')));
    visiting_.erase(name);
    if (!folded_.count(name)) buildNode(node);
}

ValuePtr Builder::input(const TfjsNode& node, size_t k) const
{
    if (k >= node.inputs.size()) throw BuildError("node " + node.name + " lacks input " + std::to_string(k));
    auto value = values_.find(node.inputs[k]);
    const std::string& name = node.inputs[k];
    if (value == values_.end() && name.size() > 2 && name.compare(name.size() - 2, 2, ":0") == 0)
        value = values_.find(name.substr(0, name.size() - 2));
    if (value == values_.end()) throw BuildError("node " + node.name + " reads missing output " + node.inputs[k]);
    return value->second;
}

const Tensor& Builder::constantInput(const TfjsNode& node, size_t k, Tensor::Type type) const
{
    const ValuePtr value = input(node, k);
    if (!value->constant || value->constant->type != type)
        throw BuildError("node " + node.name + ": input " + std::to_string(k) + " must be a constant " +
                         (type == Tensor::Type::Int ? "int" : "float") + " tensor");
    return *value->constant;
}

ValuePtr Builder::tensorInput(const TfjsNode& node, size_t k) const
{
    ValuePtr value = input(node, k);
    if (value->constant) throw BuildError("node " + node.name + ": input " + std::to_string(k) + " must not be a constant");
    return value;
}

const TfjsAttr* Builder::attr(const TfjsNode& node, const std::string& key)
{
    auto it = node.attrs.find(key);
    return it == node.attrs.end() ? nullptr : &it->second;
}

int Builder::addLayer(const std::string& name, const std::string& type, cv::dnn::LayerParams& params, const std::vector<Pin>& inputs)
{
    params.name = name;
    params.type = type;
    const int id = result_.net.addLayer(name, type, params);
    if (id < 0) throw BuildError("cv::dnn refused layer " + name + " (" + type + ")");
    for (size_t k = 0; k < inputs.size(); ++k) result_.net.connect(inputs[k].first, inputs[k].second, id, int(k));
    return id;
}

ValuePtr Builder::newBlob(std::vector<int> shape, Pin pin, Axes blobAxes)
{
    auto value = std::make_shared<Value>();
    value->shape = std::move(shape);
    value->pin = pin;
    value->blobAxes = std::move(blobAxes);
    return value;
}

// Adds a pending pad to the net.
void Builder::realize(const ValuePtr& value)
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
Pin Builder::arrange(const ValuePtr& value, const Axes& wanted)
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

std::string Builder::uniqueName(const std::string& kind)
{
    return "pb/" + kind + std::to_string(++extraLayers_);
}

void Builder::buildNode(const TfjsNode& node)
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
        {"SparseToDense", &Builder::sparseToDense}, {"_FusedConv2D", &Builder::conv2d},
        {"DepthwiseConv2dNative", &Builder::conv2d}, {"FusedDepthwiseConv2dNative", &Builder::conv2d},
        {"Mul", &Builder::mul},                 {"Relu", &Builder::relu},
        {"Relu6", &Builder::relu},              {"Mean", &Builder::mean}};
    auto handler = handlers.find(node.op);
    if (handler == handlers.end()) throw BuildError("unsupported op '" + node.op + "' (node " + node.name + ")");
    (this->*handler->second)(node);
}

} // namespace pb::photo::tfjs_build

namespace pb::photo {

std::optional<TfjsDnnNet> buildTfjsDnnNet(const TfjsGraph& graph, std::string* error)
{
    try {
        return tfjs_build::Builder(graph).build();
    } catch (const std::exception& e) {  // BuildError, or cv::Exception from a layer's parameters
        if (error) *error = e.what();
        return std::nullopt;
    }
}

TfjsDnnNet buildCpuTfjsDnnNet(const TfjsGraph& graph)
{
    std::string error;
    std::optional<TfjsDnnNet> net = buildTfjsDnnNet(graph, &error);
    if (!net) throw std::runtime_error(error);
    net->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    return std::move(*net);
}

} // namespace pb::photo
