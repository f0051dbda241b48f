// The TF.js graph importer: float16 dequantisation is exact, malformed models are refused with
// a message that names the problem, a small graph with the NanoDet model's layout tricks
// (NCHW<->NHWC transposes, a zero pad folded into a convolution, a bias Add, SplitV, Reshape)
// computes what the same ops computed by hand do, and the whole NanoDet model computes what
// TensorFlow.js computes (tests/data/nanodet_tfjs_reference.json).
#include "core/photo/NanoDetRecognizer.h"
#include "core/photo/RecognizerIdentity.h"
#include "core/photo/TfjsDnnNet.h"
#include "core/photo/TfjsGraph.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace pb::photo;

namespace {

// Exact for the values the tests use (normal halves, no rounding needed).
unsigned short toHalf(float value)
{
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    if ((bits & 0x7fffffff) == 0) return static_cast<unsigned short>(bits >> 16);
    const uint32_t sign = (bits >> 16) & 0x8000, exponent = ((bits >> 23) & 0xff) - 112, mantissa = (bits >> 13) & 0x3ff;
    return static_cast<unsigned short>(sign | exponent << 10 | mantissa);
}

// A TF.js graph model written by hand: nodes, and weights appended in manifest order.
class ModelWriter {
public:
    void placeholder(const QString& name, const QList<int>& shape)
    {
        QJsonArray dims;
        for (int d : shape) dims.append(QJsonObject{{"size", QString::number(d)}});
        m_nodes.append(QJsonObject{{"name", name}, {"op", "Placeholder"},
                                   {"attr", QJsonObject{{"shape", QJsonObject{{"shape", QJsonObject{{"dim", dims}}}}}}}});
    }

    void ints(const QString& name, const QList<int>& shape, const std::vector<int>& values)
    {
        constNode(name);
        m_weights.append(entry(name, shape, "int32"));
        m_bin.append(reinterpret_cast<const char*>(values.data()), int(values.size() * 4));
    }

    void halves(const QString& name, const QList<int>& shape, const std::vector<float>& values)
    {
        constNode(name);
        QJsonObject weight = entry(name, shape, "float32");
        weight["quantization"] = QJsonObject{{"dtype", "float16"}, {"original_dtype", "float32"}};
        m_weights.append(weight);
        for (float v : values) {
            const unsigned short h = toHalf(v);
            m_bin.append(char(h & 0xff)).append(char(h >> 8));
        }
    }

    void floats(const QString& name, const QList<int>& shape, const std::vector<float>& values)
    {
        constNode(name);
        m_weights.append(entry(name, shape, "float32"));
        m_bin.append(reinterpret_cast<const char*>(values.data()), int(values.size() * 4));
    }

    void op(const QString& name, const QString& op, const QStringList& inputs, const QJsonObject& attrs = {})
    {
        m_nodes.append(QJsonObject{{"name", name}, {"op", op}, {"input", QJsonArray::fromStringList(inputs)}, {"attr", attrs}});
    }

    void output(const QString& name) { m_outputs[name + ":0"] = QJsonObject{{"name", name + ":0"}}; }

    std::string json() const
    {
        const QJsonObject root{{"format", "graph-model"},
                               {"signature", QJsonObject{{"outputs", m_outputs}}},
                               {"modelTopology", QJsonObject{{"node", m_nodes}}},
                               {"weightsManifest", QJsonArray{QJsonObject{{"paths", QJsonArray{"model.bin"}}, {"weights", m_weights}}}}};
        return QJsonDocument(root).toJson().toStdString();
    }
    std::string weights() const { return m_bin.toStdString(); }

private:
    void constNode(const QString& name) { m_nodes.append(QJsonObject{{"name", name}, {"op", "Const"}}); }
    static QJsonObject entry(const QString& name, const QList<int>& shape, const QString& dtype)
    {
        QJsonArray dims;
        for (int d : shape) dims.append(d);
        return QJsonObject{{"name", name}, {"shape", dims}, {"dtype", dtype}};
    }

