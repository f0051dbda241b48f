#include "core/node/RecognizerChoice.h"

#include "core/chain/NetworkParams.h"
#include "core/node/NetworkFile.h"
#include "core/photo/CascadeRecognizer.h"
#include "core/photo/DnnClassifier.h"
#include "core/photo/FusedRecognizer.h"
#include "core/photo/NanoDetRecognizer.h"
#include "core/util/DurationHistogram.h"

#include <QFile>

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

QStringList recognizerKinds() { return {"nanodet", "fused", "fused2", "cascade", "dnn"}; }

QString chosenRecognizerKind(const NodeConfig& config)
{
    if (!config.recognizer.isEmpty()) return config.recognizer;
    if (!config.recognizerModel.isEmpty()) return "dnn";
    if (networkByName(config.network.toStdString())) return "nanodet";
    // A custom network created before the fused recognizer (or its version 2) existed pins NanoDet
    // (or version 1): its nodes keep running what it pins. An unreadable file is resolveNetwork's
    // to report.
    const QString file = config.networkFile.isEmpty() ? networkFileInDataDir(config.dataDir) : config.networkFile;
    const NetworkFileResult existing = QFile::exists(file) ? readNetworkFile(file) : NetworkFileResult{};
    if (existing.params && existing.params->recognizerIdentity == defaultRecognizerIdentity()) return "nanodet";
    if (existing.params && existing.params->recognizerIdentity == fusedRecognizerIdentity()) return "fused";
    return "fused2";
}

std::unique_ptr<photo::Recognizer> createRecognizer(const NodeConfig& config, std::string* error)
{
    const QString kind = chosenRecognizerKind(config);
    if (kind == "nanodet") {
        photo::NanoDetConfig nanodet;
        if (!config.recognizerNanoDetDir.isEmpty()) nanodet.modelDir = config.recognizerNanoDetDir.toStdString();
        return timed(photo::NanoDetRecognizer::create(nanodet, error));
    }
    if (kind == "fused" || kind == "fused2") {
        photo::FusedConfig fused = kind == "fused" ? photo::FusedConfig{} : photo::fusedConfigVersion2();
        if (!config.recognizerNanoDetDir.isEmpty()) fused.modelDir = config.recognizerNanoDetDir.toStdString();
        return timed(photo::FusedRecognizer::create(fused, error));
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
    if (error) *error = "unknown recognizer '" + kind.toStdString() + "' (nanodet, fused, fused2, cascade or dnn)";
    return nullptr;
}

} // namespace pb
