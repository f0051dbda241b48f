#pragma once
// QR codes for the GUI (receive addresses, phone pairing links), drawn with libqrencode.
#include <QImage>
#include <QString>

namespace pb::ui {

// `text` as a QR code (error correction M, 8-bit mode) with a 4-module quiet zone, each module
// `moduleSize` pixels, black on white. A null image when the text does not fit a QR code.
QImage qrCodeImage(const QString& text, int moduleSize = 6);

} // namespace pb::ui
