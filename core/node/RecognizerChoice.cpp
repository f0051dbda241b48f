#include "core/node/RecognizerChoice.h"

#include "core/photo/CascadeRecognizer.h"
#include "core/photo/DnnClassifier.h"
#include "core/photo/NanoDetRecognizer.h"
#include "core/util/DurationHistogram.h"

namespace pb {

namespace {

// Times every recognition (validation, mining jobs, previews) for /metrics; otherwise the
// recognizer it wraps, identity included.
class TimedRecognizer : public photo::Recognizer {
public:
    explicit TimedRecognizer(std::unique_ptr<photo::Recognizer> inner) : inner_(std::move(inner)) {}
    std::string identity() const override { return inner_->identity(); }
    std::vector<std::string> labels() const override { return inner_->labels(); }
    photo::RecognizeOutcome recognize(const Bytes& photo) const override
    {
        const ScopedDuration timing(processTimings().recognizer);
        return inner_->recognize(photo);
    }

private:
    std::unique_ptr<photo::Recognizer> inner_;
};

std::unique_ptr<photo::Recognizer> timed(std::unique_ptr<photo::Recognizer> recognizer)
{
    if (!recognizer) return nullptr;
    return std::make_unique<TimedRecognizer>(std::move(recognizer));
}

} // namespace

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
        return timed(photo::NanoDetRecognizer::create(nanodet, error));
    }
    if (kind == "cascade") {
        photo::CascadeConfig cascades;
        if (!config.recognizerData.isEmpty()) cascades.cascadeDir = config.recognizerData.toStdString();
        return timed(photo::CascadeRecognizer::create(cascades, error));
    }
    if (kind == "dnn") {
        photo::DnnConfig dnn;
        dnn.modelFile = config.recognizerModel.toStdString();
        dnn.configFile = config.recognizerModelConfig.toStdString();
        dnn.labelsFile = config.recognizerLabels.toStdString();
        dnn.inputWidth = dnn.inputHeight = config.recognizerInputSide;
        return timed(photo::DnnClassifier::create(dnn, error));
    }
    if (error) *error = "unknown recognizer '" + kind.toStdString() + "' (nanodet, cascade or dnn)";
    return nullptr;
}

} // namespace pb
