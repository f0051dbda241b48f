#include "core/api/QueryParameters.h"

namespace pb::api {

std::variant<QueryParameters, ApiError> QueryParameters::parse(const QUrlQuery& query, const QStringList& allowed)
{
    QueryParameters parameters;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!allowed.contains(name))
            return ApiError{ApiError::BadRequest, "unknown_parameter",
                            QString("unknown query parameter '%1'; allowed: %2")
                                .arg(name.left(40), allowed.isEmpty() ? QString("none") : allowed.join(", "))};
        if (!parameters.values_.emplace(name, value).second)
            return ApiError{ApiError::BadRequest, "bad_parameter", QString("query parameter '%1' appears twice").arg(name)};
    }
    return parameters;
}

std::variant<qint64, ApiError> QueryParameters::integer(const QString& name, qint64 min, qint64 max, qint64 fallback) const
{
    const auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    bool ok = false;
    const qint64 value = it->second.toLongLong(&ok, 10);
    if (!ok || value < min || value > max)
        return ApiError{ApiError::BadRequest, "bad_parameter",
                        QString("'%1' must be an integer from %2 to %3, not '%4'").arg(name).arg(min).arg(max).arg(it->second.left(40))};
    return value;
}

std::variant<bool, ApiError> QueryParameters::flag(const QString& name, bool fallback) const
{
    const auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    if (it->second == "1" || it->second == "true") return true;
    if (it->second == "0" || it->second == "false") return false;
    return ApiError{ApiError::BadRequest, "bad_parameter", QString("'%1' must be 1, true, 0 or false, not '%2'").arg(name, it->second.left(40))};
}

} // namespace pb::api
