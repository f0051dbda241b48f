#pragma once
// The TF.js graph -> cv::dnn builder's internals (use buildTfjsDnnNet in TfjsDnnNet.h): the
// per-tensor bookkeeping and the Builder, whose graph walk and layer plumbing live in
// TfjsDnnNet.cpp, its one-translator-per-op in TfjsDnnOps.cpp (element-wise ops in
// TfjsDnnElementwise.cpp) and its constant folding in TfjsConstantFolding.cpp.
#include "core/photo/TfjsDnnNet.h"
#include "core/photo/TfjsGraph.h"

#include <opencv2/dnn.hpp>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace pb::photo::tfjs_build {

struct BuildError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using Axes = std::vector<int>;
using Pin = std::pair<int, int>;  // layer id, output index

inline Axes identityAxes(size_t rank)
{
    Axes axes(rank);
    for (size_t i = 0; i < rank; ++i) axes[i] = int(i);
    return axes;
}

inline Axes inverse(const Axes& axes)
{
    Axes result(axes.size());
    for (size_t i = 0; i < axes.size(); ++i) result[size_t(axes[i])] = int(i);
    return result;
}

template <typename Dim>
std::string shapeText(const std::vector<Dim>& shape)
{
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i) text += (i ? "," : "") + std::to_string(shape[i]);
    return text + "]";
}

// A shape the builder derived, computed in 64 bits so that no hostile dimension overflows, and
// refused when a dimension is negative or the tensor exceeds kMaxTensorElements.
inline std::vector<int> fitShape(const std::string& nodeName, const std::vector<long long>& dims)
{
    if (!boundedElementCount(dims))
        throw BuildError("node " + nodeName + ": shape " + shapeText(dims) + " is negative or larger than " +
                         std::to_string(kMaxTensorElements) + " elements");
    return std::vector<int>(dims.begin(), dims.end());
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

// Builds one net from one graph; every refusal is a BuildError naming the node.
class Builder {
public:
    explicit Builder(const TfjsGraph& graph);
    TfjsDnnNet build();

private:
    // Graph walk and layer plumbing (TfjsDnnNet.cpp). Depth-first, so every input is built
    // before the node that reads it.
    void visit(const std::string& name);
    void buildNode(const TfjsNode& node);
    ValuePtr input(const TfjsNode& node, size_t k) const;
    const Tensor& constantInput(const TfjsNode& node, size_t k, Tensor::Type type) const;
    ValuePtr tensorInput(const TfjsNode& node, size_t k) const;
    static const TfjsAttr* attr(const TfjsNode& node, const std::string& key);
    int addLayer(const std::string& name, const std::string& type, cv::dnn::LayerParams& params, const std::vector<Pin>& inputs);
    ValuePtr newBlob(std::vector<int> shape, Pin pin, Axes blobAxes);
    std::string uniqueName(const std::string& kind);
    // Adds a pending pad to the net.
    void realize(const ValuePtr& value);
    // The value's blob with its axes in the order `wanted` (graph axes), permuting if needed.
    Pin arrange(const ValuePtr& value, const Axes& wanted);

    // One translator per op, and their helpers (TfjsDnnOps.cpp).
    void placeholder(const TfjsNode& node);
    void constant(const TfjsNode& node);
    void identity(const TfjsNode& node);
    void transpose(const TfjsNode& node);
    // Conv2D, DepthwiseConv2dNative and their fused forms (_FusedConv2D, FusedDepthwiseConv2dNative).
    void conv2d(const TfjsNode& node);
    // The activation a fused convolution applies after its bias ("", "Relu" or "Relu6").
    static std::string fusedActivation(const TfjsNode& node);
    void pad(const TfjsNode& node);
    void maxPool(const TfjsNode& node);
    void concat(const TfjsNode& node);
    void resizeBilinear(const TfjsNode& node);
    void splitV(const TfjsNode& node);
    void reshape(const TfjsNode& node);
    ValuePtr transposed(const ValuePtr& value, const Axes& perm);
    // The Add that adds a [channels] constant to this convolution's only output, if there is one.
    const TfjsNode* biasAdd(const TfjsNode& conv, int channels);
    static void requireNhwc(const TfjsNode& node);
    // Two spatial attributes of a 4-D NHWC op (strides, dilations, ksize): [1, h, w, 1].
    static std::pair<int, int> spatial(const TfjsNode& node, const std::string& key);
    // TensorFlow's VALID/SAME padding as {top, left, bottom, right}.
    static std::array<int, 4> windowPadding(const TfjsNode& node, int height, int width, std::pair<int, int> window,
                                            std::pair<int, int> stride);
    // A sliding window's size, step and {top, left, bottom, right} padding, as cv::dnn names them.
    static void setWindow(cv::dnn::LayerParams& params, std::pair<int, int> size, std::pair<int, int> stride,
                          const std::array<int, 4>& pads);
    // A sliding window's output size along one axis (TF rounds down), in 64 bits.
    static long long slidingOutput(long long size, long long padBefore, long long padAfter, long long extent, long long step);
    static int graphAxis(const TfjsNode& node, const Tensor& axis, size_t rank);
    static int blobAxisOf(const Axes& blobAxes, int graphAxis);

    // Element-wise and reducing ops (TfjsDnnElementwise.cpp).
    void add(const TfjsNode& node);
    void mul(const TfjsNode& node);
    void leakyRelu(const TfjsNode& node);
    void relu(const TfjsNode& node);  // Relu and Relu6
    void sigmoid(const TfjsNode& node);
    void mean(const TfjsNode& node);
    void unary(const TfjsNode& node, const std::string& type, cv::dnn::LayerParams& params);
    void eltwise(const TfjsNode& node, const std::string& operation);  // equal shapes: "sum", "prod"
    // x * scale + shift, cv::dnn's Power layer with power 1.
    void affine(const TfjsNode& node, const ValuePtr& x, float scale, float shift);
    // A scalar float constant among a binary op's two inputs: its value, and the other input.
    std::optional<std::pair<float, ValuePtr>> scalarOperand(const TfjsNode& node) const;
    static cv::dnn::LayerParams reluParams(const std::string& op);

    // Constant folding (TfjsConstantFolding.cpp): SparseToDense and Add on constants build the
    // reshape shapes.
    void sparseToDense(const TfjsNode& node);
    void foldAdd(const TfjsNode& node);
    static int sumOfInts(const TfjsNode& node, int a, int b);

    const TfjsGraph& graph_;
    std::map<std::string, const TfjsNode*> nodes_;
    std::map<std::string, std::vector<const TfjsNode*>> consumers_;
    std::map<std::string, ValuePtr> values_;  // "node" and "node:k"
    std::set<std::string> folded_;            // bias Adds absorbed by their convolution
    std::set<std::string> visiting_;
    int extraLayers_ = 0;
    TfjsDnnNet result_;
};

} // namespace pb::photo::tfjs_build
