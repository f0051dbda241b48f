// The cascade recognizer on real Debian-shipped photos: it confirms "face" exactly where the
// manifest says a face is, answers the same for the same bytes on any thread, and pins its
// configuration in identity().
#include "PhotoManifest.h"
#include "PhotoSamples.h"
#include "RecognitionChecks.h"
#include "core/photo/CascadeRecognizer.h"

#include <QtTest>

using namespace pb;
using namespace pb::photo;
using checks::describe;

class CascadeRecognizerConfirmsFaces : public QObject {
    Q_OBJECT

    std::unique_ptr<CascadeRecognizer> recognizer_;
    manifest::Manifest manifest_;

    Bytes photoBytes(const manifest::LabelledPhoto& photo)
    {
        QString error;
        Bytes bytes = manifest::readPhoto(photo, &error);
        if (bytes.empty())
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return bytes;
    }

private slots:
    void initTestCase()
    {
        std::string error;
        recognizer_ = CascadeRecognizer::create({}, &error);
        QVERIFY2(recognizer_, error.c_str());
        manifest_ = manifest::readManifest(manifest::manifestPath(PB_SOURCE_DIR));
        QVERIFY2(manifest_.error.isEmpty(), qPrintable(manifest_.error));
    }

    void labelSetIsFaceOnly() { QCOMPARE(recognizer_->labels(), std::vector<std::string>{"face"}); }

    void everyManifestPhotoGetsItsTrueLabelsAndNoOthers()
    {
        int faces = 0;
        for (const manifest::LabelledPhoto& photo : manifest_.photos) {
            const Bytes bytes = photoBytes(photo);
            QVERIFY2(!bytes.empty(), qPrintable("missing test photo " + photo.file));
            const RecognizeOutcome outcome = recognizer_->recognize(bytes);
            QVERIFY2(outcome.ok(), qPrintable(photo.file + ": " + QString::fromStdString(outcome.message)));
            for (const std::string& label : recognizer_->labels()) {
                const bool truth = photo.labels.count(label) > 0;
                const bool claimed = outcome.recognition->confirms(label, false);
                faces += truth;
                const QString why = photo.file + (truth ? " shows " : " does not show ") + QString::fromStdString(label) +
                                    ", recognizer saw: " + QString::fromStdString(describe(*outcome.recognition));
                QVERIFY2(truth == claimed, qPrintable(why));
                // A photo a miner may claim must also pass every validator.
                QVERIFY(!claimed || outcome.recognition->confirms(label, true));
            }
        }
        QVERIFY2(faces >= 5, "the manifest must hold several face photos");
    }

    void chessboardCalibrationPhotosAreNotFaces()
    {
        for (const char* name : {"left01.jpg", "left14.jpg", "right01.jpg", "chessboard.png"}) {
            const QString path = QString("/usr/share/doc/opencv-doc/examples/data/") + name;
            const Bytes bytes = photoBytes({path, {}, "opencv-doc"});
            QVERIFY2(!bytes.empty(), qPrintable("missing test photo " + path));
            const RecognizeOutcome outcome = recognizer_->recognize(bytes);
            QVERIFY(outcome.ok());
            QVERIFY2(!outcome.recognition->confirms("face", true), qPrintable(path));
        }
    }

    void sameBytesGiveTheSameAnswerTwiceAndOnEveryThread()
    {
        std::vector<Bytes> photos;
        for (const manifest::LabelledPhoto& photo : manifest_.photos)
            if (photos.size() < 8 && (photo.labels.count("face") || photos.size() % 2))
                photos.push_back(photoBytes(photo));
        QVERIFY(checks::answersSameOnEveryThread(*recognizer_, photos));
    }

    void identityPinsEveryParameter()
    {
        const std::string base = recognizer_->identity();
        QCOMPARE(base.size(), size_t(64));
        std::string error;
        QCOMPARE(CascadeRecognizer::create({}, &error)->identity(), base);
        using Identity = checks::IdentityOf<CascadeRecognizer, CascadeConfig>;
        QVERIFY(Identity::with([](CascadeConfig& c) { c.face.scaleFactor = 1.05; }) != base);
        QVERIFY(Identity::with([](CascadeConfig& c) { c.face.minNeighboursEach = 4; }) != base);
        QVERIFY(Identity::with([](CascadeConfig& c) { c.claimThreshold = 0.6; }) != base);
        QVERIFY(Identity::with([](CascadeConfig& c) { c.validatorMargin = 0.04; }) != base);
        QVERIFY(Identity::with([](CascadeConfig& c) { c.decodeLimits.workingLongSide = 800; }) != base);
        QVERIFY(Identity::with([](CascadeConfig& c) { c.equalizeHistogram = false; }) != base);
    }

    void missingCascadeFileIsAConstructionError()
    {
        CascadeConfig config;
        config.cascadeDir = "/nonexistent/haarcascades";
        std::string error;
        QVERIFY(!CascadeRecognizer::create(config, &error));
        QVERIFY2(error.find("/nonexistent/haarcascades/haarcascade_frontalface_alt.xml") != std::string::npos, error.c_str());
        QVERIFY2(error.find("opencv-data") != std::string::npos, error.c_str());
    }

    void validatorsAcceptASmallMarginBelowTheClaimThreshold()
    {
        const Recognition r = finishRecognition({{"face", 0.47, {}}}, 0.5, 0.05);
        QVERIFY(r.claimable.empty());
        QVERIFY(!r.confirms("face", false));
        QVERIFY(r.confirms("face", true));
        QVERIFY(!r.confirms("cat", true));
        QVERIFY(!finishRecognition({{"face", 0.44, {}}}, 0.5, 0.05).confirms("face", true));
    }

    void malformedPhotoIsRejectedWithTheDecoderReason()
    {
        const RecognizeOutcome outcome = recognizer_->recognize(samples::pngClaiming(100000, 100000));
        QVERIFY(!outcome.ok());
        QCOMPARE(photoErrorName(outcome.error), std::string_view("too_many_pixels"));
        QVERIFY(!outcome.message.empty());
    }
};

QTEST_APPLESS_MAIN(CascadeRecognizerConfirmsFaces)
#include "tst_cascade_recognizer.moc"
