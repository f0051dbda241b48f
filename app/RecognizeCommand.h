#pragma once
// `photoblocksd recognize [--recognizer nanodet|fused|fused2|cascade] [--recognizer-nanodet-dir DIR]
// [--recognizer-data DIR] FILE...`: runs a recognizer (default NanoDet, as a node would) on
// photo files and prints one JSON object per file and line (see core/photo/RecognitionJson.h).
#include <QStringList>
#include <QTextStream>

namespace pb::app {

// 0 when every file was recognized, 1 when one was rejected or unreadable or the recognizer
// cannot start, 2 without files or with an unknown option.
int runRecognizeCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace pb::app
