// The GUI's QR codes must scan: each one is decoded again with ZBar, a scanner library.
#include "ui/QrCode.h"

#include <QtTest>
#include <zbar.h>

namespace {

// Every QR code ZBar finds in a grayscale image, as text.
QStringList scan(const QImage& gray)
{
    zbar::ImageScanner scanner;
    scanner.set_config(zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    scanner.set_config(zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    QByteArray pixels;
    for (int y = 0; y < gray.height(); ++y)
        pixels.append(reinterpret_cast<const char*>(gray.constScanLine(y)), gray.width());
    zbar::Image image(unsigned(gray.width()), unsigned(gray.height()), "Y800", pixels.constData(), unsigned(pixels.size()));
    scanner.scan(image);
    QStringList found;
    for (auto symbol = image.symbol_begin(); symbol != image.symbol_end(); ++symbol)
        found << QString::fromStdString(symbol->get_data());
    return found;
}

} // namespace

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
        QCOMPARE(scan(image), QStringList{text});
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
