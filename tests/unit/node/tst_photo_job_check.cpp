// The one photo job check: what it refuses, and that the photo cap it applies is the running
// network's (NetworkParams::maxPhotoBytes, carried by the engine's status snapshot), not a
// constant.
#include "core/chain/NetworkParams.h"
#include "core/crypto/Address.h"
#include "core/node/PhotoJobCheck.h"
#include "core/node/StatusPublisher.h"
#include "core/util/ImageFormat.h"

#include <QtTest>

using namespace pb;

namespace {

QByteArray jpeg(qsizetype size) { return QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(size - 4, 'j'); }
QByteArray png(qsizetype size) { return QByteArray("\x89PNG\r\n\x1A\n", 8) + QByteArray(size - 8, 'p'); }

PhotoJobRequest requestWith(const QByteArray& photo)
{
    PhotoJobRequest request;
    request.photo = photo;
    request.label = "person";
    return request;
}

// The rules a node on `params` would apply, taken the way the façade takes them: from the
// snapshot the engine's StatusPublisher publishes.
PhotoJobRules rulesOn(const NetworkParams& params)
{
    NodeSnapshot published;
    node::StatusPublisher publisher([&published](const NodeSnapshot& s) { published = s; });
    publisher.setNetwork(params);
    publisher.sources().recognizerLabels = {"person", "cat"};
    publisher.publish();
    return photoJobRules(published);
}

} // namespace

class PhotoJobCheckTest : public QObject {
    Q_OBJECT
private slots:
    void aCustomNetworksPhotoCapReachesTheJobCheck()
    {
        NetworkParams custom = *networkByName("test");
        custom.maxPhotoBytes = 4096;
        const PhotoJobRules rules = rulesOn(custom);
        QCOMPARE(rules.maxPhotoBytes, size_t(4096));
        QVERIFY(checkPhotoJob(requestWith(jpeg(4096)), rules).ok());
        const PhotoJobProblem tooLarge = checkPhotoJob(requestWith(jpeg(4097)), rules);
        QCOMPARE(tooLarge.kind, PhotoJobProblem::PhotoTooLarge);
        QVERIFY2(tooLarge.message.contains("4096"), qPrintable(tooLarge.message));

        // The built-in network's 2 MiB cap takes that photo.
        QVERIFY(checkPhotoJob(requestWith(jpeg(4097)), rulesOn(*networkByName("test"))).ok());
    }

    void refusesEachBadField()
    {
        const PhotoJobRules rules = rulesOn(*networkByName("test"));
        QVERIFY(checkPhotoJob(requestWith(png(100)), rules).ok());

        PhotoJobRequest unknownLabel = requestWith(jpeg(100));
        unknownLabel.label = "dragon";
        QCOMPARE(checkPhotoJob(unknownLabel, rules).kind, PhotoJobProblem::UnknownLabel);
        PhotoJobRequest badVote = requestWith(jpeg(100));
        badVote.vote = "maybe";
        QCOMPARE(checkPhotoJob(badVote, rules).kind, PhotoJobProblem::BadVote);
        PhotoJobRequest badAddress = requestWith(jpeg(100));
        badAddress.rewardAddress = "pb1notanaddress";
        QCOMPARE(checkPhotoJob(badAddress, rules).kind, PhotoJobProblem::BadRewardAddress);
        QCOMPARE(checkPhotoJob(requestWith({}), rules).kind, PhotoJobProblem::EmptyPhoto);
        QCOMPARE(checkPhotoJob(requestWith(QByteArray(100, 'g')), rules).kind, PhotoJobProblem::NotJpegOrPng);

        PhotoJobRules blind = rules;
        blind.labels.clear();
        blind.recognizerProblem = "no recognizer";
        const PhotoJobProblem cannot = checkPhotoJob(requestWith(jpeg(100)), blind);
        QCOMPARE(cannot.kind, PhotoJobProblem::CannotMine);
        QCOMPARE(cannot.message, QString("no recognizer"));
    }

    void sniffTellsJpegFromPngFromAnythingElse()
    {
        QCOMPARE(sniffImageFormat(jpeg(10)), std::optional<ImageFormat>(ImageFormat::Jpeg));
        QCOMPARE(sniffImageFormat(png(10)), std::optional<ImageFormat>(ImageFormat::Png));
        QVERIFY(!sniffImageFormat(QByteArray("\xFF\xD8", 2)));        // too short for JPEG
        QVERIFY(!sniffImageFormat(QByteArray("\x89PNG\r\n\x1A", 7)));  // a PNG signature cut short
        QVERIFY(!sniffImageFormat(QByteArray("GIF89a")));
    }
};

QTEST_GUILESS_MAIN(PhotoJobCheckTest)
#include "tst_photo_job_check.moc"
