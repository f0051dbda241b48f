// Constant folding while building: the NanoDet graph computes its reshape shapes from
// constants (SparseToDense, Add), so those become constants instead of layers.
#include "core/photo/TfjsNetBuilder.h"

#include <limits>

namespace pb::photo::tfjs_build {

// Constant folding: SparseToDense and Add on constants build the reshape shapes.
void Builder::sparseToDense(const TfjsNode& node)
{
    const Tensor& indices = constantInput(node, 0, Tensor::Type::Int);
    const Tensor& outputShape = constantInput(node, 1, Tensor::Type::Int);
    const ValuePtr values = input(node, 2), fill = input(node, 3);
    if (!values->constant || !fill->constant || values->constant->type != fill->constant->type || fill->constant->elementCount() != 1)
        throw BuildError("node " + node.name + ": SparseToDense needs constant values and a scalar default of one type");
    Tensor result;
    result.type = fill->constant->type;
    result.shape = outputShape.ints;
    fitShape(node.name, std::vector<long long>(result.shape.begin(), result.shape.end()));
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

int Builder::sumOfInts(const TfjsNode& node, int a, int b)
{
    const long long sum = 0LL + a + b;
    if (sum < std::numeric_limits<int>::min() || sum > std::numeric_limits<int>::max())
        throw BuildError("node " + node.name + ": the constant sum " + std::to_string(sum) + " overflows int32");
    return int(sum);
}

void Builder::foldAdd(const TfjsNode& node)
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
            result.ints[i] = sumOfInts(node, result.ints[i], other.ints[otherScalar ? 0 : i]);
    }
    auto value = std::make_shared<Value>();
    value->shape = result.shape;
    value->constant = std::move(result);
    values_[node.name] = value;
}

} // namespace pb::photo::tfjs_build
