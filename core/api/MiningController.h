#pragma once
// GET/POST /api/v1/mining/jobs, GET/DELETE /api/v1/mining/jobs/{id} and GET /api/v1/labels:
// photo mining jobs and the labels they may claim.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

#include <QUrlQuery>

namespace pb::api {

class MiningController {
public:
    // A multipart submission's text fields (label, vote, rewardAddress) are short.
    static constexpr qsizetype kMaxFormFieldBytes = 256;
    // A full job queue (PendingJobCount) answers 429 with this Retry-After.
    static constexpr int kRetryWhenQueueFullSeconds = 30;

    explicit MiningController(Node& node) : node_(node) {}
    // Every job, or with ?mine=1 only those `source` submitted (a paired device's source; 401
    // when the caller sent no device token).
    ApiResult list(const QUrlQuery& query, const QString& callerSource) const;
    ApiResult job(const QString& id) const;
    // The recognizer's labels and identity, or why this node cannot mine photos.
    ApiResult labels() const;
    // A JSON body {"photo": "<base64 JPEG/PNG>", "label": "face", "vote": "agree|disagree|abstain",
    // "rewardAddress": "pb1…"} or multipart/form-data with the same fields (photo as a file
    // part); vote and rewardAddress optional. `source` records who submitted ("api", or
    // "device:<id>" for a paired device). Answers 202 with the job; 429 device_job_limit or
    // job_queue_full when too many jobs are unsettled (core/node/PendingJobCount.h).
    ApiResult submit(const QByteArray& contentType, const QByteArray& body, const QString& source);
    // `callerSource` as for list(): a paired device may cancel only its own jobs (403 not_your_job).
    ApiResult cancel(const QString& id, const QString& callerSource);

private:
    ApiResult submitJson(const QByteArray& body, PhotoJobRequest request);
    ApiResult submitForm(const QByteArray& contentType, const QByteArray& body, PhotoJobRequest request);
    ApiResult queue(const PhotoJobRequest& request);

    Node& node_;
};

QJsonObject jobJson(const PhotoJob& job);
// The job source recorded for a paired device.
QString deviceJobSource(const QString& deviceId);

} // namespace pb::api
