#pragma once
// A TF.js graph model written by hand (nodes, weights appended in manifest order) and the small
// sample graph with the NanoDet model's layout tricks, for the importer's tests and the seeds
// of its fuzz target.
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

} // namespace pb::photo::testing
