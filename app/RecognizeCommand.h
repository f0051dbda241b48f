#pragma once
// `photoblocksd recognize FILE...`: runs the default recognizer on photo files and prints one
// JSON object per file and line (see core/photo/RecognitionJson.h).
#include <QStringList>
#include <QTextStream>

namespace pb::app {

// 0 when every file was recognized, 1 when one was rejected or unreadable or the recognizer
// cannot start, 2 without files.
int runRecognizeCommand(const QStringList& files, QTextStream& out, QTextStream& err);

} // namespace pb::app
