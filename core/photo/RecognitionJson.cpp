#include "core/photo/RecognitionJson.h"

#include <QJsonArray>

namespace pb::photo {

QJsonObject recognitionToJson(const QString& file, const RecognizeOutcome& outcome)
{
    QJsonArray labels, detections;
    if (outcome.ok()) {
        for (const std::string& label : outcome.recognition->claimable)
            labels.append(QString::fromStdString(label));
        for (const Detection& d : outcome.recognition->detections) {
            const QJsonObject box{{"x", d.box.x}, {"y", d.box.y}, {"width", d.box.width}, {"height", d.box.height}};
            detections.append(QJsonObject{{"label", QString::fromStdString(d.label)}, {"score", d.score}, {"box", box}});
        }
    }
    QJsonObject json{{"file", file}, {"labels", labels}, {"detections", detections}};
    if (!outcome.ok()) {
        json.insert("error", QString::fromUtf8(photoErrorName(outcome.error).data(), int(photoErrorName(outcome.error).size())));
        json.insert("message", QString::fromStdString(outcome.message));
    }
    return json;
}

} // namespace pb::photo
