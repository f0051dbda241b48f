#include "core/photo/TfjsGraph.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>
#include <set>
#include <stdexcept>

namespace pb::photo {

namespace {

struct ModelError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string str(const QString& text) { return text.toStdString(); }

TfjsAttr parseAttr(const QJsonObject& value)
{
    TfjsAttr attr;
    if (value.contains("list")) {
        for (const QJsonValue& i : value["list"].toObject()["i"].toArray())
            attr.ints.push_back(i.toString().toLongLong());
        for (const QJsonValue& s : value["list"].toObject()["s"].toArray())
            attr.texts.push_back(QByteArray::fromBase64(s.toString().toLatin1()).toStdString());
    }
    if (value.contains("i")) attr.ints.push_back(value["i"].toString().toLongLong());
    if (value.contains("f")) attr.number = value["f"].toDouble();
    if (value.contains("s")) attr.text = QByteArray::fromBase64(value["s"].toString().toLatin1()).toStdString();
    if (value.contains("b")) attr.flag = value["b"].toBool();
    for (const QJsonValue& dim : value["shape"].toObject()["dim"].toArray())  // a Placeholder's shape
        attr.ints.push_back(dim.toObject()["size"].toString("-1").toLongLong());
    return attr;
}

TfjsNode parseNode(const QJsonValue& value)
{
    const QJsonObject object = value.toObject();
    TfjsNode node;
    node.name = str(object["name"].toString());
    node.op = str(object["op"].toString());
    if (node.name.empty() || node.op.empty()) throw ModelError("a node without a name or op");
    for (const QJsonValue& input : object["input"].toArray()) {
        const std::string name = str(input.toString());
        if (name.empty() || name[0] == '^') throw ModelError("node " + node.name + " has a control or empty input");
        node.inputs.push_back(name);
    }
    const QJsonObject attrs = object["attr"].toObject();
    for (auto it = attrs.begin(); it != attrs.end(); ++it)
        node.attrs[str(it.key())] = parseAttr(it.value().toObject());
    return node;
}

std::vector<int> parseShape(const QJsonArray& dims, const std::string& owner)
{
    std::vector<int> shape;
    for (const QJsonValue& dim : dims) {
        const double size = dim.toDouble(-1);
        if (size < 0 || size > (1 << 24) || size != int(size)) throw ModelError("weight " + owner + " has an invalid shape");
        shape.push_back(int(size));
    }
    if (!boundedElementCount(std::vector<long long>(shape.begin(), shape.end())))
        throw ModelError("weight " + owner + " has more than " + std::to_string(kMaxTensorElements) + " elements");
    return shape;
}

class WeightReader {
public:
    explicit WeightReader(const std::string& bytes) : bytes_(bytes) {}

    Tensor read(const QJsonObject& entry)
    {
        const std::string name = str(entry["name"].toString());
        Tensor tensor;
        tensor.shape = parseShape(entry["shape"].toArray(), name);
        const size_t count = tensor.elementCount();
        const std::string dtype = str(entry["dtype"].toString());
        const std::string stored = entry.contains("quantization") ? str(entry["quantization"].toObject()["dtype"].toString()) : dtype;
        if (dtype == "float32" && stored == "float16") {
            const unsigned char* data = take(count * 2, name);
            tensor.floats.reserve(count);
            for (size_t i = 0; i < count; ++i)
                tensor.floats.push_back(float16ToFloat32(static_cast<unsigned short>(data[2 * i] | data[2 * i + 1] << 8)));
        } else if (dtype == "float32" && stored == "float32") {
            copyInto(tensor.floats, count, name);
        } else if (dtype == "int32" && stored == "int32") {
            tensor.type = Tensor::Type::Int;
            copyInto(tensor.ints, count, name);
        } else {
            throw ModelError("weight " + name + " is stored as " + stored + " for " + dtype + ", which the importer does not read");
        }
        return tensor;
    }

