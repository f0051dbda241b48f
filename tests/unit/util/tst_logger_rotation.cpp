// Logger: node.log is rotated by size into node.log.1 … node.log.<keep>, the oldest dropped, so
// the log of a long-running node stays bounded; no line is lost between the files kept.
#include "core/util/Logger.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using pb::Logger;
using pb::LogRotation;

namespace {

QStringList linesOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
}

} // namespace

class LoggerRotationTest : public QObject {
    Q_OBJECT
private slots:
    void rotatesPastTheLimitAndKeepsTheNewestFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("node.log");
        Logger log(false);
        QString error;
        QVERIFY2(log.openFile(path, &error, LogRotation{2000, 2}), qPrintable(error));
        const int lines = 200;  // ~60 bytes each: ~12 KB, several rotations past 2,000 bytes
        for (int i = 0; i < lines; ++i) log.info(QString("line %1 padding to make it longer").arg(i, 4, 10, QChar('0')));

        const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{"node.log", "node.log.1", "node.log.2"}));
        for (const QString& name : files) QVERIFY2(QFileInfo(dir.filePath(name)).size() < 2100, qPrintable(name));

        // The kept files hold the newest lines, in order and without a gap, ending with the last.
        const QStringList kept = linesOf(path + ".2") + linesOf(path + ".1") + linesOf(path);
        QVERIFY(kept.size() > 40 && kept.size() < lines);
        const int first = lines - int(kept.size());
        for (int k = 0; k < kept.size(); ++k)
            QVERIFY2(kept[k].contains(QString("line %1 ").arg(first + k, 4, 10, QChar('0'))), qPrintable(kept[k]));
    }

    void aFileUnderTheLimitIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("node.log");
        Logger log(false);
        QString error;
        QVERIFY(log.openFile(path, &error));  // default: 10 MiB
        for (int i = 0; i < 100; ++i) log.info("a short line");
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"node.log"});
        QCOMPARE(linesOf(path).size(), 100);
    }
};

QTEST_GUILESS_MAIN(LoggerRotationTest)
#include "tst_logger_rotation.moc"
