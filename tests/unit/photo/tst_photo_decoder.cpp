// The canonical decoder refuses every malformed or hostile file with a precise reason, checks
// dimensions before decoding, applies EXIF orientation and always yields the same working image.
#include "PhotoSamples.h"
#include "core/photo/PhotoDecoder.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

using namespace pb;
using namespace pb::photo;
using namespace pb::photo::samples;

namespace {

void expectRejected(const DecodeResult& result, PhotoError error, const char* messagePart)
{
    QVERIFY2(!result.ok(), "a malformed photo was accepted");
    QCOMPARE(photoErrorName(result.error), photoErrorName(error));
    QVERIFY2(result.message.find(messagePart) != std::string::npos, result.message.c_str());
}

} // namespace

class PhotoDecoderRejectsHostileFiles : public QObject {
    Q_OBJECT

private slots:
    void zeroBytesAreEmpty() { expectRejected(PhotoDecoder().decode({}), PhotoError::Empty, "zero bytes"); }

    void bytesOverTheCapAreTooLarge()
    {
        const Bytes big(2 * 1024 * 1024 + 1, 0xff);
        expectRejected(PhotoDecoder().decode(big), PhotoError::TooLarge, "2097152-byte limit");
        const Bytes jpeg = encode(leftWhiteRightBlack(64, 64), ".jpg");
        DecodeLimits small;
        small.maxBytes = jpeg.size() - 1;
        expectRejected(PhotoDecoder(small).decode(jpeg), PhotoError::TooLarge, "limit");
    }

