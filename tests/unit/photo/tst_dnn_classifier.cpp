// The cv::dnn classifier backend with a tiny Darknet model that the test writes itself: a 1x1
// convolution whose two filters measure brightness and darkness, a global average and a softmax.
// A white photo must come out "bright", a black one "dark".
#include "PhotoSamples.h"
#include "core/photo/DnnClassifier.h"
#include "tests/support/TinyDarknetModel.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pb;
using namespace pb::photo;
using namespace pb::test;

namespace {

cv::Mat plain(int value) { return cv::Mat(64, 64, CV_8UC3, cv::Scalar(value, value, value)); }

} // namespace

class DnnClassifierRunsAGeneratedModel : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    DnnConfig config_;

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const TinyDarknetModel model = writeBrightnessModel(dir_.path());
        config_.modelFile = model.weights.toStdString();
        config_.configFile = model.config.toStdString();
        config_.labelsFile = model.labels.toStdString();
        config_.inputWidth = config_.inputHeight = TinyDarknetModel::kInputSide;
    }

    void labelsComeFromTheLabelFile()
    {
        std::string error;
        const auto classifier = DnnClassifier::create(config_, &error);
        QVERIFY2(classifier, error.c_str());
        QCOMPARE(classifier->labels(), (std::vector<std::string>{"bright", "dark"}));
    }

    void brightAndDarkPhotosGetTheirLabels()
    {
        std::string error;
        const auto classifier = DnnClassifier::create(config_, &error);
        QVERIFY2(classifier, error.c_str());
        const RecognizeOutcome white = classifier->recognize(samples::encode(plain(255), ".png"));
        QVERIFY2(white.ok(), white.message.c_str());
        QCOMPARE(white.recognition->claimable, std::vector<std::string>{"bright"});
        QCOMPARE(white.recognition->detections.front().label, std::string("bright"));
        QVERIFY(white.recognition->detections.front().score > 0.99);
        QCOMPARE(white.recognition->detections.front().box.width, 640);
        QVERIFY(!white.recognition->confirms("dark", true));

        const RecognizeOutcome black = classifier->recognize(samples::encode(plain(0), ".jpg"));
        QVERIFY2(black.ok(), black.message.c_str());
        QCOMPARE(black.recognition->claimable, std::vector<std::string>{"dark"});
        QVERIFY(black.recognition->confirms("dark", false));

        // Mid-grey sits on the boundary: both scores near one half, the same on every run.
        const RecognizeOutcome grey = classifier->recognize(samples::encode(plain(128), ".png"));
        QVERIFY(grey.ok());
        QCOMPARE(grey.recognition->detections.size(), size_t(2));
        QCOMPARE(classifier->recognize(samples::encode(plain(128), ".png")).recognition->detections[0].score,
                 grey.recognition->detections[0].score);
    }

    void identityCoversTheModelBytesAndParameters()
    {
        std::string error;
        const std::string base = DnnClassifier::create(config_, &error)->identity();
        QCOMPARE(base.size(), size_t(64));
        DnnConfig other = config_;
        other.claimThreshold = 0.6;
        QVERIFY(DnnClassifier::create(other, &error)->identity() != base);

        const QString changedModel = dir_.filePath("changed.weights");
        writeFile(changedModel, darknetWeights({-6, 6.5f}, {4, 4, 4, -4, -4, -4}));
        other = config_;
        other.modelFile = changedModel.toStdString();
        QVERIFY(DnnClassifier::create(other, &error)->identity() != base);
    }

    void unusableFilesAreConstructionErrors()
    {
        std::string error;
        DnnConfig missing = config_;
        missing.modelFile = dir_.filePath("absent.weights").toStdString();
        QVERIFY(!DnnClassifier::create(missing, &error));
        QVERIFY2(error.find("absent.weights") != std::string::npos, error.c_str());

        const QString duplicates = dir_.filePath("duplicates.txt");
        writeFile(duplicates, "cat\ncat\n");
        DnnConfig badLabels = config_;
        badLabels.labelsFile = duplicates.toStdString();
        QVERIFY(!DnnClassifier::create(badLabels, &error));
        QVERIFY2(error.find("distinct") != std::string::npos, error.c_str());

        DnnConfig unknown = config_;
        unknown.modelFile = dir_.filePath("tiny.bin").toStdString();
        QVERIFY(!DnnClassifier::create(unknown, &error));
    }

    void labelCountDifferentFromOutputsIsARecognizerFailure()
    {
        const QString three = dir_.filePath("three.txt");
        writeFile(three, "bright\ndark\ngrey\n");
        DnnConfig config = config_;
        config.labelsFile = three.toStdString();
        std::string error;
        const auto classifier = DnnClassifier::create(config, &error);
        QVERIFY2(classifier, error.c_str());
        const RecognizeOutcome outcome = classifier->recognize(samples::encode(plain(255), ".png"));
        QVERIFY(!outcome.ok());
        QCOMPARE(photoErrorName(outcome.error), std::string_view("recognizer_failed"));
        QVERIFY2(outcome.message.find("2 outputs for 3 labels") != std::string::npos, outcome.message.c_str());
    }
};

QTEST_APPLESS_MAIN(DnnClassifierRunsAGeneratedModel)
#include "tst_dnn_classifier.moc"
