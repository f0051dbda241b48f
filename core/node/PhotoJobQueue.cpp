#include "core/node/PhotoJobQueue.h"

#include "core/crypto/Sha256.h"
#include "core/node/PendingJobCount.h"
#include "core/photo/Recognizer.h"
#include "core/storage/RedisJobStore.h"
#include "core/util/Bytes.h"
#include "core/util/HexText.h"

#include <QDateTime>
#include <QDir>
#include <QPointer>

namespace pb {

namespace {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QString describe(const photo::Recognition& recognition)
{
    return QString::fromStdString(photo::describeDetections(recognition));
}

} // namespace

PhotoJobQueue::PhotoJobQueue(storage::RedisJobStore& store, const QString& dataDir,
                               const photo::Recognizer* recognizer, QString recognizerProblem, Logger& log)
    : store_(store), photos_(QDir(dataDir).filePath("jobs")), recognizer_(recognizer),
      recognizerProblem_(std::move(recognizerProblem)), log_(log)
{
    pool_.setMaxThreadCount(1);
}

void PhotoJobQueue::load()
{
    QStringList skipped;
    jobs_ = store_.all(&skipped);
    if (!skipped.isEmpty()) log_.warning("skipped damaged mining job records: " + skipped.join(", "));
    for (PhotoJob& job : jobs_) {
        if (job.state == JobState::Recognizing) setState(job, JobState::Queued, {});
        if (isFinal(job.state)) releasePhoto(job);
    }
    forgetOldSettled();
    recognizeNext();
}

PhotoJob* PhotoJobQueue::find(const QString& id)
{
    for (PhotoJob& job : jobs_)
        if (job.id == id) return &job;
    return nullptr;
}

void PhotoJobQueue::setState(PhotoJob& job, JobState state, const QString& detail)
{
    job.state = state;
    job.detail = detail;
    job.updatedAt = nowMs();
    store_.save(job);
    log_.info(QString("mining job %1 (%2): %3%4").arg(job.id, job.label, jobStateName(state),
                                                     detail.isEmpty() ? QString() : " - " + detail));
    if (isFinal(state)) releasePhoto(job);
}

void PhotoJobQueue::releasePhoto(const PhotoJob& settled)
{
    const auto hash = hashFromHex(settled.photoHash.toStdString());
    if (!hash) return;
    for (const PhotoJob& job : jobs_)
        if (!isFinal(job.state) && job.photoHash == settled.photoHash) return;
    QString error;
    if (!photos_.remove(*hash, &error))
        log_.warning(QString("cannot delete the photo of settled mining job %1: %2").arg(settled.id, error));
}

void PhotoJobQueue::forgetOldSettled()
{
    size_t settled = 0;
    QStringList forgotten;
    for (auto it = jobs_.rbegin(); it != jobs_.rend(); ++it)
        if (isFinal(it->state) && ++settled > kKeepSettled) forgotten.append(it->id);
    if (forgotten.isEmpty()) return;
    store_.remove(forgotten);
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(), [&](const PhotoJob& job) { return forgotten.contains(job.id); }),
                jobs_.end());
}

void PhotoJobQueue::submit(PhotoJob job, const Bytes& photo)
{
    PendingJobCount pending;
    for (const PhotoJob& queued : jobs_) pending.add(queued);
    const auto refusal = pending.refusalFor(job.source);
    QString error;
    // Over the limits the photo is not even stored (LocalNode refuses such jobs first; this
    // catches submissions that raced past its snapshot).
    const auto hash = refusal ? std::optional<Hash256>() : photos_.put(photo, &error);
    job.photoHash = hexText(hash ? *hash : crypto::sha256(photo));
    job.createdAt = job.updatedAt = nowMs();
    if (refusal) {
        job.state = JobState::Rejected;
        job.detail = refusal->message;
        log_.info(QString("mining job %1 rejected: %2").arg(job.id, job.detail));
    } else if (!hash) {
        // The client was told its job is accepted: it learns why it ended from the job itself.
        job.state = JobState::Rejected;
        job.detail = "this node could not store the photo: " + error;
        log_.error(QString("mining job %1 rejected: %2").arg(job.id, job.detail));
    } else {
        job.state = JobState::Queued;
        log_.info(QString("mining job %1 queued: '%2' from %3").arg(job.id, job.label, job.source));
    }
    store_.save(job);
    jobs_.push_back(job);
    forgetOldSettled();
    emit changed();
    recognizeNext();
}