    void expectEnd() const
    {
        if (offset_ != bytes_.size())
            throw ModelError("the weight file has " + std::to_string(bytes_.size()) + " bytes but the manifest describes " +
                             std::to_string(offset_));
    }

private:
    // 4-byte little-endian elements, as this (x86-64) machine stores them.
    template <typename T>
    void copyInto(std::vector<T>& target, size_t count, const std::string& name)
    {
        static_assert(sizeof(T) == 4);
        target.resize(count);
        const unsigned char* data = take(count * 4, name);
        if (count > 0) std::memcpy(target.data(), data, count * 4);  // an empty tensor has no data pointer
    }

    const unsigned char* take(size_t size, const std::string& name)
    {
        if (bytes_.size() - offset_ < size)
            throw ModelError("the weight file ends inside weight " + name + " (has " + std::to_string(bytes_.size()) +
                             " bytes, truncated?)");
        const auto* data = reinterpret_cast<const unsigned char*>(bytes_.data()) + offset_;
        offset_ += size;
        return data;
    }

    const std::string& bytes_;
    size_t offset_ = 0;
};

// The weight manifest lists tensors in file order; the JSON holds one weight group (one file).
std::map<std::string, Tensor> parseWeights(const QJsonArray& manifest, const std::string& weights)
{
    if (manifest.size() != 1 || manifest[0].toObject()["paths"].toArray().size() != 1)
        throw ModelError("the weights manifest must describe exactly one weight file");
    WeightReader reader(weights);
    std::map<std::string, Tensor> tensors;
    for (const QJsonValue& entry : manifest[0].toObject()["weights"].toArray()) {
        const std::string name = str(entry.toObject()["name"].toString());
        if (!tensors.emplace(name, reader.read(entry.toObject())).second) throw ModelError("weight " + name + " is listed twice");
    }
    reader.expectEnd();
    return tensors;
}

std::string nodeNameOf(const std::string& input) { return input.substr(0, input.find(':')); }

void checkReferences(const TfjsGraph& graph)
{
    std::set<std::string> names;
    for (const TfjsNode& node : graph.nodes)
        if (!names.insert(node.name).second) throw ModelError("two nodes are named " + node.name);
    for (const TfjsNode& node : graph.nodes)
        for (const std::string& input : node.inputs)
            if (!names.count(nodeNameOf(input))) throw ModelError("node " + node.name + " reads unknown node " + input);
    for (const std::string& output : graph.outputs)
        if (!names.count(output)) throw ModelError("the signature returns unknown node " + output);
}

// Keeps only the nodes the outputs depend on, in file order: what only the other outputs need is
// never looked at (CenterNet's box decoding).
void keepNeededNodes(TfjsGraph& graph)
{
    std::map<std::string, const TfjsNode*> byName;
    for (const TfjsNode& node : graph.nodes) byName[node.name] = &node;
    std::set<std::string> needed;
    std::vector<std::string> pending = graph.outputs;
    while (!pending.empty()) {
        const std::string name = pending.back();
        pending.pop_back();
        if (!needed.insert(name).second) continue;
        for (const std::string& input : byName.at(name)->inputs) pending.push_back(nodeNameOf(input));
    }
    std::vector<TfjsNode> kept;
    for (TfjsNode& node : graph.nodes)
        if (needed.count(node.name)) kept.push_back(std::move(node));
    graph.nodes = std::move(kept);
}

void checkOps(const TfjsGraph& graph)
{
    const std::vector<std::string>& known = supportedTfjsOps();
    for (const TfjsNode& node : graph.nodes)
        if (std::find(known.begin(), known.end(), node.op) == known.end())
            throw ModelError("unsupported op '" + node.op + "' (node " + node.name + ")");
}

} // namespace

std::optional<size_t> boundedElementCount(const std::vector<long long>& shape)
{
    long long count = 1;
    for (long long dim : shape) {
        if (dim < 0 || dim > kMaxTensorElements) return std::nullopt;
        count *= dim;  // both factors are at most 2^26
        if (count > kMaxTensorElements) return std::nullopt;
    }
    return size_t(count);
}

size_t Tensor::elementCount() const
{
    size_t count = 1;
    for (int dim : shape) count *= size_t(dim);
    return count;
}

const std::vector<std::string>& supportedTfjsOps()
{
    static const std::vector<std::string> ops = {"Placeholder", "Const",     "Identity",  "Conv2D",         "Pad",
                                                 "PadV2",       "LeakyRelu", "Add",       "AddV2",          "Transpose",
                                                 "ConcatV2",    "ResizeBilinear", "SplitV", "Sigmoid",     "Reshape",
                                                 "MaxPool",     "SparseToDense", "_FusedConv2D", "DepthwiseConv2dNative",
                                                 "FusedDepthwiseConv2dNative", "Mul", "Relu", "Relu6", "Mean"};
    return ops;
}

std::optional<TfjsGraph> parseTfjsGraph(const std::string& modelJson, const std::string& weights, std::string* error,
                                        const std::vector<std::string>& outputs)
{
    try {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(modelJson), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            throw ModelError("the model JSON is malformed: " + str(parseError.errorString()) + " at offset " +
                             std::to_string(parseError.offset));
        const QJsonObject root = document.object();
        if (root["format"].toString() != "graph-model") throw ModelError("the model JSON is not a TF.js graph model");
        TfjsGraph graph;
        for (const QJsonValue& node : root["modelTopology"].toObject()["node"].toArray())
            graph.nodes.push_back(parseNode(node));
        if (graph.nodes.empty()) throw ModelError("the model JSON has no nodes");
        const QJsonObject signature = root["signature"].toObject()["outputs"].toObject();
        for (auto it = signature.begin(); it != signature.end(); ++it)
            graph.outputs.push_back(nodeNameOf(str(it.value().toObject()["name"].toString())));
        if (!outputs.empty()) graph.outputs = outputs;
        if (graph.outputs.empty()) throw ModelError("the model's signature names no outputs");
        std::sort(graph.outputs.begin(), graph.outputs.end());
        checkReferences(graph);
        if (!outputs.empty()) keepNeededNodes(graph);
        checkOps(graph);

        std::map<std::string, Tensor> tensors = parseWeights(root["weightsManifest"].toArray(), weights);
        for (const TfjsNode& node : graph.nodes) {
            if (node.op != "Const") continue;
            auto tensor = tensors.find(node.name);
            if (tensor == tensors.end()) throw ModelError("constant " + node.name + " has no weights");
            graph.constants.emplace(node.name, std::move(tensor->second));
        }
        return graph;
    } catch (const ModelError& e) {
        if (error) *error = e.what();
        return std::nullopt;
    }
}

float float16ToFloat32(unsigned short half)
{
    const uint32_t sign = uint32_t(half & 0x8000) << 16;
    const uint32_t exponent = (half >> 10) & 0x1f;
    uint32_t mantissa = half & 0x3ff;
    uint32_t bits;
    if (exponent == 0x1f) {
        bits = sign | 0x7f800000 | mantissa << 13;  // infinity or NaN
    } else if (exponent != 0) {
        bits = sign | (exponent + 112) << 23 | mantissa << 13;  // rebias 15 -> 127
    } else if (mantissa == 0) {
        bits = sign;  // signed zero
    } else {
        // A subnormal half is a normal float: shift the mantissa up to its leading one.
        int shift = 0;
        while (!(mantissa & 0x400)) {
            mantissa <<= 1;
            ++shift;
        }
        bits = sign | uint32_t(113 - shift) << 23 | (mantissa & 0x3ff) << 13;
    }
    float result;
    std::memcpy(&result, &bits, sizeof result);
    return result;
}

} // namespace pb::photo
