#pragma once
// GET /api/v1/peers: the connected peers. POST /api/v1/peers/{id}/disconnect: drop one.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

namespace pb::api {

class PeersController {
public:
    explicit PeersController(Node& node) : node_(node) {}
    ApiResult list() const;
    // `id` is a node id (64 hex digits) or a connection id (decimal).
    ApiResult disconnect(const QString& id);

private:
    Node& node_;
};

QJsonObject peerJson(const PeerInfo& peer);

} // namespace pb::api
