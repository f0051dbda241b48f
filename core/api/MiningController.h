#pragma once
// GET/POST /api/v1/mining/jobs and GET/DELETE /api/v1/mining/jobs/{id}: photo mining jobs.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

namespace pb::api {

class MiningController {
public:
    explicit MiningController(Node& node) : node_(node) {}
    ApiResult list() const;
    ApiResult job(const QString& id) const;
    // Body: {"photo": "<base64 JPEG/PNG>", "label": "face", "vote": "agree|disagree|abstain",
    // "rewardAddress": "pb1…"}; vote and rewardAddress optional. Answers 202 with the job.
    ApiResult submit(const QByteArray& body);
    ApiResult cancel(const QString& id);

private:
    Node& node_;
};

QJsonObject jobJson(const MiningJobInfo& job);

} // namespace pb::api
