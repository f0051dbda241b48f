#include "core/api/MiningController.h"

#include "core/api/MultipartForm.h"
#include "core/api/QueryParameters.h"

#include <QJsonArray>

namespace pb::api {

namespace {

const QStringList kJobFields = {"photo", "label", "vote", "rewardAddress"};

} // namespace

QJsonObject jobJson(const PhotoJob& job)
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

QString deviceJobSource(const QString& deviceId) { return "device:" + deviceId; }

ApiResult MiningController::list(const QUrlQuery& query, const QString& callerSource) const
{
    const auto parameters = QueryParameters::parse(query, {"mine"});
    if (const auto* e = std::get_if<ApiError>(&parameters)) return *e;
    const auto mine = std::get<QueryParameters>(parameters).flag("mine", false);
    if (const auto* e = std::get_if<ApiError>(&mine)) return *e;
    if (std::get<bool>(mine) && !callerSource.startsWith("device:"))
        return ApiError{ApiError::Unauthorized, "token_required",
                        "?mine=1 lists a paired device's own jobs: send its token as Authorization: Bearer <token>"};
    QJsonArray jobs;
    for (const PhotoJob& job : node_.miningJobs())
        if (!std::get<bool>(mine) || job.source == callerSource) jobs.append(jobJson(job));
    QString problem;
    QJsonArray labels;
    for (const QString& label : node_.recognizerLabels(&problem)) labels.append(label);
    return QJsonObject{{"jobs", jobs}, {"labels", labels}, {"recognizerProblem", problem.isEmpty() ? QJsonValue() : QJsonValue(problem)}};
}

ApiResult MiningController::labels() const
{
    QString problem;
    QJsonArray labels;
    for (const QString& label : node_.recognizerLabels(&problem)) labels.append(label);
    const QString identity = node_.recognizerIdentity();
    return QJsonObject{{"labels", labels},
                       {"recognizer", identity.isEmpty() ? QJsonValue() : QJsonValue(identity)},
                       {"problem", problem.isEmpty() ? QJsonValue() : QJsonValue(problem)}};
}

ApiResult MiningController::job(const QString& id) const
{
    if (const auto job = node_.miningJob(id)) return jobJson(*job);
    return ApiError{ApiError::NotFound, "job_not_found", QString("no mining job '%1'").arg(id.left(40))};
}

ApiResult MiningController::submit(const QByteArray& contentType, const QByteArray& body, const QString& source)
{
    PhotoJobRequest request;
    request.source = source;
    const QByteArray type = contentType.split(';').first().trimmed().toLower();  // without parameters
    if (type == "multipart/form-data") return submitForm(contentType, body, request);
    // RestServer's guard lets no other type through: text/plain is what a cross-site form sends.
    if (type.isEmpty() || type == "application/json") return submitJson(body, request);
    return ApiError{ApiError::UnsupportedMediaType, "unsupported_media_type",
                    QString("a job is application/json or multipart/form-data, not %1").arg(QString::fromLatin1(type.left(80)))};
}

ApiResult MiningController::submitJson(const QByteArray& body, PhotoJobRequest request)
{
    const ApiResult parsed = parseObjectBody(body, kJobFields);
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
    request.photo = *photo;
    request.label = o["label"].toString();
    request.vote = o.value("vote").toString("abstain");
    request.rewardAddress = o.value("rewardAddress").toString();
    return queue(request);
}

ApiResult MiningController::submitForm(const QByteArray& contentType, const QByteArray& body, PhotoJobRequest request)
{
    const auto parsed = parseMultipartForm(contentType, body, {8, qsizetype(node_.status().maxPhotoBytes), kMaxFormFieldBytes});
    if (const auto* e = std::get_if<ApiError>(&*parsed)) return *e;
    bool hasPhoto = false, hasLabel = false;
    for (const FormPart& part : std::get<QList<FormPart>>(*parsed)) {
        if (!kJobFields.contains(part.name))
            return ApiError{ApiError::BadRequest, "unknown_field",
                            QString("unknown field '%1'; allowed: %2").arg(part.name.left(40), kJobFields.join(", "))};
        const bool isPhoto = part.name == "photo";
        if (isPhoto == part.filename.isEmpty())
            return ApiError{ApiError::BadRequest, "wrong_type",
                            isPhoto ? QString("field 'photo' must be a file part (Content-Disposition with a filename)")
                                    : QString("field '%1' must be text, not a file").arg(part.name)};
        if (isPhoto) {
            request.photo = part.data;
            hasPhoto = true;
            continue;
        }
        const QString text = QString::fromUtf8(part.data);
        if (text.toUtf8() != part.data)
            return ApiError{ApiError::BadRequest, "wrong_type", QString("field '%1' is not UTF-8 text").arg(part.name)};
        if (part.name == "label") {
            request.label = text;
            hasLabel = true;
        } else if (part.name == "vote") {
            request.vote = text;
        } else {
            request.rewardAddress = text;
        }
    }
    if (!hasPhoto || !hasLabel)
        return ApiError{ApiError::BadRequest, "missing_field", QString("field '%1' is required").arg(hasPhoto ? "label" : "photo")};
    return queue(request);
}

ApiResult MiningController::queue(const PhotoJobRequest& request)
{
    // The one job check (core/node/PhotoJobCheck) runs in submitMiningJob; a photo over the cap
    // is refused here first because it has its own status code.
    if (const PhotoJobProblem photo = checkJobPhoto(request.photo, node_.status().maxPhotoBytes); photo.kind == PhotoJobProblem::PhotoTooLarge)
        return ApiError{ApiError::PayloadTooLarge, "photo_too_large", photo.message};
    QueryError error;
    const auto job = node_.submitMiningJob(request, &error);
    if (job) return jobJson(*job);
    if (error.kind == QueryError::Malformed) return ApiError{ApiError::BadRequest, "bad_job", error.message};
    if (error.kind == QueryError::Full)
        return ApiError{ApiError::TooManyRequests, error.code, error.message, kRetryWhenQueueFullSeconds};
    return ApiError{ApiError::Unavailable, "cannot_mine_photos", error.message};
}

ApiResult MiningController::cancel(const QString& id, const QString& callerSource)
{
    // A paired device cancels only what it submitted; this machine and the operator cancel any job.
    const auto job = node_.miningJob(id);
    if (job && callerSource.startsWith("device:") && job->source != callerSource)
        return ApiError{ApiError::Forbidden, "not_your_job", QString("job %1 was submitted by another device or this node").arg(id)};
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
