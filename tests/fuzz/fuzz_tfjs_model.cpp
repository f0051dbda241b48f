// Fuzz target for the TF.js model importer: the input is model.json, a NUL byte, then the
// weight file. Any input gives a graph or an error naming the problem; an accepted graph has
// its Const tensors sized as their shapes say, and building the cv::dnn net from it gives a
// net or an error, never a crash.
#include "core/photo/TfjsDnnNet.h"
#include "core/photo/TfjsGraph.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const size_t split = input.find('\0');
    const std::string modelJson = input.substr(0, split);
    const std::string weights = split == std::string::npos ? std::string() : input.substr(split + 1);
    std::string error;
    const auto graph = pb::photo::parseTfjsGraph(modelJson, weights, &error);
    if (!graph) {
        if (error.empty()) pb::fuzz::finding("fuzz_tfjs_model", "refused without an error");
        return 0;
    }
    for (const auto& [name, tensor] : graph->constants) {
        const size_t stored = tensor.type == pb::photo::Tensor::Type::Float ? tensor.floats.size() : tensor.ints.size();
        if (stored != tensor.elementCount()) pb::fuzz::finding("fuzz_tfjs_model", "a constant's size differs from its shape", name);
    }
    error.clear();
    if (!pb::photo::buildTfjsDnnNet(*graph, &error) && error.empty())
        pb::fuzz::finding("fuzz_tfjs_model", "the net builder refused without an error");
    return 0;
}
