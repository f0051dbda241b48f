#pragma once
// A recognizer's answer for one file as JSON, for the command line, logs and the REST API:
// {"file", "labels": claimable labels, "detections": [{"label","score","box":{x,y,width,height}}]}
// plus "error" (reason name) and "message" when the photo was rejected.
#include "core/photo/Recognizer.h"

#include <QJsonObject>
#include <QString>

namespace pb::photo {

QJsonObject recognitionToJson(const QString& file, const RecognizeOutcome& outcome);

} // namespace pb::photo
