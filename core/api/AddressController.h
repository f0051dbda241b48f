#pragma once
// GET /api/v1/addresses/{addr} (balance, nonce, pending) and GET /api/v1/addresses/{addr}/txs.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

namespace pb::api {

class AddressController {
public:
    static constexpr int kDefaultHistory = 50;
    static constexpr int kMaxHistory = 500;

    explicit AddressController(const Node& node) : node_(node) {}
    ApiResult account(const QString& address) const;
    // `limit` from the query string: empty for the default.
    ApiResult history(const QString& address, const QString& limit) const;

private:
    const Node& node_;
};

// A Node query's failure as an API error; `notFoundCode` names what was missing.
ApiError queryApiError(const QueryError& error, const char* notFoundCode);

} // namespace pb::api
