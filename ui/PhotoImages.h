#pragma once
// Photos as the recognizer sees them: decoded upright (EXIF orientation applied, as the
// node's decoder does) and with the recognizer's detections drawn over them.
#include "core/node/Node.h"

#include <QImage>

namespace pb::ui {

// A null image when the bytes do not decode.
QImage decodeUpright(const QByteArray& photo);
// A copy of `upright` with each detection's box and "label score" drawn, scaled from the
// recognizer's working image to this image.
QImage drawRecognition(const QImage& upright, const PhotoRecognitionInfo& recognition);
// "face 0.68, face 0.41" or "nothing it knows".
QString describeRecognition(const PhotoRecognitionInfo& recognition);

} // namespace pb::ui
