#include "app/RecognizeCommand.h"

#include "core/photo/CascadeRecognizer.h"
#include "core/photo/RecognitionJson.h"

#include <QFile>
#include <QJsonDocument>

namespace pb::app {

namespace {

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

int runRecognizeCommand(const QStringList& files, QTextStream& out, QTextStream& err)
{
    if (files.isEmpty()) {
        err << "recognize: name at least one photo file\n";
        return 2;
    }
    const photo::CascadeConfig config;
    std::string error;
    const std::unique_ptr<photo::CascadeRecognizer> recognizer = photo::CascadeRecognizer::create(config, &error);
    if (!recognizer) {
        err << "recognize: " << QString::fromStdString(error) << "\n";
        return 1;
    }
    bool allRecognized = true;
    for (const QString& path : files) {
        const photo::RecognizeOutcome outcome = recognizeFile(*recognizer, path, config.decodeLimits.maxBytes);
        allRecognized = allRecognized && outcome.ok();
        out << QJsonDocument(photo::recognitionToJson(path, outcome)).toJson(QJsonDocument::Compact) << "\n";
    }
    out.flush();
    return allRecognized ? 0 : 1;
}

} // namespace pb::app
