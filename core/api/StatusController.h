#pragma once
// GET /api/v1/status: what the node is and where its chain stands.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

namespace pb::api {

// The answer is serialised once per status snapshot (the engine publishes about one a second)
// and served as text until the next: a phone polling status costs the node no JSON work.
// Not thread-safe: RestServer calls it from its one thread.
class StatusController {
public:
    explicit StatusController(const Node& node) : node_(node) {}
    ApiResult status();

private:
    const Node& node_;
    quint64 servedRevision_ = 0;
    JsonText served_;
};

} // namespace pb::api
