#pragma once
// GET /api/v1/nodes: the node catalogue, the nodes this one has learnt of from signed node
// packs (seeds, peers, announcements), connected or not; what a phone may offer as other
// nodes to use.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

#include <QUrlQuery>

namespace pb::api {

class NodesController {
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;

    explicit NodesController(const Node& node) : node_(node) {}
    // Most recently seen first; `limit` (default 100).
    ApiResult list(const QUrlQuery& query) const;

private:
    const Node& node_;
};

} // namespace pb::api
