#pragma once
// Synthetic photos for the photo tests, built in memory with OpenCV's encoders and patched by
// hand where a test needs a hostile or unusual file.
#include "core/util/Bytes.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QFile>
#include <QString>
#include <QtTest>

namespace pb::photo::samples {

inline Bytes encode(const cv::Mat& image, const char* extension)
{
    std::vector<uchar> out;
    if (!cv::imencode(extension, image, out))
        qFatal("cv::imencode(%s) failed", extension);
    return Bytes(out.begin(), out.end());
}

// A width x height BGR image whose left half is white and right half black.
inline cv::Mat leftWhiteRightBlack(int width, int height)
{
    cv::Mat image(height, width, CV_8UC3, cv::Scalar(0, 0, 0));
    image(cv::Rect(0, 0, width / 2, height)).setTo(cv::Scalar(255, 255, 255));
    return image;
}

inline uint32_t crc32(const uint8_t* data, size_t size)
{
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A valid small PNG whose IHDR is rewritten (with a correct CRC) to claim width x height.
inline Bytes pngClaiming(uint32_t width, uint32_t height)
{
    Bytes png = encode(leftWhiteRightBlack(32, 32), ".png");
    putBE32(&png[16], width);
    putBE32(&png[20], height);
    putBE32(&png[29], crc32(&png[12], 17));  // CRC over type + 13 data bytes
    return png;
}

// Offset of the first SOF0/SOF2 segment's marker in a JPEG.
inline size_t startOfFrameOffset(const Bytes& jpeg)
{
    for (size_t i = 2; i + 1 < jpeg.size(); ++i)
        if (jpeg[i] == 0xff && (jpeg[i + 1] == 0xc0 || jpeg[i + 1] == 0xc2))
            return i;
    qFatal("no SOF marker");
    return 0;
}

// The JPEG with an EXIF APP1 segment (big-endian TIFF, one IFD0 entry: Orientation) after SOI.
inline Bytes withExifOrientation(const Bytes& jpeg, uint16_t orientation)
{
    const uint8_t exif[] = {
        0xff, 0xe1, 0x00, 34,                          // APP1, length 2 + 6 + 26
        'E', 'x', 'i', 'f', 0, 0,                      // EXIF identifier
        'M', 'M', 0x00, 0x2a, 0, 0, 0, 8,              // TIFF header, IFD0 at offset 8
        0x00, 0x01,                                    // one entry
        0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1,            // Orientation, SHORT, count 1
        uint8_t(orientation >> 8), uint8_t(orientation), 0, 0,
        0, 0, 0, 0,                                    // no next IFD
    };
    Bytes out(jpeg.size() + sizeof exif);
    std::copy(jpeg.begin(), jpeg.begin() + 2, out.begin());
    std::copy(std::begin(exif), std::end(exif), out.begin() + 2);
    std::copy(jpeg.begin() + 2, jpeg.end(), out.begin() + 2 + sizeof exif);
    return out;
}

inline Bytes readFileOrFail(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.readAll();
    return Bytes(data.begin(), data.end());
}

} // namespace pb::photo::samples
