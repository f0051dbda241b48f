#include "ui/PhotoImages.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>

namespace pb::ui {

QImage decodeUpright(const QByteArray& photo)
{
    QByteArray bytes = photo;
    QBuffer buffer(&bytes);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    return reader.read();
}

QImage drawRecognition(const QImage& upright, const PhotoRecognitionInfo& recognition)
{
    QImage out = upright.convertToFormat(QImage::Format_RGB32);
    if (recognition.workingLongSide <= 0 || out.isNull()) return out;
    const double scale = double(std::max(out.width(), out.height())) / double(recognition.workingLongSide);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    const int stroke = std::max(2, int(std::lround(std::max(out.width(), out.height()) / 240.0)));
    QFont font = painter.font();
    font.setPixelSize(std::max(12, stroke * 6));
    font.setBold(true);
    painter.setFont(font);
    for (const PhotoRecognitionInfo::Detection& d : recognition.detections) {
        const QColor colour = recognition.claimable.contains(d.label) ? QColor(0x38, 0xa1, 0x69) : QColor(0xdd, 0x6b, 0x20);
        const QRectF box(d.box.x() * scale, d.box.y() * scale, d.box.width() * scale, d.box.height() * scale);
        painter.setPen(QPen(colour, stroke));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(box);
        const QString text = QString("%1 %2").arg(d.label).arg(d.score, 0, 'f', 2);
        const QRectF textBox(box.left(), std::max(0.0, box.top() - font.pixelSize() - 6),
                             painter.fontMetrics().horizontalAdvance(text) + 8, font.pixelSize() + 6);
        painter.fillRect(textBox, colour);
        painter.setPen(Qt::white);
        painter.drawText(textBox, Qt::AlignCenter, text);
    }
    return out;
}

QString describeRecognition(const PhotoRecognitionInfo& recognition)
{
    QStringList seen;
    for (const PhotoRecognitionInfo::Detection& d : recognition.detections.mid(0, 5))
        seen << QString("%1 %2").arg(d.label).arg(d.score, 0, 'f', 2);
    return seen.isEmpty() ? QObject::tr("nothing it knows") : seen.join(", ");
}

} // namespace pb::ui
