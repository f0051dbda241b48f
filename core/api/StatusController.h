#pragma once
// GET /api/v1/status: what the node is and where its chain stands.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

namespace pb::api {

class StatusController {
public:
    explicit StatusController(const Node& node) : node_(node) {}
    ApiResult status() const;

private:
    const Node& node_;
};

} // namespace pb::api
