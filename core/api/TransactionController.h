#pragma once
// GET /api/v1/tx/{id}, POST /api/v1/tx (a signed transfer as JSON, see TransferJson.h) and
// GET /api/v1/mempool.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

namespace pb::api {

class TransactionController {
public:
    explicit TransactionController(Node& node) : node_(node) {}
    ApiResult transaction(const QString& id) const;
    // 202 with the pending transfer, or the mempool's reason ("nonce_gap", "bad_signature", …).
    ApiResult submit(const QByteArray& body);
    ApiResult mempool() const;

private:
    Node& node_;
};

} // namespace pb::api
