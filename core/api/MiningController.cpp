#include "core/api/MiningController.h"

#include <QJsonArray>

namespace pb::api {

QJsonObject jobJson(const MiningJobInfo& job)
{
    return QJsonObject{
        {"id", job.id},
        {"state", jobStateName(job.state)},
        {"photoHash", job.photoHash},
        {"label", job.label},
        {"vote", job.vote},
        {"rewardAddress", job.rewardAddress.isEmpty() ? QJsonValue() : QJsonValue(job.rewardAddress)},
        {"source", job.source},
        {"detail", job.detail},
        {"blockHash", job.blockHash.isEmpty() ? QJsonValue() : QJsonValue(job.blockHash)},
        {"createdAt", job.createdAt},
        {"updatedAt", job.updatedAt},
    };
}

ApiResult MiningController::list() const
{
    QJsonArray jobs;
    for (const MiningJobInfo& job : node_.miningJobs()) jobs.append(jobJson(job));
    QString problem;
    QJsonArray labels;
    for (const QString& label : node_.recognizerLabels(&problem)) labels.append(label);
    return QJsonObject{{"jobs", jobs}, {"labels", labels}, {"recognizerProblem", problem.isEmpty() ? QJsonValue() : QJsonValue(problem)}};
}

ApiResult MiningController::job(const QString& id) const
{
    if (const auto job = node_.miningJob(id)) return jobJson(*job);
    return ApiError{ApiError::NotFound, "job_not_found", QString("no mining job '%1'").arg(id.left(40))};
}

ApiResult MiningController::submit(const QByteArray& body)
{
    const ApiResult parsed = parseObjectBody(body, {"photo", "label", "vote", "rewardAddress"});
    if (std::holds_alternative<ApiError>(parsed)) return parsed;
    const QJsonObject o = std::get<QJsonObject>(parsed);
    for (const char* field : {"photo", "label"})
        if (!o.contains(field))
            return ApiError{ApiError::BadRequest, "missing_field", QString("field '%1' is required").arg(field)};
    for (const QString& field : o.keys())
        if (!o[field].isString())
            return ApiError{ApiError::BadRequest, "wrong_type",
                            QString("field '%1' must be a string, not %2").arg(field, jsonTypeName(o[field]))};
    const auto photo = QByteArray::fromBase64Encoding(o["photo"].toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!photo) return ApiError{ApiError::BadRequest, "bad_photo_encoding", "field 'photo' is not valid base64"};

    MiningJobRequest request;
    request.photo = *photo;
    request.label = o["label"].toString();
    request.vote = o.value("vote").toString("abstain");
    request.rewardAddress = o.value("rewardAddress").toString();
    QueryError error;
    const auto job = node_.submitMiningJob(request, &error);
    if (job) return jobJson(*job);
    if (error.kind == QueryError::Malformed) return ApiError{ApiError::BadRequest, "bad_job", error.message};
    return ApiError{ApiError::Unavailable, "cannot_mine_photos", error.message};
}

ApiResult MiningController::cancel(const QString& id)
{
    QueryError error;
    if (node_.cancelMiningJob(id, &error)) {
        QJsonObject answer = jobJson(*node_.miningJob(id));
        answer["cancelRequested"] = true;
        return answer;
    }
    if (error.kind == QueryError::Conflict) return ApiError{ApiError::Conflict, "job_settled", error.message};
    return ApiError{ApiError::NotFound, "job_not_found", error.message};
}

} // namespace pb::api
