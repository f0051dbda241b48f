#pragma once
// GET /api/v1/blocks/{height-or-hash}: a block's pack, header and contents.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

namespace pb::api {

class BlockController {
public:
    explicit BlockController(const Node& node) : node_(node) {}
    ApiResult block(const QString& heightOrHash) const;

private:
    const Node& node_;
};

QJsonObject blockJson(const BlockInfo& block);

} // namespace pb::api
