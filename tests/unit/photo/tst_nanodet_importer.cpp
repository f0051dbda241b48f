// The TF.js graph importer: float16 dequantisation is exact, malformed models are refused with
// a message that names the problem, a small graph with the NanoDet model's layout tricks
// (NCHW<->NHWC transposes, a zero pad folded into a convolution, a bias Add, SplitV, Reshape)
// computes what the same ops computed by hand do, and the whole NanoDet model computes what
// TensorFlow.js computes (tests/data/nanodet_tfjs_reference.json).
#include "core/photo/NanoDetRecognizer.h"
#include "core/photo/RecognizerIdentity.h"
#include "core/photo/TfjsDnnNet.h"
#include "core/photo/TfjsGraph.h"
#include "tests/unit/photo/TfjsModelWriter.h"
#include "tests/unit/photo/TfjsReference.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace pb::photo;
using namespace pb::photo::testing;

namespace {

// The same computation written out: conv[f][y][x] over NCHW input with zero padding.
float expectedConv(const std::vector<float>& input, int f, int y, int x)
{
    const std::vector<float> filter = filterValues();
    float sum = kBias[size_t(f)];
    for (int ky = 0; ky < 3; ++ky)
        for (int kx = 0; kx < 3; ++kx)
            for (int c = 0; c < kChannels; ++c) {
                const int iy = y + ky - 1, ix = x + kx - 1;
                if (iy < 0 || ix < 0 || iy >= kSide || ix >= kSide) continue;
                sum += input[size_t((c * kSide + iy) * kSide + ix)] * filter[size_t(((ky * 3 + kx) * kChannels + c) * kFilters + f)];
            }
    return sum > 0 ? sum : 0.1f * sum;
}

std::string refusal(const std::string& json, const std::string& weights)
{
    std::string error;
    if (parseTfjsGraph(json, weights, &error)) return "(accepted)";
    return error;
}

} // namespace

class TestNanoDetImporter : public QObject {
    Q_OBJECT
private slots:
    void float16DequantisationIsExact()
    {
        QCOMPARE(float16ToFloat32(0x3c00), 1.0f);
        QCOMPARE(float16ToFloat32(0xc000), -2.0f);
        QCOMPARE(float16ToFloat32(0x3555), 0.333251953125f);
        QCOMPARE(float16ToFloat32(0x7bff), 65504.0f);  // largest half
        QCOMPARE(float16ToFloat32(0x0400), std::ldexp(1.0f, -14));  // smallest normal
        QCOMPARE(float16ToFloat32(0x0001), std::ldexp(1.0f, -24));  // smallest subnormal
        QCOMPARE(float16ToFloat32(0x03ff), std::ldexp(1023.0f, -24));
        QCOMPARE(float16ToFloat32(0x7c00), std::numeric_limits<float>::infinity());
        QCOMPARE(float16ToFloat32(0xfc00), -std::numeric_limits<float>::infinity());
        QVERIFY(std::isnan(float16ToFloat32(0x7e00)));
        QVERIFY(std::signbit(float16ToFloat32(0x8000)) && float16ToFloat32(0x8000) == 0.0f);
    }

    void halfWeightsAreDequantisedInManifestOrder()
    {
        const ModelWriter model = sampleModel();
        std::string error;
        const auto graph = parseTfjsGraph(model.json(), model.weights(), &error);
        QVERIFY2(graph, error.c_str());
        const Tensor& filter = graph->constants.at("filter");
        QCOMPARE(filter.shape, (std::vector<int>{3, 3, kChannels, kFilters}));
        QCOMPARE(filter.floats, filterValues());
        QCOMPARE(graph->constants.at("bias").floats, kBias);
        QCOMPARE(graph->constants.at("pads").ints, (std::vector<int>{0, 0, 1, 1, 1, 1, 0, 0}));
        QCOMPARE(graph->outputs, (std::vector<std::string>{"outA", "outB"}));
    }

    void malformedJsonIsRefusedWithItsOffset()
    {
        const std::string error = refusal("{\"format\": \"graph-model\", \"modelTopology\": ", "");
        QVERIFY2(error.find("malformed") != std::string::npos && error.find("offset") != std::string::npos, error.c_str());
        QVERIFY(refusal("[1, 2]", "").find("not a TF.js graph model") != std::string::npos);
    }

    void unknownOpIsRefusedByName()
    {
        ModelWriter model = sampleModel();
        model.op("odd", "Softplus", {"relu"});
        const std::string error = refusal(model.json(), model.weights());
        QVERIFY2(error.find("unsupported op 'Softplus' (node odd)") != std::string::npos, error.c_str());
    }

    void truncatedOrOverlongWeightsAreRefused()
    {
        const ModelWriter model = sampleModel();
        std::string weights = model.weights();
        std::string error = refusal(model.json(), weights.substr(0, weights.size() - 3));
        QVERIFY2(error.find("ends inside weight") != std::string::npos && error.find("truncated") != std::string::npos, error.c_str());
        error = refusal(model.json(), weights + "xyzw");
        QVERIFY2(error.find("bytes but the manifest describes") != std::string::npos, error.c_str());
    }

    void danglingInputsAreRefused()
    {
        ModelWriter model = sampleModel();
        model.op("lost", "Sigmoid", {"nowhere"});
        const std::string error = refusal(model.json(), model.weights());
        QVERIFY2(error.find("node lost reads unknown node nowhere") != std::string::npos, error.c_str());
    }

