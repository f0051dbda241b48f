#include "app/RecognizeCommand.h"

#include "app/CommandHelp.h"
#include "core/node/RecognizerChoice.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/RecognitionJson.h"

#include <QFile>
#include <QMap>
#include <QJsonDocument>

namespace pb::app {

namespace {

const char* const kUsage =
    "usage: photoblocksd recognize [--recognizer nanodet|fused|fused2|cascade] [--recognizer-nanodet-dir DIR]\n"
    "                              [--recognizer-data DIR] PHOTO...\n"
    "  What the recognizer sees in each photo, one JSON line per photo; no node is started.\n";

// Reads at most `limit` + 1 bytes, enough for the decoder to say "too large" without loading a
// huge file whole.
photo::RecognizeOutcome recognizeFile(const photo::Recognizer& recognizer, const QString& path, size_t limit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, photo::PhotoError::FileUnreadable,
                "cannot read " + path.toStdString() + ": " + file.errorString().toStdString()};
    const QByteArray data = file.read(qint64(limit) + 1);
    return recognizer.recognize(Bytes(data.begin(), data.end()));
}

} // namespace

int runRecognizeCommand(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    if (answeredHelp(arguments, kUsage, out)) return 0;
    NodeConfig config;
    QStringList files;
    const QMap<QString, QString*> options = {{"--recognizer", &config.recognizer},
                                             {"--recognizer-nanodet-dir", &config.recognizerNanoDetDir},
                                             {"--recognizer-data", &config.recognizerData}};
    for (int i = 0; i < arguments.size(); ++i) {
        if (!arguments[i].startsWith("--")) {
            files << arguments[i];
        } else if (options.contains(arguments[i]) && i + 1 < arguments.size()) {
            *options[arguments[i]] = arguments[i + 1];
            ++i;
        } else {
            err << "recognize: unknown option or missing value: " << arguments[i] << "\n";
            return 2;
        }
    }
    if (files.isEmpty()) {
        err << "recognize: name at least one photo file\n";
        return 2;
    }
    if (config.recognizer == "dnn") {
        err << "recognize: --recognizer nanodet, fused, fused2 or cascade (the dnn classifier needs the node's options)\n";
        return 2;
    }
    std::string error;
    const std::unique_ptr<photo::Recognizer> recognizer = createRecognizer(config, &error);
    if (!recognizer) {
        err << "recognize: " << QString::fromStdString(error) << "\n";
        return 1;
    }
    bool allRecognized = true;
    for (const QString& path : files) {
        const photo::RecognizeOutcome outcome = recognizeFile(*recognizer, path, photo::DecodeLimits{}.maxBytes);
        allRecognized = allRecognized && outcome.ok();
        out << QJsonDocument(photo::recognitionToJson(path, outcome)).toJson(QJsonDocument::Compact) << "\n";
    }
    out.flush();
    return allRecognized ? 0 : 1;
}

} // namespace pb::app
