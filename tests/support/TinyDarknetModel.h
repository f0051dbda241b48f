#pragma once
// A tiny Darknet classifier the tests write themselves: a 1x1 convolution whose two filters
// measure brightness and darkness, a global average and a softmax, over an 8x8 input. A white
// photo comes out "bright", a black one "dark".
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QtTest>
#include <vector>

namespace pb::test {

const char kNetConfig[] = R"([net]
width=8
height=8
channels=3

[convolutional]
batch_normalize=0
filters=2
size=1
stride=1
pad=0
activation=linear

[avgpool]

[softmax]
)";

inline void writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(contents), contents.size());
}

// Darknet weights: int32 major, minor, revision, uint64 images seen, then per convolution its
// biases followed by its weights (filters x channels x size x size), all little-endian float32.
inline QByteArray darknetWeights(const std::vector<float>& biases, const std::vector<float>& weights)
{
    QByteArray out;
    const auto append = [&](const void* data, int size) { out.append(static_cast<const char*>(data), size); };
    const int32_t version[3] = {0, 2, 0};
    const uint64_t seen = 0;
    append(version, sizeof version);
    append(&seen, sizeof seen);
    append(biases.data(), int(biases.size() * sizeof(float)));
    append(weights.data(), int(weights.size() * sizeof(float)));
    return out;
}

struct TinyDarknetModel {
    QString weights, config, labels;
    static constexpr int kInputSide = 8;
};

// Writes tiny.weights, tiny.cfg and labels.txt ("bright", "dark") into `dir`.
inline TinyDarknetModel writeBrightnessModel(const QString& dir)
{
    TinyDarknetModel m{QDir(dir).filePath("tiny.weights"), QDir(dir).filePath("tiny.cfg"), QDir(dir).filePath("labels.txt")};
    // bright = 4 * (r + g + b) - 6, dark = -4 * (r + g + b) + 6 on pixels scaled to 0..1.
    writeFile(m.weights, darknetWeights({-6, 6}, {4, 4, 4, -4, -4, -4}));
    writeFile(m.config, kNetConfig);
    writeFile(m.labels, "bright\ndark\n");
    return m;
}

} // namespace pb::test
