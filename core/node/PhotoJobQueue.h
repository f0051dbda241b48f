#pragma once
// The engine's mining jobs: takes submissions, runs the recognizer on each photo off the engine
// thread (one at a time, oldest first), and tracks every job to its end. Lives on the engine
// thread; persists each change in Redis before announcing it.
//
// Job photos have a store of their own (<datadir>/jobs/photos): a mined block's photo is
// written to the chain's store with the block, so a job's copy is deleted as soon as the job
// settles, whatever the outcome, and rejected or cancelled uploads never pile up on disk. Only
// the newest kKeepSettled settled jobs are remembered.
#include "core/chain/ChainStore.h"
#include "core/mining/PhotoJob.h"
#include "core/storage/PhotoStore.h"
#include "core/util/Logger.h"

#include <QObject>
#include <QThreadPool>
#include <optional>
#include <vector>

namespace pb {

namespace photo {
class Recognizer;
struct RecognizeOutcome;
} // namespace photo

namespace storage {
class RedisJobStore;
} // namespace storage

class PhotoJobQueue : public QObject {
    Q_OBJECT
public:
    static constexpr size_t kKeepSettled = 200;

    // `recognizerProblem` non-empty: every job is rejected with it (the node cannot mine photos).
    PhotoJobQueue(storage::RedisJobStore& store, const QString& dataDir, const photo::Recognizer* recognizer,
                   QString recognizerProblem, Logger& log);

    // Reads the queue back; a job caught recognizing by a restart is queued again, and photos
    // of jobs that settled just before a crash are deleted.
    void load();
    // Stores the photo and queues the job (its id, label, vote and reward address already
    // checked); over PendingJobCount's limits the job is rejected and its photo not stored.
    void submit(PhotoJob job, const Bytes& photo);
    // False when no unsettled job has this id.
    bool cancel(const QString& id);

    const std::vector<PhotoJob>& jobs() const { return jobs_; }
    // The job to mine now (the oldest ready one) and its photo.
    std::optional<PhotoJob> current() const;
    std::optional<Bytes> photo(const PhotoJob& job) const;
    void markMined(const QString& id, const Hash256& block);
    void reject(const QString& id, const QString& why);
    // A ready job whose photo an active block already carries can no longer be mined: stale.
    void dropPhotosOnChain(ChainStore& chain);

signals:
    void changed();

private:
    PhotoJob* find(const QString& id);
    void setState(PhotoJob& job, JobState state, const QString& detail);
    // Deletes a settled job's photo unless an unsettled job carries the same one.
    void releasePhoto(const PhotoJob& settled);
    // Forgets settled jobs beyond the newest kKeepSettled, in memory and in Redis.
    void forgetOldSettled();
    void recognizeNext();
    void finishRecognition(const QString& id, const photo::RecognizeOutcome& outcome);

    storage::RedisJobStore& store_;
    storage::PhotoStore photos_;  // <datadir>/jobs/photos
    const photo::Recognizer* recognizer_;
    QString recognizerProblem_;
    Logger& log_;
    std::vector<PhotoJob> jobs_;  // oldest first
    bool recognizing_ = false;
    QThreadPool pool_;  // last member: destroyed first, it waits for a running recognition
};

} // namespace pb
