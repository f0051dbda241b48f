// The importer's ops for MobileNet-style graphs (CenterNet, BlazeFace): fused and depthwise
// convolutions, Relu/Relu6, Mul and Add with a scalar, hard-swish, a per-channel Mul
// (squeeze-and-excite) and Mean over height and width compute what the same ops written out by
// hand compute; the whole CenterNet and BlazeFace models compute what TensorFlow.js computes;
// choosing outputs leaves out what only other outputs need.
#include "core/photo/NanoDetRecognizer.h"
#include "core/photo/TfjsDnnNet.h"
#include "core/photo/TfjsGraph.h"
#include "tests/unit/photo/TfjsModelWriter.h"
#include "tests/unit/photo/TfjsReference.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace pb::photo;
using namespace pb::photo::testing;

namespace {

QJsonObject text(const char* value) { return QJsonObject{{"s", QByteArray(value).toBase64().data()}}; }
QJsonObject texts(const QStringList& values)
{
    QJsonArray list;
    for (const QString& v : values) list.append(QString(v.toLatin1().toBase64()));
    return QJsonObject{{"list", QJsonObject{{"s", list}}}};
}

// A dense NHWC tensor with batch 1, for the computations written out.
struct Nhwc {
    int h, w, c;
    std::vector<float> v;
    Nhwc(int h_, int w_, int c_) : h(h_), w(w_), c(c_), v(size_t(h_ * w_ * c_)) {}
    float& at(int y, int x, int ch) { return v[size_t((y * w + x) * c + ch)]; }
    float at(int y, int x, int ch) const { return v[size_t((y * w + x) * c + ch)]; }
};

std::vector<float> pattern(size_t count, int multiplier, int modulus)  // multiples of 1/8: exact in float16
{
    std::vector<float> values;
    for (size_t i = 0; i < count; ++i) values.push_back(float(int(i * size_t(multiplier)) % modulus - modulus / 2) / 8);
    return values;
}

constexpr int kGrid = 6, kInputs = 2, kMid = 3, kMultiplier = 2;

// input [1,6,6,2] -> 1x1 _FusedConv2D + bias + Relu6 -> [1,6,6,3] -> 3x3 FusedDepthwise
// (multiplier 2, stride 2, SAME: one more row and column of padding below and right than above and left) + bias + Relu -> [1,3,3,6] -> hard-swish (x * Relu6(x + 3) * 1/6)
// -> times sigmoid(Mean over height and width) per channel: "se". And a plain 2x2
// DepthwiseConv2dNative (VALID) of the input: "dw".
ModelWriter mobileModel()
{
    ModelWriter m;
    m.placeholder("input", {1, kGrid, kGrid, kInputs});
    m.halves("pw", {1, 1, kInputs, kMid}, pattern(kInputs * kMid, 5, 11));
    m.halves("pwBias", {kMid}, {0.5f, -0.25f, 1.0f});
    m.op("pwConv", "_FusedConv2D", {"input", "pw", "pwBias"},
         {{"strides", listAttr({1, 1, 1, 1})}, {"padding", text("VALID")}, {"fused_ops", texts({"BiasAdd", "Relu6"})},
          {"num_args", QJsonObject{{"i", "1"}}}});
    m.halves("dwFilter", {3, 3, kMid, kMultiplier}, pattern(9 * kMid * kMultiplier, 7, 13));
    m.halves("dwBias", {kMid * kMultiplier}, pattern(kMid * kMultiplier, 3, 5));
    m.op("dwConv", "FusedDepthwiseConv2dNative", {"pwConv", "dwFilter", "dwBias"},
         {{"strides", listAttr({1, 2, 2, 1})}, {"padding", text("SAME")}, {"fused_ops", texts({"BiasAdd", "Relu"})},
          {"num_args", QJsonObject{{"i", "1"}}}});
    m.floats("sixth", {}, {1.0f / 6});
    m.floats("three", {}, {3.0f});
    m.op("scaled", "Mul", {"sixth", "dwConv"});
    m.op("shifted", "Add", {"dwConv", "three"});
    m.op("clipped", "Relu6", {"shifted"});
    m.op("hswish", "Mul", {"scaled", "clipped"});
    m.ints("spatial", {2}, {1, 2});
    m.op("mean", "Mean", {"hswish", "spatial"}, {{"keep_dims", QJsonObject{{"b", true}}}});
    m.op("gate", "Sigmoid", {"mean"});
    m.op("se", "Mul", {"gate", "hswish"});
    m.halves("plainFilter", {2, 2, kInputs, 1}, pattern(4 * kInputs, 3, 7));
    m.op("dw", "DepthwiseConv2dNative", {"input", "plainFilter"}, {{"strides", listAttr({1, 1, 1, 1})}, {"padding", text("VALID")}});
    m.output("se");
    m.output("dw");
    return m;
}

Nhwc sampleInput()
{
    Nhwc x(kGrid, kGrid, kInputs);
    for (size_t i = 0; i < x.v.size(); ++i) x.v[i] = float((int(i) * 5) % 9 - 4) / 4;
    return x;
}

// The same computation, op by op, in plain loops.
std::pair<Nhwc, Nhwc> computedByHand(const Nhwc& x)
{
    const auto pw = pattern(kInputs * kMid, 5, 11), dwFilter = pattern(9 * kMid * kMultiplier, 7, 13),
               dwBias = pattern(kMid * kMultiplier, 3, 5), plain = pattern(4 * kInputs, 3, 7);
    const float pwBias[] = {0.5f, -0.25f, 1.0f};
    Nhwc a(kGrid, kGrid, kMid);
    for (int y = 0; y < kGrid; ++y)
        for (int xx = 0; xx < kGrid; ++xx)
            for (int o = 0; o < kMid; ++o) {
                float sum = pwBias[o];
                for (int i = 0; i < kInputs; ++i) sum += x.at(y, xx, i) * pw[size_t(i * kMid + o)];
                a.at(y, xx, o) = std::clamp(sum, 0.0f, 6.0f);
            }
    // SAME with stride 2 on 6: 3 outputs, (3 - 1) * 2 + 3 - 6 = 1 padding, none before and 1 after.
    Nhwc b(3, 3, kMid * kMultiplier);
    for (int y = 0; y < 3; ++y)
        for (int xx = 0; xx < 3; ++xx)
            for (int c = 0; c < kMid; ++c)
                for (int m = 0; m < kMultiplier; ++m) {
                    const int o = c * kMultiplier + m;
                    float sum = dwBias[size_t(o)];
                    for (int ky = 0; ky < 3; ++ky)
                        for (int kx = 0; kx < 3; ++kx) {
                            const int iy = y * 2 + ky, ix = xx * 2 + kx;
                            if (iy < 0 || ix < 0 || iy >= kGrid || ix >= kGrid) continue;
                            sum += a.at(iy, ix, c) * dwFilter[size_t(((ky * 3 + kx) * kMid + c) * kMultiplier + m)];
                        }
                    b.at(y, xx, o) = std::max(sum, 0.0f);
                }
    for (float& v : b.v) v = v / 6 * std::clamp(v + 3, 0.0f, 6.0f);
    Nhwc se = b;
    for (int ch = 0; ch < b.c; ++ch) {
        float mean = 0;
        for (int y = 0; y < 3; ++y)
            for (int xx = 0; xx < 3; ++xx) mean += b.at(y, xx, ch) / 9;
        const float gate = 1 / (1 + std::exp(-mean));
        for (int y = 0; y < 3; ++y)
            for (int xx = 0; xx < 3; ++xx) se.at(y, xx, ch) *= gate;
    }
    Nhwc dw(kGrid - 1, kGrid - 1, kInputs);
    for (int y = 0; y < kGrid - 1; ++y)
        for (int xx = 0; xx < kGrid - 1; ++xx)
            for (int c = 0; c < kInputs; ++c) {
                float sum = 0;
                for (int ky = 0; ky < 2; ++ky)
                    for (int kx = 0; kx < 2; ++kx) sum += x.at(y + ky, xx + kx, c) * plain[size_t((ky * 2 + kx) * kInputs + c)];
                dw.at(y, xx, c) = sum;
            }
    return {dw, se};  // the outputs sorted by name: dw, se
}

} // namespace