    void wrongShapesAreRefusedWhenBuilding()
    {
        ModelWriter model = sampleModel();
        // A filter for 5 input channels on a 2-channel input.
        model.halves("badFilter", {1, 1, 5, 1}, {1, 1, 1, 1, 1});
        model.op("badConv", "Conv2D", {"padded", "badFilter"});
        model.output("badConv");
        std::string error;
        const auto graph = parseTfjsGraph(model.json(), model.weights(), &error);
        QVERIFY2(graph, error.c_str());
        QVERIFY(!buildTfjsDnnNet(*graph, &error));
        QVERIFY2(error.find("node badConv: filter [1,1,5,1] does not fit input [1,4,4,2]") != std::string::npos, error.c_str());
    }

    // Found by fuzz_tfjs_model: a pad of 2^30 + 2^30 overflowed the int shape arithmetic (UB).
    // Every derived shape is now computed in 64 bits and refused beyond kMaxTensorElements.
    void hugeShapesAreRefusedWithoutOverflow()
    {
        const auto buildError = [](ModelWriter& model, const QString& output) {
            model.output(output);
            std::string error;
            const auto graph = parseTfjsGraph(model.json(), model.weights(), &error);
            if (!graph) return "(parse) " + error;
            if (buildTfjsDnnNet(*graph, &error)) return std::string("(built)");
            return error;
        };
        ModelWriter padModel = sampleModel();
        padModel.ints("hugePads", {4, 2}, {0, 0, 1 << 30, 1 << 30, 0, 0, 0, 0});
        padModel.op("hugePad", "Pad", {"nhwc", "hugePads"});
        padModel.op("hugeOut", "Sigmoid", {"hugePad"});
        std::string error = buildError(padModel, "hugeOut");
        QVERIFY2(error.find("node hugePad: shape [1,2147483652,4,2] is negative or larger than 67108864 elements") != std::string::npos,
                 error.c_str());

        ModelWriter sumModel = sampleModel();  // constants folded into a reshape shape
        sumModel.ints("big", {1}, {std::numeric_limits<int>::max()});
        sumModel.op("bigger", "Add", {"big", "big"});
        sumModel.op("reshaped", "Reshape", {"nchw", "bigger"});
        error = buildError(sumModel, "reshaped");
        QVERIFY2(error.find("node bigger: the constant sum 4294967294 overflows int32") != std::string::npos, error.c_str());

        ModelWriter reshapeModel = sampleModel();  // 2^16 * 2^16 * 2^16 wraps nothing any more
        reshapeModel.ints("wideShape", {3}, {1 << 16, 1 << 16, 1 << 16});
        reshapeModel.op("wide", "Reshape", {"nchw", "wideShape"});
        error = buildError(reshapeModel, "wide");
        QVERIFY2(error.find("node wide: cannot reshape [1,3,4,4] to [65536,65536,65536]") != std::string::npos, error.c_str());

        ModelWriter poolModel = sampleModel();  // a window wider than the input
        poolModel.op("pool", "MaxPool", {"nhwc"}, {{"ksize", listAttr({1, 9, 9, 1})}});
        error = buildError(poolModel, "pool");
        QVERIFY2(error.find("node pool: the window is larger than the input") != std::string::npos, error.c_str());

        // A weight whose shape multiplies past the limit is refused while parsing, before any
        // allocation (2^24 * 2^24 used to be taken at face value).
        ModelWriter weightModel = sampleModel();
        weightModel.floats("vast", {1 << 24, 1 << 24}, {});
        error = buildError(weightModel, "outA");
        QVERIFY2(error.find("weight vast has more than 67108864 elements") != std::string::npos, error.c_str());
    }

    void builtNetComputesWhatTheOpsDefine()
    {
        const ModelWriter model = sampleModel();
        std::string error;
        const auto graph = parseTfjsGraph(model.json(), model.weights(), &error);
        QVERIFY2(graph, error.c_str());
        auto net = buildTfjsDnnNet(*graph, &error);
        QVERIFY2(net, error.c_str());
        QCOMPARE(net->inputShape, (std::vector<int>{1, kChannels, kSide, kSide}));
        QCOMPARE(net->outputShapes, (std::vector<std::vector<int>>{{1, 1, 16}, {1, 16, 2}}));

        std::vector<float> input;
        for (int i = 0; i < kChannels * kSide * kSide; ++i) input.push_back(float((i * 5) % 9 - 4) / 4);
        const int shape[] = {1, kChannels, kSide, kSide};
        net->net.setInput(cv::Mat(4, shape, CV_32F, input.data()));
        std::vector<cv::Mat> outputs;
        net->net.forward(outputs, net->outputLayers);
        QCOMPARE(outputs.size(), size_t(2));
        const float* a = outputs[0].ptr<float>();
        const float* b = outputs[1].ptr<float>();
        for (int y = 0; y < kSide; ++y)
            for (int x = 0; x < kSide; ++x) {
                const int p = y * kSide + x;
                QVERIFY(std::abs(a[p] - 1 / (1 + std::exp(-expectedConv(input, 0, y, x)))) < 1e-5f);
                QVERIFY(std::abs(b[p * 2] - expectedConv(input, 1, y, x)) < 1e-5f);
                QVERIFY(std::abs(b[p * 2 + 1] - expectedConv(input, 2, y, x)) < 1e-5f);
            }
    }

    void nanoDetModelComputesWhatTensorFlowJsComputes()
    {
        const QString differences = differencesFromTensorFlowJs(defaultNanoDetModelDir(), "nanodet");
        QVERIFY2(differences.isEmpty(), qPrintable(differences));
    }
};

QTEST_GUILESS_MAIN(TestNanoDetImporter)
#include "tst_nanodet_importer.moc"
