#include "core/api/BlockController.h"

#include "core/api/TransferJson.h"

#include <QJsonArray>

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

ApiResult BlockController::block(const QString& heightOrHash) const
{
    QueryError error;
    const auto found = node_.findBlock(heightOrHash, &error);
    if (found) return blockJson(*found);
    switch (error.kind) {
    case QueryError::Malformed: return ApiError{ApiError::BadRequest, "malformed_block_id", error.message};
    case QueryError::NotFound: return ApiError{ApiError::NotFound, "block_not_found", error.message};
    case QueryError::Conflict:
    case QueryError::Unavailable: break;
    }
    return ApiError{ApiError::Unavailable, "storage_unavailable", error.message};
}

} // namespace pb::api
