// The façade's admission of photo jobs: the request check, the pending-job limits counted from
// the engine's snapshot plus jobs admitted since it was published, and the job it hands on.
#include "core/chain/NetworkParams.h"
#include "core/crypto/Sha256.h"
#include "core/node/PhotoJobIntake.h"
#include "core/node/PendingJobCount.h"
#include "core/node/StatusPublisher.h"
#include "core/util/HexText.h"

#include <QtTest>

using namespace pb;

namespace {

constexpr qint64 kNow = 1'765'000'000'000;

QByteArray jpeg(const char* contents) { return QByteArray("\xFF\xD8\xFF\xE0", 4) + contents; }

PhotoJobRequest requestFrom(const QString& source)
{
    PhotoJobRequest request;
    request.photo = jpeg("a cat");
    request.label = "cat";
    request.source = source;
    return request;
}

NodeSnapshot snapshotWith(QStringList labels, QList<PhotoJob> jobs = {})
{
    NodeSnapshot published;
    node::StatusPublisher publisher([&published](const NodeSnapshot& s) { published = s; });
    publisher.setNetwork(*networkByName("test"));
    publisher.sources().recognizerLabels = std::move(labels);
    publisher.publish();
    published.jobs = std::move(jobs);
    return published;
}

} // namespace

class PhotoJobIntakeTest : public QObject {
    Q_OBJECT
private slots:
    void admitsAGoodRequestAsAQueuedJobStampedByTheClock()
    {
        PhotoJobIntake intake([] { return kNow; });
        QueryError error;
        const auto job = intake.admit(requestFrom("device:phone"), snapshotWith({"person", "cat"}), &error);
        QVERIFY2(job, qPrintable(error.message));
        QCOMPARE(job->state, JobState::Queued);
        QCOMPARE(job->label, QString("cat"));
        QCOMPARE(job->source, QString("device:phone"));
        QCOMPARE(job->createdAt, kNow);
        QCOMPARE(job->id.size(), 16);
        const QByteArray photo = jpeg("a cat");
        QCOMPARE(job->photoHash, hexText(crypto::sha256(Bytes(photo.begin(), photo.end()))));
        const auto second = intake.admit(requestFrom("device:phone"), snapshotWith({"cat"}), &error);
        QVERIFY(second);
        QVERIFY(second->id != job->id);
    }

    void refusesWhatTheCheckRefusesOrWhenTheNodeCannotMine()
    {
        PhotoJobIntake intake([] { return kNow; });
        QueryError error;
        PhotoJobRequest dragon = requestFrom("api");
        dragon.label = "dragon";
        QVERIFY(!intake.admit(dragon, snapshotWith({"cat"}), &error));
        QCOMPARE(error.kind, QueryError::Malformed);
        QVERIFY2(error.message.contains("dragon"), qPrintable(error.message));

        QVERIFY(!intake.admit(requestFrom("api"), snapshotWith({}), &error));
        QCOMPARE(error.kind, QueryError::Unavailable);
    }

    void jobsAdmittedSinceTheSnapshotCountTowardADevicesLimitUntilOneSettles()
    {
        PhotoJobIntake intake([] { return kNow; });
        QueryError error;
        QList<PhotoJob> admitted;
        for (int i = 0; i < PendingJobCount::kMaxPendingPerDevice; ++i) {
            const auto job = intake.admit(requestFrom("device:phone"), snapshotWith({"cat"}), &error);
            QVERIFY2(job, qPrintable(error.message));
            admitted.append(*job);
        }
        // The snapshot has not caught up: the ninth is refused on the admitted jobs alone.
        QVERIFY(!intake.admit(requestFrom("device:phone"), snapshotWith({"cat"}), &error));
        QCOMPARE(error.kind, QueryError::Full);
        QCOMPARE(error.code, QString("device_job_limit"));
        // Another device is not held back by this one.
        QVERIFY(intake.admit(requestFrom("device:tablet"), snapshotWith({"cat"}), &error));

        // The engine publishes them, still waiting: they count from the snapshot now, once.
        intake.published(admitted);
        QVERIFY(!intake.admit(requestFrom("device:phone"), snapshotWith({"cat"}, admitted), &error));
        QCOMPARE(error.code, QString("device_job_limit"));

        // One settles: room for one more.
        admitted[0].state = JobState::Mined;
        QVERIFY(intake.admit(requestFrom("device:phone"), snapshotWith({"cat"}, admitted), &error));
        QVERIFY(!intake.admit(requestFrom("device:phone"), snapshotWith({"cat"}, admitted), &error));
    }

    void theWholeNodeStopsAdmittingAtItsPendingLimit()
    {
        PhotoJobIntake intake([] { return kNow; });
        QueryError error;
        for (int i = 0; i < PendingJobCount::kMaxPending; ++i)
            QVERIFY2(intake.admit(requestFrom("api"), snapshotWith({"cat"}), &error), qPrintable(error.message));
        QVERIFY(!intake.admit(requestFrom("api"), snapshotWith({"cat"}), &error));
        QCOMPARE(error.code, QString("job_queue_full"));
    }
};

QTEST_GUILESS_MAIN(PhotoJobIntakeTest)
#include "tst_photo_job_intake.moc"
