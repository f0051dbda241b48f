// The GUI's QR codes must scan: each one is decoded again with OpenCV's QR detector.
#include "ui/QrCode.h"

#include <QtTest>
#include <opencv2/objdetect.hpp>

class QrCodeTest : public QObject {
    Q_OBJECT
private slots:
    void decodesBackToTheText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("address") << "pb1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlhqypvk2gznu7c6sdm7kqu";
        QTest::newRow("pairing link") << "http://192.168.1.5:8645/#pair=K7QM-3HXA";
    }
    void decodesBackToTheText()
    {
        QFETCH(QString, text);
        const QImage image = pb::ui::qrCodeImage(text, 4).convertToFormat(QImage::Format_Grayscale8);
        QVERIFY(!image.isNull());
        const cv::Mat gray(image.height(), image.width(), CV_8UC1, const_cast<uchar*>(image.constBits()),
                           size_t(image.bytesPerLine()));
        cv::QRCodeDetector detector;
        const std::string decoded = detector.detectAndDecode(gray);
        QCOMPARE(QString::fromStdString(decoded), text);
    }
    void modulesScaleTheImage()
    {
        const QImage small = pb::ui::qrCodeImage("pb1abc", 2);
        const QImage large = pb::ui::qrCodeImage("pb1abc", 6);
        QCOMPARE(large.width(), small.width() * 3);
        QCOMPARE(large.width(), large.height());
    }
    void textTooLongForAQrCodeGivesANullImage()
    {
        QVERIFY(pb::ui::qrCodeImage(QString(8000, 'x')).isNull());
    }
};

QTEST_GUILESS_MAIN(QrCodeTest)
#include "tst_qr_code.moc"