bool PhotoJobQueue::cancel(const QString& id)
{
    PhotoJob* job = find(id);
    if (!job || isFinal(job->state)) return false;
    setState(*job, JobState::Cancelled, "cancelled by the user");
    emit changed();
    return true;
}

void PhotoJobQueue::recognizeNext()
{
    if (recognizing_) return;
    for (PhotoJob& job : jobs_) {
        if (job.state != JobState::Queued) continue;
        if (!recognizerProblem_.isEmpty()) {
            setState(job, JobState::Rejected, recognizerProblem_);
            emit changed();
            continue;
        }
        const auto hash = hashFromHex(job.photoHash.toStdString());
        auto bytes = hash ? photos_.get(*hash) : std::nullopt;
        if (!bytes) {
            setState(job, JobState::Rejected, "its photo is missing from the photo store");
            emit changed();
            continue;
        }
        setState(job, JobState::Recognizing, {});
        emit changed();
        recognizing_ = true;
        // Recognition takes a fraction of a second: off the engine thread, back by a queued call.
        QPointer<PhotoJobQueue> self(this);
        const photo::Recognizer* recognizer = recognizer_;
        pool_.start([self, recognizer, id = job.id, photo = std::move(*bytes)] {
            const photo::RecognizeOutcome outcome = recognizer->recognize(photo);
            if (self)
                QMetaObject::invokeMethod(self, [self, id, outcome] {
                    if (self) self->finishRecognition(id, outcome);
                }, Qt::QueuedConnection);
        });
        return;
    }
}

void PhotoJobQueue::finishRecognition(const QString& id, const photo::RecognizeOutcome& outcome)
{
    recognizing_ = false;
    PhotoJob* job = find(id);
    if (job && job->state == JobState::Recognizing) {
        if (!outcome.ok())
            setState(*job, JobState::Rejected, "the photo is unusable: " + QString::fromStdString(outcome.message));
        else if (!outcome.recognition->confirms(job->label.toStdString(), false))
            setState(*job, JobState::Rejected, QString("the recognizer does not see '%1'; it sees %2")
                                                   .arg(job->label, describe(*outcome.recognition)));
        else
            setState(*job, JobState::Mining, "confirmed: " + describe(*outcome.recognition));
        emit changed();
    }
    recognizeNext();
}

std::optional<PhotoJob> PhotoJobQueue::current() const
{
    for (const PhotoJob& job : jobs_)
        if (job.state == JobState::Mining) return job;
    return std::nullopt;
}

std::optional<Bytes> PhotoJobQueue::photo(const PhotoJob& job) const
{
    const auto hash = hashFromHex(job.photoHash.toStdString());
    return hash ? photos_.get(*hash) : std::nullopt;
}

void PhotoJobQueue::markMined(const QString& id, const Hash256& block)
{
    PhotoJob* job = find(id);
    if (!job || isFinal(job->state)) return;
    job->blockHash = hexText(block);
    setState(*job, JobState::Mined, {});
    emit changed();
}

void PhotoJobQueue::reject(const QString& id, const QString& why)
{
    PhotoJob* job = find(id);
    if (!job || isFinal(job->state)) return;
    setState(*job, JobState::Rejected, why);
    emit changed();
}

void PhotoJobQueue::dropPhotosOnChain(ChainStore& chain)
{
    for (PhotoJob& job : jobs_) {
        if (job.state != JobState::Mining && job.state != JobState::Queued) continue;
        const auto hash = hashFromHex(job.photoHash.toStdString());
        if (!hash) continue;
        if (const auto block = chain.photoBlock(*hash)) {
            setState(job, JobState::Stale, "block " + hexText(*block) + " already carries this photo");
            emit changed();
        }
    }
}

} // namespace pb
