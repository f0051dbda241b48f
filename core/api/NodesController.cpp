#include "core/api/NodesController.h"

#include "core/api/QueryParameters.h"

#include <QJsonArray>

namespace pb::api {

ApiResult NodesController::list(const QUrlQuery& query) const
{
    const auto parameters = QueryParameters::parse(query, {"limit"});
    if (const auto* e = std::get_if<ApiError>(&parameters)) return *e;
    const auto limit = std::get<QueryParameters>(parameters).integer("limit", 1, kMaxLimit, kDefaultLimit);
    if (const auto* e = std::get_if<ApiError>(&limit)) return *e;
    QueryError error;
    error.kind = QueryError::NotFound;  // stays so unless storage fails
    const QList<KnownNodeInfo> known = node_.knownNodes(int(std::get<qint64>(limit)), &error);
    if (error.kind == QueryError::Unavailable) return ApiError{ApiError::Unavailable, "storage_unavailable", error.message};
    QJsonArray nodes;
    for (const KnownNodeInfo& n : known)
        nodes.append(QJsonObject{
            {"id", n.id},
            {"type", n.type.isEmpty() ? QJsonValue() : QJsonValue(n.type)},
            {"host", n.host.isEmpty() ? QJsonValue() : QJsonValue(n.host)},
            {"port", n.port == 0 ? QJsonValue() : QJsonValue(n.port)},
            {"lastSeen", n.lastSeen},
        });
    return QJsonObject{{"nodes", nodes}};
}

} // namespace pb::api
