#include "core/node/RecognizerChoice.h"

#include "core/photo/CascadeRecognizer.h"
#include "core/photo/DnnClassifier.h"
#include "core/photo/NanoDetRecognizer.h"

namespace pb {

QStringList recognizerKinds() { return {"nanodet", "cascade", "dnn"}; }

QString chosenRecognizerKind(const NodeConfig& config)
{
    if (!config.recognizer.isEmpty()) return config.recognizer;
    return config.recognizerModel.isEmpty() ? "nanodet" : "dnn";
}

std::unique_ptr<photo::Recognizer> createRecognizer(const NodeConfig& config, std::string* error)
{
    const QString kind = chosenRecognizerKind(config);
    if (kind == "nanodet") {
        photo::NanoDetConfig nanodet;
        if (!config.recognizerNanoDetDir.isEmpty()) nanodet.modelDir = config.recognizerNanoDetDir.toStdString();
        return photo::NanoDetRecognizer::create(nanodet, error);
    }
    if (kind == "cascade") {
        photo::CascadeConfig cascades;
        if (!config.recognizerData.isEmpty()) cascades.cascadeDir = config.recognizerData.toStdString();
        return photo::CascadeRecognizer::create(cascades, error);
    }
    if (kind == "dnn") {
        photo::DnnConfig dnn;
        dnn.modelFile = config.recognizerModel.toStdString();
        dnn.configFile = config.recognizerModelConfig.toStdString();
        dnn.labelsFile = config.recognizerLabels.toStdString();
        dnn.inputWidth = dnn.inputHeight = config.recognizerInputSide;
        return photo::DnnClassifier::create(dnn, error);
    }
    if (error) *error = "unknown recognizer '" + kind.toStdString() + "' (nanodet, cascade or dnn)";
    return nullptr;
}

} // namespace pb
