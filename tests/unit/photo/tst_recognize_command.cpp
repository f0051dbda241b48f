// Recognitions as JSON and the recognize command: one JSON object per file and line, the
// claimable labels exactly, boxes and scores for what was seen, a reason for every rejection;
// NanoDet unless --recognizer chooses the cascades.
#include "PhotoSamples.h"
#include "app/RecognizeCommand.h"
#include "core/photo/RecognitionJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace pb;
using namespace pb::photo;

class RecognizeCommandPrintsJson : public QObject {
    Q_OBJECT

private slots:
    void recognitionBecomesJson()
    {
        RecognizeOutcome outcome;
        outcome.recognition = finishRecognition({{"face", 0.7, {10, 20, 30, 40}}, {"face", 0.3, {1, 2, 3, 4}}}, 0.5, 0.05);
        const QJsonObject json = recognitionToJson("a.jpg", outcome);
        QCOMPARE(json.value("file").toString(), QString("a.jpg"));
        QCOMPARE(json.value("labels").toArray(), QJsonArray{"face"});
        const QJsonArray detections = json.value("detections").toArray();
        QCOMPARE(detections.size(), 2);
        const QJsonObject best = detections.at(0).toObject();
        QCOMPARE(best.value("label").toString(), QString("face"));
        QCOMPARE(best.value("score").toDouble(), 0.7);
        QCOMPARE(best.value("box").toObject(), (QJsonObject{{"x", 10}, {"y", 20}, {"width", 30}, {"height", 40}}));
        QVERIFY(!json.contains("error"));
    }

    void rejectionBecomesJsonWithItsReason()
    {
        const RecognizeOutcome outcome{std::nullopt, PhotoError::Truncated, "JPEG truncated"};
        const QJsonObject json = recognitionToJson("b.jpg", outcome);
        QCOMPARE(json.value("error").toString(), QString("truncated"));
        QCOMPARE(json.value("message").toString(), QString("JPEG truncated"));
        QCOMPARE(json.value("labels").toArray(), QJsonArray());
        QCOMPARE(json.value("detections").toArray(), QJsonArray());
    }

    void commandPrintsOneLinePerFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString face = "/usr/share/doc/opencv-doc/opencv4/html/face_swapped.jpg";
        QVERIFY2(QFile::exists(face), qPrintable("missing test photo " + face + ": install the Debian package opencv-doc"));
        const QString text = dir.filePath("notes.txt");
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a photo");
        file.close();

        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        const int status = app::runRecognizeCommand({"--recognizer", "cascade", face, text, dir.filePath("absent.png")}, out, err);
        QCOMPARE(status, 1);
        const QStringList lines = outText.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const QJsonObject first = QJsonDocument::fromJson(lines[0].toUtf8()).object();
        QCOMPARE(first.value("file").toString(), face);
        QCOMPARE(first.value("labels").toArray(), QJsonArray{"face"});
        QCOMPARE(QJsonDocument::fromJson(lines[1].toUtf8()).object().value("error").toString(), QString("unsupported_type"));
        QCOMPARE(QJsonDocument::fromJson(lines[2].toUtf8()).object().value("error").toString(), QString("file_unreadable"));
    }

    void commandRunsNanoDetByDefault()
    {
        const QString dog = "/usr/share/darknet/data/dog.jpg";
        QVERIFY2(QFile::exists(dog), qPrintable("missing test photo " + dog + ": install the Debian package darknet"));
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(app::runRecognizeCommand({dog}, out, err), 0);
        const QJsonObject json = QJsonDocument::fromJson(outText.toUtf8()).object();
        QCOMPARE(json.value("labels").toArray(), QJsonArray{"dog"});
        QVERIFY(json.value("detections").toArray().size() > 1);  // bicycle, car... below the claim threshold
    }

    void commandWithoutFilesOrWithUnknownOptionsIsAUsageError()
    {
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(app::runRecognizeCommand({}, out, err), 2);
        QVERIFY(errText.contains("photo file"));
        QCOMPARE(app::runRecognizeCommand({"--colour", "a.jpg"}, out, err), 2);
        QVERIFY(errText.contains("unknown option or missing value: --colour"));
        QCOMPARE(app::runRecognizeCommand({"a.jpg", "--recognizer"}, out, err), 2);
    }

    void unknownRecognizerCannotStart()
    {
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(app::runRecognizeCommand({"--recognizer", "owl", "a.jpg"}, out, err), 1);
        QVERIFY2(errText.contains("unknown recognizer 'owl'"), qPrintable(errText));
    }
};

QTEST_APPLESS_MAIN(RecognizeCommandPrintsJson)
#include "tst_recognize_command.moc"
