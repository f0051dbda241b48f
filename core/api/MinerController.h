#pragma once
// GET /api/v1/mining and POST /api/v1/mining: the miner's status, and starting, stopping or
// re-threading it at run time (an operator route). Answers the status once the engine has
// applied the change.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

#include <functional>

namespace pb::api {

// The "mining" object of /api/v1/status and of these routes.
QJsonObject miningStatusJson(const NodeStatus& status);

class MinerController {
public:
    // How long a change may take to show in the engine's status before the answer says so.
    static constexpr int kApplyWaitMs = 5000;

    explicit MinerController(Node& node) : node_(node) {}

    ApiResult status() const;
    // A body {"active": bool, "threads": n}, either optional (not both absent): active false
    // stops mining; active true starts it (on `threads`, else the current or configured count);
    // threads alone re-threads a running miner (409 mining_stopped when it is not running).
    ApiResult control(const QByteArray& body);

private:
    Node& node_;
};

} // namespace pb::api
