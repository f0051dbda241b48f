#pragma once
// GUI tests render windows to PNG files in the build tree (screenshots/) for people to look at.
#include <QDir>
#include <QWidget>
#include <QtTest>

namespace pb::test {

// Saves `widget` as <build dir>/screenshots/<name>.png; a test failure when it cannot.
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
