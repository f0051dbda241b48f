#pragma once
// A TF.js graph model written by hand (nodes, weights appended in manifest order), the small
// sample graph with the NanoDet model's layout tricks and the small MobileNet-style graph with
// CenterNet's and BlazeFace's ops, for the importer's tests and the seeds of its fuzz target.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace pb::photo::testing {

// Exact for the values the tests use (normal halves, no rounding needed).
inline unsigned short toHalf(float value)
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
        nodes_.append(QJsonObject{{"name", name}, {"op", "Placeholder"},
                                   {"attr", QJsonObject{{"shape", QJsonObject{{"shape", QJsonObject{{"dim", dims}}}}}}}});
    }

    void ints(const QString& name, const QList<int>& shape, const std::vector<int>& values)
    {
        constNode(name);
        weights_.append(entry(name, shape, "int32"));
        bin_.append(reinterpret_cast<const char*>(values.data()), int(values.size() * 4));
    }

    void halves(const QString& name, const QList<int>& shape, const std::vector<float>& values)
    {
        constNode(name);
        QJsonObject weight = entry(name, shape, "float32");
        weight["quantization"] = QJsonObject{{"dtype", "float16"}, {"original_dtype", "float32"}};
        weights_.append(weight);
        for (float v : values) {
            const unsigned short h = toHalf(v);
            bin_.append(char(h & 0xff)).append(char(h >> 8));
        }
    }

    void floats(const QString& name, const QList<int>& shape, const std::vector<float>& values)
    {
        constNode(name);
        weights_.append(entry(name, shape, "float32"));
        bin_.append(reinterpret_cast<const char*>(values.data()), int(values.size() * 4));
    }

    void op(const QString& name, const QString& op, const QStringList& inputs, const QJsonObject& attrs = {})
    {
        nodes_.append(QJsonObject{{"name", name}, {"op", op}, {"input", QJsonArray::fromStringList(inputs)}, {"attr", attrs}});
    }

    void output(const QString& name) { outputs_[name + ":0"] = QJsonObject{{"name", name + ":0"}}; }

    std::string json() const
    {
        const QJsonObject root{{"format", "graph-model"},
                               {"signature", QJsonObject{{"outputs", outputs_}}},
                               {"modelTopology", QJsonObject{{"node", nodes_}}},
                               {"weightsManifest", QJsonArray{QJsonObject{{"paths", QJsonArray{"model.bin"}}, {"weights", weights_}}}}};
        return QJsonDocument(root).toJson().toStdString();
    }
    std::string weights() const { return bin_.toStdString(); }

private:
    void constNode(const QString& name) { nodes_.append(QJsonObject{{"name", name}, {"op", "Const"}}); }
    static QJsonObject entry(const QString& name, const QList<int>& shape, const QString& dtype)
    {
        QJsonArray dims;
        for (int d : shape) dims.append(d);
        return QJsonObject{{"name", name}, {"shape", dims}, {"dtype", dtype}};
    }

    QJsonArray nodes_, weights_;
    QJsonObject outputs_;
    QByteArray bin_;
};

inline QJsonObject listAttr(const QList<int>& values)
{
    QJsonArray list;
    for (int v : values) list.append(QString::number(v));
    return QJsonObject{{"list", QJsonObject{{"i", list}}}};
}

constexpr int kChannels = 2, kSide = 4, kFilters = 3;

inline std::vector<float> filterValues()  // HWIO [3,3,2,3], multiples of 1/8: exact in float16
{
    std::vector<float> values;
    for (int i = 0; i < 3 * 3 * kChannels * kFilters; ++i) values.push_back(float((i * 7) % 11 - 5) / 8);
    return values;
}
inline const std::vector<float> kBias = {0.5f, -0.25f, 0.125f};

// input NCHW -> NHWC -> zero pad 1 -> 3x3 conv + bias -> LeakyRelu(0.1) -> NCHW -> split channels
// 1+2 -> sigmoid on the first -> reshape both to [1, c, 16] -> the second transposed to [1,16,2].
inline ModelWriter sampleModel()
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

// A string attribute, and a list of strings (a fused op's parts), as TF.js stores them.
inline QJsonObject stringAttr(const char* value) { return QJsonObject{{"s", QByteArray(value).toBase64().data()}}; }
inline QJsonObject stringListAttr(const QStringList& values)
{
    QJsonArray list;
    for (const QString& v : values) list.append(QString(v.toLatin1().toBase64()));
    return QJsonObject{{"list", QJsonObject{{"s", list}}}};
}

inline std::vector<float> eighthsPattern(size_t count, int multiplier, int modulus)  // multiples of 1/8: exact in float16
{
    std::vector<float> values;
    for (size_t i = 0; i < count; ++i) values.push_back(float(int(i * size_t(multiplier)) % modulus - modulus / 2) / 8);
    return values;
}

constexpr int kMobileSide = 6, kMobileInputs = 2, kMobileMid = 3, kMobileMultiplier = 2;

// input [1,6,6,2] -> 1x1 _FusedConv2D + bias + Relu6 -> [1,6,6,3] -> 3x3 FusedDepthwise
// (multiplier 2, stride 2, SAME: one more row and column of padding below and right than above
// and left) + bias + Relu -> [1,3,3,6] -> hard-swish (x * Relu6(x + 3) * 1/6) -> times
// sigmoid(Mean over height and width) per channel: "se". And a plain 2x2 DepthwiseConv2dNative
// (VALID) of the input: "dw".
inline ModelWriter mobileModel()
{
    ModelWriter m;
    m.placeholder("input", {1, kMobileSide, kMobileSide, kMobileInputs});
    m.halves("pw", {1, 1, kMobileInputs, kMobileMid}, eighthsPattern(kMobileInputs * kMobileMid, 5, 11));
    m.halves("pwBias", {kMobileMid}, {0.5f, -0.25f, 1.0f});
    m.op("pwConv", "_FusedConv2D", {"input", "pw", "pwBias"},
         {{"strides", listAttr({1, 1, 1, 1})}, {"padding", stringAttr("VALID")}, {"fused_ops", stringListAttr({"BiasAdd", "Relu6"})},
          {"num_args", QJsonObject{{"i", "1"}}}});
    m.halves("dwFilter", {3, 3, kMobileMid, kMobileMultiplier}, eighthsPattern(9 * kMobileMid * kMobileMultiplier, 7, 13));
    m.halves("dwBias", {kMobileMid * kMobileMultiplier}, eighthsPattern(kMobileMid * kMobileMultiplier, 3, 5));
    m.op("dwConv", "FusedDepthwiseConv2dNative", {"pwConv", "dwFilter", "dwBias"},
         {{"strides", listAttr({1, 2, 2, 1})}, {"padding", stringAttr("SAME")}, {"fused_ops", stringListAttr({"BiasAdd", "Relu"})},
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
    m.halves("plainFilter", {2, 2, kMobileInputs, 1}, eighthsPattern(4 * kMobileInputs, 3, 7));
    m.op("dw", "DepthwiseConv2dNative", {"input", "plainFilter"}, {{"strides", listAttr({1, 1, 1, 1})}, {"padding", stringAttr("VALID")}});
    m.output("se");
    m.output("dw");
    return m;
}

} // namespace pb::photo::testing
