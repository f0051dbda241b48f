#pragma once
// GET /api/v1/blocks/{height-or-hash}: a block's pack, header and contents; GET
// /api/v1/blocks?from=H&limit=N: a page of the active chain, newest first.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

#include <QUrlQuery>

namespace pb::api {

class BlockController {
public:
    explicit BlockController(const Node& node) : node_(node) {}
    static constexpr int kDefaultPage = 20;
    static constexpr int kMaxPage = 100;

    ApiResult block(const QString& heightOrHash) const;
    // Blocks from height `from` (default: the tip) down, at most `limit`; `next` is the `from`
    // of the following page (null after genesis).
    ApiResult page(const QUrlQuery& query) const;

private:
    const Node& node_;
};

QJsonObject blockJson(const BlockInfo& block);

} // namespace pb::api
