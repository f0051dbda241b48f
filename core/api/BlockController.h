#pragma once
// GET /api/v1/blocks/{height-or-hash}: a block's pack, header and contents; GET
// /api/v1/blocks?from=H&limit=N: a page of the active chain, newest first.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

#include <QUrlQuery>

#include <map>

namespace pb::api {

// Single blocks are serialised once per tip and served as text while the tip stays (votes on a
// block and the block at a height change only when it moves). Not thread-safe: RestServer
// calls it from its one thread.
class BlockController {
public:
    explicit BlockController(const Node& node) : node_(node) {}
    static constexpr int kDefaultPage = 20;
    static constexpr int kMaxPage = 100;
    static constexpr size_t kMaxServedBlocks = 1024;

    ApiResult block(const QString& heightOrHash);
    // Blocks from height `from` (default: the tip) down, at most `limit`; `next` is the `from`
    // of the following page (null after genesis).
    ApiResult page(const QUrlQuery& query) const;

private:
    const Node& node_;
    QString servedTip_;  // the tip the answers are for
    std::map<QString, JsonText> served_;  // by the id as requested: "5" or a hash
};

QJsonObject blockJson(const BlockInfo& block);

} // namespace pb::api
