#include "core/node/MiningJobQueue.h"

#include "core/crypto/Sha256.h"
#include "core/photo/Recognizer.h"
#include "core/storage/RedisJobStore.h"
#include "core/util/Bytes.h"

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

MiningJobQueue::MiningJobQueue(storage::RedisJobStore& store, const QString& dataDir,
                               const photo::Recognizer* recognizer, QString recognizerProblem, Logger& log)
    : store_(store), photos_(QDir(dataDir).filePath("jobs")), recognizer_(recognizer),
      recognizerProblem_(std::move(recognizerProblem)), log_(log)
{
    pool_.setMaxThreadCount(1);
}

void MiningJobQueue::load()
{
    QStringList skipped;
    jobs_ = store_.all(&skipped);
    if (!skipped.isEmpty()) log_.warning("skipped damaged mining job records: " + skipped.join(", "));
    for (MiningJobInfo& job : jobs_) {
        if (job.state == JobState::Recognizing) setState(job, JobState::Queued, {});
        if (isFinal(job.state)) releasePhoto(job);
    }
    forgetOldSettled();
    recognizeNext();
}

MiningJobInfo* MiningJobQueue::find(const QString& id)
{
    for (MiningJobInfo& job : jobs_)
        if (job.id == id) return &job;
    return nullptr;
}

void MiningJobQueue::setState(MiningJobInfo& job, JobState state, const QString& detail)
{
    job.state = state;
    job.detail = detail;
    job.updatedAt = nowMs();
    store_.save(job);
    log_.info(QString("mining job %1 (%2): %3%4").arg(job.id, job.label, jobStateName(state),
                                                     detail.isEmpty() ? QString() : " - " + detail));
    if (isFinal(state)) releasePhoto(job);
}

void MiningJobQueue::releasePhoto(const MiningJobInfo& settled)
{
    const auto hash = hashFromHex(settled.photoHash.toStdString());
    if (!hash) return;
    for (const MiningJobInfo& job : jobs_)
        if (!isFinal(job.state) && job.photoHash == settled.photoHash) return;
    QString error;
    if (!photos_.remove(*hash, &error))
        log_.warning(QString("cannot delete the photo of settled mining job %1: %2").arg(settled.id, error));
}

void MiningJobQueue::forgetOldSettled()
{
    size_t settled = 0;
    QStringList forgotten;
    for (auto it = jobs_.rbegin(); it != jobs_.rend(); ++it)
        if (isFinal(it->state) && ++settled > kKeepSettled) forgotten.append(it->id);
    if (forgotten.isEmpty()) return;
    store_.remove(forgotten);
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(), [&](const MiningJobInfo& job) { return forgotten.contains(job.id); }),
                jobs_.end());
}

void MiningJobQueue::submit(MiningJobInfo job, const Bytes& photo)
{
    QString error;
    const auto hash = photos_.put(photo, &error);
    job.photoHash = QString::fromStdString(toHex(hash ? *hash : crypto::sha256(photo)));
    job.createdAt = job.updatedAt = nowMs();
    if (!hash) {
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

bool MiningJobQueue::cancel(const QString& id)
{
    MiningJobInfo* job = find(id);
    if (!job || isFinal(job->state)) return false;
    setState(*job, JobState::Cancelled, "cancelled by the user");
    emit changed();
    return true;
}

void MiningJobQueue::recognizeNext()
{
    if (recognizing_) return;
    for (MiningJobInfo& job : jobs_) {
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
        QPointer<MiningJobQueue> self(this);
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

void MiningJobQueue::finishRecognition(const QString& id, const photo::RecognizeOutcome& outcome)
{
    recognizing_ = false;
    MiningJobInfo* job = find(id);
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

std::optional<MiningJobInfo> MiningJobQueue::current() const
{
    for (const MiningJobInfo& job : jobs_)
        if (job.state == JobState::Mining) return job;
    return std::nullopt;
}

std::optional<Bytes> MiningJobQueue::photo(const MiningJobInfo& job) const
{
    const auto hash = hashFromHex(job.photoHash.toStdString());
    return hash ? photos_.get(*hash) : std::nullopt;
}

void MiningJobQueue::markMined(const QString& id, const Hash256& block)
{
    MiningJobInfo* job = find(id);
    if (!job || isFinal(job->state)) return;
    job->blockHash = QString::fromStdString(toHex(block));
    setState(*job, JobState::Mined, {});
    emit changed();
}

void MiningJobQueue::reject(const QString& id, const QString& why)
{
    MiningJobInfo* job = find(id);
    if (!job || isFinal(job->state)) return;
    setState(*job, JobState::Rejected, why);
    emit changed();
}

void MiningJobQueue::dropPhotosOnChain(ChainStore& chain)
{
    for (MiningJobInfo& job : jobs_) {
        if (job.state != JobState::Mining && job.state != JobState::Queued) continue;
        const auto hash = hashFromHex(job.photoHash.toStdString());
        if (!hash) continue;
        if (const auto block = chain.photoBlock(*hash)) {
            setState(job, JobState::Stale, "block " + QString::fromStdString(toHex(*block)) + " already carries this photo");
            emit changed();
        }
    }
}

} // namespace pb
