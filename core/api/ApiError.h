#pragma once
// Typed API errors. Controllers return them; RestServer alone turns them into HTTP status
// codes and the {"error":{"code","message"}} body.
#include <QJsonObject>
#include <QString>
#include <variant>

namespace pb::api {

struct ApiError {
    enum Kind {
        BadRequest,    // 400: malformed id, parameter or body
        NotFound,      // 404: no such resource or route
        Unavailable,   // 503: the node cannot answer right now (storage down, starting)
    };
    Kind kind = BadRequest;
    QString code;      // stable snake_case identifier, e.g. "malformed_block_id"
    QString message;   // human-readable, names the offending value
};

using ApiResult = std::variant<QJsonObject, ApiError>;

int httpStatusFor(ApiError::Kind kind);
QJsonObject errorBody(const ApiError& error);

} // namespace pb::api
