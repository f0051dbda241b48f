#pragma once
// Compares what the importer's net computes for a model of the pinned package with what
// TensorFlow.js computed for it (tests/data/<model>_tfjs_reference.json, made by
// tests/data/tfjs_reference.js) on the same synthetic input, input[i] = 2 sin(0.37 i).
#include "core/photo/TfjsDnnNet.h"
#include "core/photo/TfjsGraph.h"
#include "core/photo/RecognizerIdentity.h"  // readWholeFile

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <opencv2/dnn.hpp>

#include <algorithm>
#include <cmath>

namespace pb::photo::testing {

// "" when every output's shape, sum (within 1e-2, relatively for large sums) and 32 sampled
// values (within 2e-4, relatively above 1) match;
// else what differs first. `outputs` as for parseTfjsGraph (empty: the signature's).
inline QString differencesFromTensorFlowJs(const std::string& modelDir, const std::string& model,
                                           const std::vector<std::string>& outputs = {})
{
    const auto json = readWholeFile(modelDir + "/" + model + ".json"), weights = readWholeFile(modelDir + "/" + model + ".bin");
    if (!json || !weights) return QString::fromStdString("no model in " + modelDir + ": run scripts/fetch-model.sh");
    QFile referenceFile(qEnvironmentVariable("PB_SOURCE_DIR", PB_SOURCE_DIR) + "/tests/data/" + QString::fromStdString(model) +
                        "_tfjs_reference.json");
    if (!referenceFile.open(QIODevice::ReadOnly)) return "no reference file " + referenceFile.fileName();
    const QJsonArray reference = QJsonDocument::fromJson(referenceFile.readAll()).object().value("outputs").toArray();

    std::string error;
    const auto graph = parseTfjsGraph(*json, *weights, &error, outputs);
    if (!graph) return QString::fromStdString("parse: " + error);
    auto net = buildTfjsDnnNet(*graph, &error);
    if (!net) return QString::fromStdString("build: " + error);
    if (size_t(reference.size()) != graph->outputs.size()) return "the reference has another number of outputs";
    net->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    cv::Mat input(int(net->inputShape.size()), net->inputShape.data(), CV_32F);
    for (size_t i = 0; i < input.total(); ++i) input.ptr<float>()[i] = float(2 * std::sin(0.37 * double(i)));
    net->net.setInput(input);
    std::vector<cv::Mat> results;
    net->net.forward(results, net->outputLayers);
    for (int o = 0; o < reference.size(); ++o) {
        const QJsonObject expected = reference[o].toObject();
        const QString name = expected.value("name").toString();
        if (QString::fromStdString(graph->outputs[size_t(o)]) != name) return "output " + QString::number(o) + " is not " + name;
        std::vector<int> expectedShape;
        for (const QJsonValue& d : expected.value("shape").toArray()) expectedShape.push_back(d.toInt());
        if (net->outputShapes[size_t(o)] != expectedShape) return name + ": another shape";
        const float* values = results[size_t(o)].ptr<float>();
        const size_t size = results[size_t(o)].total();
        double sum = 0;
        for (size_t i = 0; i < size; ++i) sum += values[i];
        const double expectedSum = expected.value("sum").toDouble();
        if (!(std::abs(sum - expectedSum) < 1e-2 * std::max(1.0, std::abs(expectedSum) * 1e-4)))
            return QString("%1: sum %2, TF.js %3").arg(name).arg(sum).arg(expected.value("sum").toDouble());
        const QJsonArray samples = expected.value("samples").toArray();
        for (int k = 0; k < samples.size(); ++k) {
            const float value = values[(size_t(k) * 7919) % size];
            if (!(std::abs(value - samples[k].toDouble()) < 2e-4 * std::max(1.0, std::abs(samples[k].toDouble()))))
                return QString("%1[%2]: %3, TF.js %4").arg(name).arg(k).arg(value).arg(samples[k].toDouble());
        }
    }
    return {};
}

} // namespace pb::photo::testing