    QJsonArray m_nodes, m_weights;
    QJsonObject m_outputs;
    QByteArray m_bin;
};

QJsonObject listAttr(const QList<int>& values)
{
    QJsonArray list;
    for (int v : values) list.append(QString::number(v));
    return QJsonObject{{"list", QJsonObject{{"i", list}}}};
}

const int kChannels = 2, kSide = 4, kFilters = 3;

std::vector<float> filterValues()  // HWIO [3,3,2,3], multiples of 1/8: exact in float16
{
    std::vector<float> values;
    for (int i = 0; i < 3 * 3 * kChannels * kFilters; ++i) values.push_back(float((i * 7) % 11 - 5) / 8);
    return values;
}
const std::vector<float> kBias = {0.5f, -0.25f, 0.125f};

// input NCHW -> NHWC -> zero pad 1 -> 3x3 conv + bias -> LeakyRelu(0.1) -> NCHW -> split channels
// 1+2 -> sigmoid on the first -> reshape both to [1, c, 16] -> the second transposed to [1,16,2].
ModelWriter sampleModel()
{
    ModelWriter m;
    m.placeholder("input", {1, kChannels, kSide, kSide});
    m.ints("toNhwc", {4}, {0, 2, 3, 1});
    m.op("nhwc", "Transpose", {"input", "toNhwc"});
    m.ints("pads", {4, 2}, {0, 0, 1, 1, 1, 1, 0, 0});
    m.op("padded", "Pad", {"nhwc", "pads"});
    m.halves("filter", {3, 3, kChannels, kFilters}, filterValues());
    m.op("conv", "Conv2D", {"padded", "filter"},
         {{"strides", listAttr({1, 1, 1, 1})}, {"padding", QJsonObject{{"s", QString("VALID").toLatin1().toBase64().data()}}},
          {"data_format", QJsonObject{{"s", QString("NHWC").toLatin1().toBase64().data()}}}});
    m.floats("bias", {kFilters}, kBias);
    m.op("biased", "Add", {"conv", "bias"});
    m.op("relu", "LeakyRelu", {"biased"}, {{"alpha", QJsonObject{{"f", 0.1}}}});
    m.ints("toNchw", {4}, {0, 3, 1, 2});
    m.op("nchw", "Transpose", {"relu", "toNchw"});
    m.ints("sizes", {2}, {1, -1});
    m.ints("axis", {}, {1});
    m.op("split", "SplitV", {"nchw", "sizes", "axis"}, {{"num_split", QJsonObject{{"i", "2"}}}});
    m.op("sig", "Sigmoid", {"split"});
    m.ints("shapeA", {3}, {1, 1, kSide * kSide});
    m.op("flatA", "Reshape", {"sig", "shapeA"});
    m.op("outA", "Identity", {"flatA"});
    m.ints("shapeB", {3}, {1, 2, -1});
    m.op("flatB", "Reshape", {"split:1", "shapeB"});
    m.ints("swap", {3}, {0, 2, 1});
    m.op("swapped", "Transpose", {"flatB", "swap"});
    m.op("outB", "Identity", {"swapped"});
    m.output("outA");
    m.output("outB");
    return m;
}

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
        const std::string dir = defaultNanoDetModelDir();
        const auto json = readWholeFile(dir + "/nanodet.json"), weights = readWholeFile(dir + "/nanodet.bin");
        QVERIFY2(json && weights, qPrintable(QString::fromStdString("no model in " + dir + ": run scripts/fetch-model.sh")));
        QFile referenceFile(qEnvironmentVariable("PB_SOURCE_DIR", PB_SOURCE_DIR) + "/tests/data/nanodet_tfjs_reference.json");
        QVERIFY(referenceFile.open(QIODevice::ReadOnly));
        const QJsonArray reference = QJsonDocument::fromJson(referenceFile.readAll()).object().value("outputs").toArray();
        QCOMPARE(reference.size(), 6);

        std::string error;
        const auto graph = parseTfjsGraph(*json, *weights, &error);
        QVERIFY2(graph, error.c_str());
        auto net = buildTfjsDnnNet(*graph, &error);
        QVERIFY2(net, error.c_str());
        net->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        const int shape[] = {1, 3, 416, 416};
        cv::Mat input(4, shape, CV_32F);
        for (size_t i = 0; i < input.total(); ++i) input.ptr<float>()[i] = float(2 * std::sin(0.37 * double(i)));
        net->net.setInput(input);
        std::vector<cv::Mat> outputs;
        net->net.forward(outputs, net->outputLayers);
        for (int o = 0; o < reference.size(); ++o) {
            const QJsonObject expected = reference[o].toObject();
            QCOMPARE(QString::fromStdString(graph->outputs[size_t(o)]), expected.value("name").toString());
            std::vector<int> expectedShape;
            for (const QJsonValue& d : expected.value("shape").toArray()) expectedShape.push_back(d.toInt());
            QCOMPARE(net->outputShapes[size_t(o)], expectedShape);
            const float* values = outputs[size_t(o)].ptr<float>();
            const size_t size = outputs[size_t(o)].total();
            double sum = 0;
            for (size_t i = 0; i < size; ++i) sum += values[i];
            QVERIFY2(std::abs(sum - expected.value("sum").toDouble()) < 1e-2,
                     qPrintable(QString("%1: sum %2, TF.js %3").arg(expected.value("name").toString()).arg(sum).arg(expected.value("sum").toDouble())));
            const QJsonArray samples = expected.value("samples").toArray();
            for (int k = 0; k < samples.size(); ++k) {
                const float value = values[(size_t(k) * 7919) % size];
                QVERIFY2(std::abs(value - samples[k].toDouble()) < 2e-4,
                         qPrintable(QString("%1[%2]: %3, TF.js %4").arg(expected.value("name").toString()).arg(k).arg(value).arg(samples[k].toDouble())));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestNanoDetImporter)
#include "tst_nanodet_importer.moc"