class TfjsMobileOps : public QObject {
    Q_OBJECT
private slots:
    void mobileOpsComputeWhatTheyDefine()
    {
        const ModelWriter model = mobileModel();
        std::string error;
        const auto graph = parseTfjsGraph(model.json(), model.weights(), &error);
        QVERIFY2(graph, error.c_str());
        auto net = buildTfjsDnnNet(*graph, &error);
        QVERIFY2(net, error.c_str());
        QCOMPARE(net->inputShape, (std::vector<int>{1, kGrid, kGrid, kInputs}));
        QCOMPARE(net->outputShapes, (std::vector<std::vector<int>>{{1, kGrid - 1, kGrid - 1, kInputs}, {1, 3, 3, kMid * kMultiplier}}));
        Nhwc input = sampleInput();
        const int shape[] = {1, kGrid, kGrid, kInputs};
        net->net.setInput(cv::Mat(4, shape, CV_32F, input.v.data()));
        std::vector<cv::Mat> outputs;
        net->net.forward(outputs, net->outputLayers);
        const auto [dw, se] = computedByHand(input);
        const Nhwc* expected[] = {&dw, &se};
        for (size_t o = 0; o < 2; ++o) {
            QCOMPARE(outputs[o].total(), expected[o]->v.size());
            for (size_t i = 0; i < expected[o]->v.size(); ++i)
                QVERIFY2(std::abs(outputs[o].ptr<float>()[i] - expected[o]->v[i]) < 1e-5f,
                         qPrintable(QString("output %1[%2]: %3, by hand %4").arg(o).arg(i).arg(outputs[o].ptr<float>()[i]).arg(expected[o]->v[i])));
        }
    }

