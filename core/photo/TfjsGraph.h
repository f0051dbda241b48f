#pragma once
// A TensorFlow.js graph model read into memory: the JSON topology (nodes with op, inputs and
// attributes), the signature's inputs and outputs, and every Const node's tensor taken from the
// weight file through the weights manifest, float16 weights dequantised to float32.
// Only the ops the NanoDet, CenterNet and BlazeFace models use are accepted; any other op is
// refused with its name, as is a manifest that does not fit the weight file byte for byte.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pb::photo {

struct Tensor {
    enum class Type { Float, Int };
    Type type = Type::Float;
    std::vector<int> shape;     // empty: a scalar
    std::vector<float> floats;  // Float tensors
    std::vector<int> ints;      // Int tensors (int32 in the model)

    size_t elementCount() const;
};

// The largest tensor the importer accepts, in elements (NanoDet's and CenterNet's largest have
// under three million): a hostile model's shapes are refused before anything is multiplied out
// or allocated.
constexpr long long kMaxTensorElements = 1LL << 26;

// The element count of `shape`, or nullopt when a dimension is negative or the count exceeds
// kMaxTensorElements (checked dimension by dimension, so it never overflows).
std::optional<size_t> boundedElementCount(const std::vector<long long>& shape);

struct TfjsAttr {
    std::vector<long long> ints;  // "i", "list": {"i": [...]}, or "shape" dimensions (-1: unknown)
    double number = 0;            // "f"
    std::string text;             // "s", base64-decoded
    std::vector<std::string> texts;  // "list": {"s": [...]}, base64-decoded (a fused op's parts)
    bool flag = false;            // "b"
};

struct TfjsNode {
    std::string name;
    std::string op;
    std::vector<std::string> inputs;  // "node" or "node:k" (k-th output of a multi-output op)
    std::map<std::string, TfjsAttr> attrs;
};

struct TfjsGraph {
    std::vector<TfjsNode> nodes;               // in file order
    std::map<std::string, Tensor> constants;   // by Const node name
    std::vector<std::string> outputs;          // node names the signature returns, sorted
};

// The ops the importer knows; parseTfjsGraph refuses any other.
const std::vector<std::string>& supportedTfjsOps();

// nullopt with `error` set ("unsupported op 'Foo' (node bar)", "the weight file has 10 bytes
// but the manifest needs 7574558", ...) when the model cannot be used. `outputs`, when given,
// replaces the signature's outputs (a model without a signature, or one whose other outputs are
// not wanted); then only the nodes they depend on are kept, and only their ops must be
// supported. The whole weight file is still checked against the manifest.
std::optional<TfjsGraph> parseTfjsGraph(const std::string& modelJson, const std::string& weights, std::string* error,
                                        const std::vector<std::string>& outputs = {});

// IEEE 754 half precision to single precision, exactly (subnormals, infinities, NaN included).
float float16ToFloat32(unsigned short half);

} // namespace pb::photo
