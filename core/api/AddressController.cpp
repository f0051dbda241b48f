#include "core/api/AddressController.h"

#include "core/api/TransferJson.h"

#include <QJsonArray>

namespace pb::api {

ApiError queryApiError(const QueryError& error, const char* notFoundCode)
{
    switch (error.kind) {
    case QueryError::Malformed: return {ApiError::BadRequest, error.code.isEmpty() ? "bad_request" : error.code, error.message};
    case QueryError::NotFound: return {ApiError::NotFound, notFoundCode, error.message};
    case QueryError::Conflict: return {ApiError::Conflict, error.code.isEmpty() ? "conflict" : error.code, error.message};
    case QueryError::Full: return {ApiError::TooManyRequests, error.code.isEmpty() ? "busy" : error.code, error.message, 30};
    case QueryError::Unavailable: break;
    }
    return {ApiError::Unavailable, "unavailable", error.message};
}

ApiResult AddressController::account(const QString& address) const
{
    QueryError error;
    const auto a = node_.account(address, &error);
    if (!a) return queryApiError(error, "address_not_found");
    return QJsonObject{
        {"address", a->address},
        {"balance", qint64(a->balance)},
        {"nonce", qint64(a->nonce)},
        {"nextNonce", qint64(a->nextNonce)},
        {"pending", QJsonObject{{"outgoing", a->pendingOut},
                                {"spend", qint64(a->pendingSpend)},
                                {"incoming", qint64(a->pendingIn)}}},
    };
}

ApiResult AddressController::history(const QString& address, const QString& limitText) const
{
    int limit = kDefaultHistory;
    if (!limitText.isEmpty()) {
        bool ok = false;
        limit = limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxHistory)
            return ApiError{ApiError::BadRequest, "bad_limit",
                            QString("limit '%1' is not a number from 1 to %2").arg(limitText.left(20)).arg(kMaxHistory)};
    }
    QueryError error;
    const auto txs = node_.addressHistory(address, limit, &error);
    if (!txs) return queryApiError(error, "address_not_found");
    QJsonArray list;
    for (const TransactionInfo& t : *txs) list.append(transactionJson(t));
    return QJsonObject{{"address", address}, {"transactions", list}};
}

} // namespace pb::api