    void otherFormatsAreUnsupported_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::newRow("gif") << QByteArray("GIF89a\x20\x00\x20\x00\x80\x00\x00", 13);
        const Bytes bmp = encode(leftWhiteRightBlack(32, 32), ".bmp");
        QTest::newRow("bmp") << QByteArray(reinterpret_cast<const char*>(bmp.data()), int(bmp.size()));
        QTest::newRow("text") << QByteArray("a cat, honestly\n");
        QTest::newRow("jpeg-like two bytes") << QByteArray("\xff\xd8", 2);
    }

    void otherFormatsAreUnsupported()
    {
        QFETCH(QByteArray, file);
        expectRejected(PhotoDecoder().decode(Bytes(file.begin(), file.end())), PhotoError::UnsupportedType,
                       "only JPEG and PNG");
    }

    void truncatedJpegIsTruncated()
    {
        const Bytes jpeg = encode(leftWhiteRightBlack(256, 256), ".jpg");
        expectRejected(PhotoDecoder().decode(Bytes(jpeg.begin(), jpeg.begin() + jpeg.size() / 2)), PhotoError::Truncated,
                       "JPEG truncated");
        expectRejected(PhotoDecoder().decode(Bytes(jpeg.begin(), jpeg.end() - 2)), PhotoError::Truncated, "JPEG truncated");
        expectRejected(PhotoDecoder().decode(Bytes(jpeg.begin(), jpeg.begin() + 40)), PhotoError::Truncated, "JPEG truncated");
    }

    void truncatedPngIsTruncated()
    {
        const Bytes png = encode(leftWhiteRightBlack(256, 256), ".png");
        expectRejected(PhotoDecoder().decode(Bytes(png.begin(), png.end() - 5)), PhotoError::Truncated, "PNG truncated");
        expectRejected(PhotoDecoder().decode(Bytes(png.begin(), png.begin() + 20)), PhotoError::Truncated, "PNG truncated");
    }

    void jpegWithoutImageDataIsCorrupt()
    {
        const Bytes soiEoi = {0xff, 0xd8, 0xff, 0xd9};
        expectRejected(PhotoDecoder().decode(soiEoi), PhotoError::Corrupt, "EOI before any image data");
    }

    void pngWithDamagedImageDataIsCorrupt()
    {
        Bytes png = encode(leftWhiteRightBlack(256, 256), ".png");
        for (size_t i = 60; i < png.size() - 20; i += 7)
            png[i] ^= 0x5a;  // inside IDAT: structure intact, CRC and zlib stream broken
        expectRejected(PhotoDecoder().decode(png), PhotoError::Corrupt, "corrupt");
    }

    void pngWithBadFirstChunkIsCorrupt()
    {
        Bytes png = encode(leftWhiteRightBlack(32, 32), ".png");
        png[12] = 'X';
        expectRejected(PhotoDecoder().decode(png), PhotoError::Corrupt, "IHDR");
    }

    void hugePngHeaderIsRefusedBeforeDecoding()
    {
        const Bytes bomb = pngClaiming(100000, 100000);
        QElapsedTimer timer;
        timer.start();
        const DecodeResult result = PhotoDecoder().decode(bomb);
        expectRejected(result, PhotoError::TooManyPixels, "100000x100000");
        QVERIFY2(timer.elapsed() < 50, "the header check must refuse a bomb without decoding it");
    }

    void hugeJpegHeaderIsRefusedBeforeDecoding()
    {
        Bytes jpeg = encode(leftWhiteRightBlack(64, 64), ".jpg");
        const size_t sof = startOfFrameOffset(jpeg);
        jpeg[sof + 5] = 0xea;  // height 60000
        jpeg[sof + 6] = 0x60;
        jpeg[sof + 7] = 0xea;  // width 60000
        jpeg[sof + 8] = 0x60;
        expectRejected(PhotoDecoder().decode(jpeg), PhotoError::TooManyPixels, "60000x60000");
    }

    void oneSideOverTheLimitIsRefused()
    {
        expectRejected(PhotoDecoder().decode(pngClaiming(20000, 20)), PhotoError::TooManyPixels, "16384 per side");
    }

    void tinyPhotoIsTooSmall()
    {
        expectRejected(PhotoDecoder().decode(encode(leftWhiteRightBlack(8, 8), ".png")), PhotoError::TooSmall, "8x8");
    }

    void exifRotatedJpegComesOutUpright()
    {
        // Stored 128x64 with the white half on the left; orientation 6 means "rotate 90 degrees
        // clockwise to display", which puts the white half on top of a 64x128 picture.
        const Bytes stored = encode(leftWhiteRightBlack(128, 64), ".jpg");
        const DecodeResult rotated = PhotoDecoder().decode(withExifOrientation(stored, 6));
        QVERIFY2(rotated.ok(), rotated.message.c_str());
        const cv::Mat& gray = rotated.photo->gray;
        QCOMPARE(gray.cols, 320);
        QCOMPARE(gray.rows, 640);
        QVERIFY(cv::mean(gray(cv::Rect(0, 0, 320, 300)))[0] > 240);
        QVERIFY(cv::mean(gray(cv::Rect(0, 340, 320, 300)))[0] < 15);

        const DecodeResult asStored = PhotoDecoder().decode(withExifOrientation(stored, 1));
        QVERIFY(asStored.ok());
        QCOMPARE(asStored.photo->gray.cols, 640);
        QCOMPARE(asStored.photo->gray.rows, 320);
    }

    void validPhotosBecomeTheWorkingImage_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("workingWidth");
        QTest::addColumn<int>("workingHeight");
        QTest::newRow("png shrunk") << ".png" << 1000 << 750 << 640 << 480;
        QTest::newRow("jpeg shrunk") << ".jpg" << 333 << 999 << 213 << 640;
        QTest::newRow("small png enlarged") << ".png" << 100 << 50 << 640 << 320;
    }

    void validPhotosBecomeTheWorkingImage()
    {
        QFETCH(QString, extension);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, workingWidth);
        QFETCH(int, workingHeight);
        const Bytes file = encode(leftWhiteRightBlack(width, height), extension.toLatin1().constData());
        const DecodeResult result = PhotoDecoder().decode(file);
        QVERIFY2(result.ok(), result.message.c_str());
        QCOMPARE(result.photo->gray.type(), CV_8UC1);
        QCOMPARE(result.photo->color.type(), CV_8UC3);
        QCOMPARE(result.photo->gray.cols, workingWidth);
        QCOMPARE(result.photo->gray.rows, workingHeight);
        QCOMPARE(int(result.photo->source.width), width);
        QCOMPARE(int(result.photo->source.height), height);
    }

    void grayPngAndPalettePngAreAccepted()
    {
        cv::Mat gray(40, 60, CV_8UC1, cv::Scalar(90));
        QVERIFY(PhotoDecoder().decode(encode(gray, ".png")).ok());
        cv::Mat deep(40, 60, CV_16UC3, cv::Scalar(1000, 20000, 65535));
        QVERIFY(PhotoDecoder().decode(encode(deep, ".png")).ok());
    }

    void randomDamageNeverCrashes()
    {
        // Bit flips and cuts of valid files: every outcome is fine except a crash or a throw.
        const Bytes originals[] = {encode(leftWhiteRightBlack(96, 64), ".jpg"), encode(leftWhiteRightBlack(96, 64), ".png")};
        QRandomGenerator random(20240601);
        int accepted = 0, refused = 0;
        for (int round = 0; round < 400; ++round) {
            Bytes file = originals[round % 2];
            const int flips = 1 + random.bounded(8);
            for (int i = 0; i < flips; ++i)
                file[random.bounded(int(file.size()))] ^= uint8_t(1 << random.bounded(8));
            if (round % 5 == 0)
                file.resize(random.bounded(int(file.size())));
            const DecodeResult result = PhotoDecoder().decode(file);
            (result.ok() ? accepted : refused)++;
            if (!result.ok())
                QVERIFY(!result.message.empty());
        }
        QVERIFY(refused > 0);
        qInfo("random damage: %d decoded, %d refused", accepted, refused);
    }

    void sameBytesGiveTheSameWorkingImage()
    {
        const Bytes jpeg = encode(leftWhiteRightBlack(800, 600), ".jpg");
        const DecodeResult a = PhotoDecoder().decode(jpeg);
        const DecodeResult b = PhotoDecoder().decode(jpeg);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(cv::norm(a.photo->color, b.photo->color, cv::NORM_INF), 0.0);
    }

    void parameterTextNamesEveryLimit()
    {
        DecodeLimits limits;
        const std::string base = PhotoDecoder(limits).parameterText();
        limits.workingLongSide = 512;
        QVERIFY(PhotoDecoder(limits).parameterText() != base);
    }
};

QTEST_APPLESS_MAIN(PhotoDecoderRejectsHostileFiles)
#include "tst_photo_decoder.moc"
