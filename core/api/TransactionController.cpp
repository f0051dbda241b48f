#include "core/api/TransactionController.h"

#include "core/api/AddressController.h"
#include "core/api/TransferJson.h"

#include <QJsonArray>

namespace pb::api {

ApiResult TransactionController::transaction(const QString& id) const
{
    QueryError error;
    const auto tx = node_.transaction(id, &error);
    if (!tx) return queryApiError(error, "tx_not_found");
    return transactionJson(*tx);
}

ApiResult TransactionController::submit(const QByteArray& body)
{
    const ApiResult parsed = parseObjectBody(body, kTransferFields);
    if (std::holds_alternative<ApiError>(parsed)) return parsed;
    const auto transfer = transferFromJson(std::get<QJsonObject>(parsed));
    if (const auto* e = std::get_if<ApiError>(&transfer)) return *e;
    const Bytes raw = std::get<TransferTx>(transfer).serialize();
    QueryError error;
    const auto tx = node_.submitTransfer(QByteArray(reinterpret_cast<const char*>(raw.data()), qsizetype(raw.size())), &error);
    if (!tx) return queryApiError(error, "tx_not_found");
    return transactionJson(*tx);
}

ApiResult TransactionController::mempool() const
{
    QueryError error;
    error.kind = QueryError::NotFound;  // stays so unless storage fails
    const QList<TransactionInfo> pending = node_.mempool(&error);
    if (error.kind == QueryError::Unavailable) return queryApiError(error, "");
    QJsonArray list;
    qint64 fees = 0;
    for (const TransactionInfo& t : pending) {
        list.append(transactionJson(t));
        fees += qint64(t.fee);
    }
    return QJsonObject{{"count", list.size()}, {"fees", fees}, {"transactions", list}};
}

} // namespace pb::api
