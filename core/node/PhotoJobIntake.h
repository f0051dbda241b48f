#pragma once
// Admits photo job requests on the façade's side, against the engine's last snapshot: the one
// check (PhotoJobCheck) and the pending-job limits (PendingJobCount). The snapshot lags the
// engine, so jobs admitted since it was published count toward the limits until a snapshot
// shows them; PhotoJobQueue::submit checks again on the engine thread, where it is exact.
// Not thread-safe: LocalNode calls it under its snapshot mutex.
#include "core/mining/PhotoJob.h"
#include "core/node/NodeSnapshot.h"
#include "core/node/PhotoJobCheck.h"
#include "core/node/QueryError.h"

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace pb {

class PhotoJobIntake {
public:
    using Clock = std::function<qint64()>;  // ms since the epoch
    explicit PhotoJobIntake(Clock clock);

    // The new job (random id, photo hash, creation time; state Queued), or nullopt with `error`
    // set: Unavailable when this node cannot mine photos, Malformed for a bad request, Full
    // (device_job_limit / job_queue_full) when too many jobs wait.
    std::optional<PhotoJob> admit(const PhotoJobRequest& request, const NodeSnapshot& snapshot, QueryError* error);
    // A new snapshot: the admitted jobs it shows are counted from it from now on.
    void published(const QList<PhotoJob>& jobs);

private:
    Clock clock_;
    std::vector<std::pair<QString, QString>> admittedUnpublished_;  // (job id, source); at most PendingJobCount::kMaxPending
};

} // namespace pb
