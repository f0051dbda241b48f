#include "core/node/PendingJobCount.h"

namespace pb {

void PendingJobCount::add(const PhotoJob& job)
{
    if (!isFinal(job.state)) addPending(job.source);
}

void PendingJobCount::addPending(const QString& source)
{
    ++total_;
    ++bySource_[source];
}

std::optional<QueryError> PendingJobCount::refusalFor(const QString& source) const
{
    const auto own = bySource_.find(source);
    if (source.startsWith("device:") && own != bySource_.end() && own->second >= kMaxPendingPerDevice)
        return QueryError{QueryError::Full,
                          QString("this device has %1 photo jobs waiting, the most it may have; wait until one settles or cancel one")
                              .arg(own->second),
                          "device_job_limit"};
    if (total_ >= kMaxPending)
        return QueryError{QueryError::Full,
                          QString("%1 photo jobs are waiting, the most this node keeps; try again when some have settled").arg(total_),
                          "job_queue_full"};
    return std::nullopt;
}

} // namespace pb
