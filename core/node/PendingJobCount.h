#pragma once
// How many photo jobs may wait at once. A job's photo is stored when the job is submitted,
// before any check of what it shows, so every unsettled job holds disk (up to the network's
// photo cap) and recognizer time until it settles. A paired phone may keep
// kMaxPendingPerDevice jobs unsettled, everyone together kMaxPending; this machine's own
// submissions (the API without a device token, the photo folder) count against the total only.
#include "core/mining/PhotoJob.h"
#include "core/node/QueryError.h"

#include <QString>
#include <map>
#include <optional>

namespace pb {

class PendingJobCount {
public:
    static constexpr int kMaxPendingPerDevice = 8;
    static constexpr int kMaxPending = 64;

    // Counts the job if it is not settled yet.
    void add(const PhotoJob& job);
    // Counts an unsettled job from `source`.
    void addPending(const QString& source);
    // Why `source` may not queue one more job now (QueryError::Full with code
    // device_job_limit or job_queue_full); nullopt when it may.
    std::optional<QueryError> refusalFor(const QString& source) const;

private:
    int total_ = 0;
    std::map<QString, int> bySource_;
};

} // namespace pb
