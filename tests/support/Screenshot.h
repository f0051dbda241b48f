#pragma once
// GUI tests render widgets to PNG files in the build tree's screenshots/ folder, so anyone can
// look at what the pages look like with real data.
#include <QDir>
#include <QWidget>
#include <QtTest>

namespace pb::test {

inline void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString dirPath = qEnvironmentVariable("PB_BUILD_DIR", QDir::tempPath()) + "/screenshots";
    QVERIFY(QDir().mkpath(dirPath));
    const QImage image = widget->grab().toImage();
    QVERIFY(image.width() >= 200 && image.height() >= 150);
    QVERIFY(image.save(dirPath + "/" + name + ".png"));
    qInfo("screenshot: %s/%s.png", qPrintable(dirPath), qPrintable(name));
}

} // namespace pb::test
