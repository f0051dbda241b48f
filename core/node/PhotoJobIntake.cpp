#include "core/node/PhotoJobIntake.h"

#include "core/crypto/Sha256.h"
#include "core/node/PendingJobCount.h"
#include "core/util/HexText.h"

#include <QRandomGenerator>
#include <algorithm>

namespace pb {

PhotoJobIntake::PhotoJobIntake(Clock clock) : clock_(std::move(clock)) {}

std::optional<PhotoJob> PhotoJobIntake::admit(const PhotoJobRequest& request, const NodeSnapshot& snapshot, QueryError* error)
{
    const auto fail = [error](QueryError::Kind kind, const QString& message) {
        if (error) *error = {kind, message};
        return std::nullopt;
    };
    if (const PhotoJobProblem problem = checkPhotoJob(request, photoJobRules(snapshot)); !problem.ok())
        return fail(problem.kind == PhotoJobProblem::CannotMine ? QueryError::Unavailable : QueryError::Malformed, problem.message);

    PendingJobCount pending;
    for (const PhotoJob& queued : snapshot.jobs) pending.add(queued);
    for (const auto& admitted : admittedUnpublished_) pending.addPending(admitted.second);
    if (const auto refusal = pending.refusalFor(request.source)) {
        if (error) *error = *refusal;
        return std::nullopt;
    }

    PhotoJob job;
    job.id = QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0');
    job.label = request.label;
    job.vote = request.vote;
    job.rewardAddress = request.rewardAddress;
    job.source = request.source;
    job.photoHash = hexText(crypto::sha256(Bytes(request.photo.begin(), request.photo.end())));
    job.createdAt = job.updatedAt = clock_();
    admittedUnpublished_.emplace_back(job.id, job.source);
    return job;
}

void PhotoJobIntake::published(const QList<PhotoJob>& jobs)
{
    const auto shown = [&](const auto& admitted) {
        return std::any_of(jobs.begin(), jobs.end(), [&](const PhotoJob& j) { return j.id == admitted.first; });
    };
    admittedUnpublished_.erase(std::remove_if(admittedUnpublished_.begin(), admittedUnpublished_.end(), shown),
                               admittedUnpublished_.end());
}

} // namespace pb
