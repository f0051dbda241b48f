#pragma once
// A request's query string, checked strictly: only the parameters a route knows, each at most
// once, integers within their range. Mistakes are 400 unknown_parameter / bad_parameter.
#include "core/api/ApiError.h"

#include <QUrlQuery>

#include <map>

namespace pb::api {

class QueryParameters {
public:
    static std::variant<QueryParameters, ApiError> parse(const QUrlQuery& query, const QStringList& allowed);

    bool has(const QString& name) const { return values_.count(name) > 0; }
    // The integer `name` in [min, max], or `fallback` when absent.
    std::variant<qint64, ApiError> integer(const QString& name, qint64 min, qint64 max, qint64 fallback) const;
    // "1"/"true" or "0"/"false"; `fallback` when absent.
    std::variant<bool, ApiError> flag(const QString& name, bool fallback) const;

private:
    std::map<QString, QString> values_;
};

} // namespace pb::api
