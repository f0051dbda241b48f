#include "core/api/BlockController.h"

#include "core/api/QueryParameters.h"
#include "core/api/TransferJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pb::api {

QJsonObject blockJson(const BlockInfo& b)
{
    QJsonArray txs;
    for (const TransactionInfo& t : b.transactions)
        txs.append(transactionJson(t));
    return QJsonObject{
        {"type", "block"},
        {"height", qint64(b.height)},
        {"hash", b.hash},
        {"prevHash", b.prevHash},
        {"header", b.headerHex},
        {"version", qint64(b.version)},
        {"contentRoot", b.contentRoot},
        {"time", b.time},
        {"bits", QString("%1").arg(b.bits, 8, 16, QChar('0'))},
        {"nonce", QString::number(b.nonce)},
        {"chainWork", b.chainWork},
        {"photoHash", b.photoHash.isEmpty() ? QJsonValue() : QJsonValue(b.photoHash)},
        {"label", b.label},
        {"vote", b.vote},
        {"size", b.sizeBytes},
        {"transactions", txs},
        {"bodyPruned", b.bodyPruned},
        {"unchecked", b.unchecked},
        {"votes", b.votes ? QJsonValue(QJsonObject{{"agree", qint64(b.votes->agree)},
                                                    {"disagree", qint64(b.votes->disagree)},
                                                    {"abstain", qint64(b.votes->abstain)}})
                          : QJsonValue()},
    };
}

namespace {

ApiError queryFailure(const QueryError& error)
{
    switch (error.kind) {
    case QueryError::Malformed: return ApiError{ApiError::BadRequest, "malformed_block_id", error.message};
    case QueryError::NotFound: return ApiError{ApiError::NotFound, "block_not_found", error.message};
    case QueryError::Conflict:
    case QueryError::Full:
    case QueryError::Unavailable: break;
    }
    return ApiError{ApiError::Unavailable, "storage_unavailable", error.message};
}

} // namespace

ApiResult BlockController::page(const QUrlQuery& query) const
{
    const auto parameters = QueryParameters::parse(query, {"from", "limit"});
    if (const auto* e = std::get_if<ApiError>(&parameters)) return *e;
    const auto& p = std::get<QueryParameters>(parameters);
    const NodeStatus status = node_.status();
    if (!status.ready) return ApiError{ApiError::Unavailable, "starting", "the node is still starting"};
    const auto from = p.integer("from", 0, std::numeric_limits<qint64>::max(), qint64(status.height));
    if (const auto* e = std::get_if<ApiError>(&from)) return *e;
    const auto limit = p.integer("limit", 1, kMaxPage, kDefaultPage);
    if (const auto* e = std::get_if<ApiError>(&limit)) return *e;

    // A page past the tip starts at the tip: the chain may have grown or shrunk since the
    // client's last page.
    const quint64 top = std::min(quint64(std::get<qint64>(from)), status.height);
    const quint64 count = std::min(quint64(std::get<qint64>(limit)), top + 1);
    QueryError error;
    error.kind = QueryError::NotFound;
    QList<BlockInfo> blocks = node_.blocksFrom(top + 1 - count, int(count), &error);
    if (blocks.isEmpty() && error.kind == QueryError::Unavailable) return queryFailure(error);
    QJsonArray list;
    for (auto it = blocks.crbegin(); it != blocks.crend(); ++it) list.append(blockJson(*it));
    const quint64 lowest = blocks.isEmpty() ? 0 : blocks.first().height;
    return QJsonObject{{"blocks", list}, {"next", lowest > 0 ? QJsonValue(qint64(lowest - 1)) : QJsonValue()}};
}

ApiResult BlockController::block(const QString& heightOrHash)
{
    const QString tip = node_.status().tipHash;
    if (tip != servedTip_) {
        served_.clear();
        servedTip_ = tip;
    }
    if (const auto it = served_.find(heightOrHash); it != served_.end()) return it->second;
    QueryError error;
    const auto found = node_.findBlock(heightOrHash, &error);
    if (!found) return queryFailure(error);
    JsonText text{QJsonDocument(blockJson(*found)).toJson(QJsonDocument::Compact)};
    // Header-only (pruned) and unchecked answers change without the tip moving.
    if (!found->bodyPruned && !found->unchecked) {
        if (served_.size() >= kMaxServedBlocks) served_.clear();
        served_.emplace(heightOrHash, text);
    }
    return text;
}

} // namespace pb::api
