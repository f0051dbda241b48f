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

// A dense NHWC tensor with batch 1, for the computations written out.
struct Nhwc {
    int h, w, c;
    std::vector<float> v;
    Nhwc(int h_, int w_, int c_) : h(h_), w(w_), c(c_), v(size_t(h_ * w_ * c_)) {}
    float& at(int y, int x, int ch) { return v[size_t((y * w + x) * c + ch)]; }
    float at(int y, int x, int ch) const { return v[size_t((y * w + x) * c + ch)]; }
};

Nhwc sampleInput()
{
    Nhwc x(kMobileSide, kMobileSide, kMobileInputs);
    for (size_t i = 0; i < x.v.size(); ++i) x.v[i] = float((int(i) * 5) % 9 - 4) / 4;
    return x;
}

// The same computation, op by op, in plain loops.
std::pair<Nhwc, Nhwc> computedByHand(const Nhwc& x)
{
    const auto pw = eighthsPattern(kMobileInputs * kMobileMid, 5, 11), dwFilter = eighthsPattern(9 * kMobileMid * kMobileMultiplier, 7, 13),
               dwBias = eighthsPattern(kMobileMid * kMobileMultiplier, 3, 5), plain = eighthsPattern(4 * kMobileInputs, 3, 7);
    const float pwBias[] = {0.5f, -0.25f, 1.0f};
    Nhwc a(kMobileSide, kMobileSide, kMobileMid);
    for (int y = 0; y < kMobileSide; ++y)
        for (int xx = 0; xx < kMobileSide; ++xx)
            for (int o = 0; o < kMobileMid; ++o) {
                float sum = pwBias[o];
                for (int i = 0; i < kMobileInputs; ++i) sum += x.at(y, xx, i) * pw[size_t(i * kMobileMid + o)];
                a.at(y, xx, o) = std::clamp(sum, 0.0f, 6.0f);
            }
    // SAME with stride 2 on 6: 3 outputs, (3 - 1) * 2 + 3 - 6 = 1 padding, none before and 1 after.
    Nhwc b(3, 3, kMobileMid * kMobileMultiplier);
    for (int y = 0; y < 3; ++y)
        for (int xx = 0; xx < 3; ++xx)
            for (int c = 0; c < kMobileMid; ++c)
                for (int m = 0; m < kMobileMultiplier; ++m) {
                    const int o = c * kMobileMultiplier + m;
                    float sum = dwBias[size_t(o)];
                    for (int ky = 0; ky < 3; ++ky)
                        for (int kx = 0; kx < 3; ++kx) {
                            const int iy = y * 2 + ky, ix = xx * 2 + kx;
                            if (iy < 0 || ix < 0 || iy >= kMobileSide || ix >= kMobileSide) continue;
                            sum += a.at(iy, ix, c) * dwFilter[size_t(((ky * 3 + kx) * kMobileMid + c) * kMobileMultiplier + m)];
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
    Nhwc dw(kMobileSide - 1, kMobileSide - 1, kMobileInputs);
    for (int y = 0; y < kMobileSide - 1; ++y)
        for (int xx = 0; xx < kMobileSide - 1; ++xx)
            for (int c = 0; c < kMobileInputs; ++c) {
                float sum = 0;
                for (int ky = 0; ky < 2; ++ky)
                    for (int kx = 0; kx < 2; ++kx) sum += x.at(y + ky, xx + kx, c) * plain[size_t((ky * 2 + kx) * kMobileInputs + c)];
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
        QCOMPARE(net->inputShape, (std::vector<int>{1, kMobileSide, kMobileSide, kMobileInputs}));
        QCOMPARE(net->outputShapes, (std::vector<std::vector<int>>{{1, kMobileSide - 1, kMobileSide - 1, kMobileInputs}, {1, 3, 3, kMobileMid * kMobileMultiplier}}));
        Nhwc input = sampleInput();
        const int shape[] = {1, kMobileSide, kMobileSide, kMobileInputs};
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
        fused.op("odd", "_FusedConv2D", {"input", "pw", "pwBias"}, {{"fused_ops", stringListAttr({"BiasAdd", "Elu"})}});
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