    void unsupportedFusionsAndMeansAreRefusedByNode()
    {
        const auto buildError = [](ModelWriter& model, const QString& output) {
            model.output(output);
            std::string error;
            const auto graph = parseTfjsGraph(model.json(), model.weights(), &error);
            if (!graph) return "(parse) " + error;
            return buildTfjsDnnNet(*graph, &error) ? std::string("(built)") : error;
        };
        ModelWriter fused = mobileModel();
        fused.op("odd", "_FusedConv2D", {"input", "pw", "pwBias"}, {{"fused_ops", texts({"BiasAdd", "Elu"})}});
        std::string error = buildError(fused, "odd");
        QVERIFY2(error.find("node odd: only a bias, then at most Relu or Relu6, can be fused") != std::string::npos, error.c_str());
        ModelWriter channelMean = mobileModel();
        channelMean.ints("channels", {1}, {3});
        channelMean.op("cmean", "Mean", {"input", "channels"}, {{"keep_dims", QJsonObject{{"b", true}}}});
        error = buildError(channelMean, "cmean");
        QVERIFY2(error.find("node cmean: only a mean over height and width") != std::string::npos, error.c_str());
        ModelWriter broadcast = mobileModel();
        broadcast.op("wrongMul", "Mul", {"input", "pwConv"});
        error = buildError(broadcast, "wrongMul");
        QVERIFY2(error.find("node wrongMul: combining [1,6,6,2] and [1,6,6,3]") != std::string::npos, error.c_str());
    }

    void chosenOutputsLeaveOutWhatOnlyOthersNeed()
    {
        ModelWriter model = mobileModel();
        model.op("decode", "TopKV2", {"se"});
        model.output("decode");
        std::string error;
        QVERIFY(!parseTfjsGraph(model.json(), model.weights(), &error));
        QVERIFY2(error.find("unsupported op 'TopKV2' (node decode)") != std::string::npos, error.c_str());
        const auto graph = parseTfjsGraph(model.json(), model.weights(), &error, {"se"});
        QVERIFY2(graph, error.c_str());
        QCOMPARE(graph->outputs, std::vector<std::string>{"se"});
        QVERIFY(std::none_of(graph->nodes.begin(), graph->nodes.end(), [](const TfjsNode& n) { return n.name == "dw" || n.name == "decode"; }));
        QVERIFY(!parseTfjsGraph(model.json(), model.weights(), &error, {"nothing"}));
        QVERIFY2(error.find("the signature returns unknown node nothing") != std::string::npos, error.c_str());
    }

    void centerNetComputesWhatTensorFlowJsComputes()
    {
        const QString differences = differencesFromTensorFlowJs(defaultNanoDetModelDir(), "centernet", {"tower_0/keypoints", "tower_0/wh"});
        QVERIFY2(differences.isEmpty(), qPrintable(differences));
    }

    void blazeFaceComputesWhatTensorFlowJsComputes()
    {
        const QString differences = differencesFromTensorFlowJs(defaultNanoDetModelDir(), "blazeface", {"Identity", "Identity_1", "Identity_2", "Identity_3"});
        QVERIFY2(differences.isEmpty(), qPrintable(differences));
    }
};

QTEST_GUILESS_MAIN(TfjsMobileOps)
#include "tst_tfjs_mobile_ops.moc"
