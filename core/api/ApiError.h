#pragma once
// Typed API errors. Controllers return them; RestServer alone turns them into HTTP status
// codes and the {"error":{"code","message"}} body.
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <variant>

namespace pb::api {

struct ApiError {
    enum Kind {
        BadRequest,        // 400: malformed id, parameter or body
        Unauthorized,      // 401: a write from another machine without a valid device token, an
                           //      operator route without the operator token
        Forbidden,         // 403: a foreign Origin on a write, a device token on an operator route
        NotFound,          // 404: no such resource or route
        MethodNotAllowed,  // 405: the path exists, the method does not
        Misdirected,       // 421: the Host header names none of this node's names (DNS rebinding)
        Conflict,          // 409: the resource's state does not allow it (a settled job)
        PayloadTooLarge,   // 413: the request body is over the limit
        UnsupportedMediaType,  // 415: a body in a Content-Type the route does not read
        TooManyRequests,   // 429: the client is over its request budget (see Retry-After)
        Unavailable,       // 503: the node cannot answer right now (storage down, starting)
    };
    Kind kind = BadRequest;
    QString code;      // stable snake_case identifier, e.g. "malformed_block_id"
    QString message;   // human-readable, names the offending value
    int retryAfterSeconds = 0;  // > 0: sent as Retry-After (rate limits, pairing lockout)
};

// An answer serialised once and served many times (compact JSON text).
struct JsonText {
    QByteArray bytes;
};

using ApiResult = std::variant<QJsonObject, ApiError, JsonText>;

int httpStatusFor(ApiError::Kind kind);
QJsonObject errorBody(const ApiError& error);

// A request body that must be one JSON object using only `allowedFields`. Errors (400):
// malformed_json (not JSON at all), not_an_object (JSON, but an array or a bare value),
// unknown_field (names every field not in allowedFields).
ApiResult parseObjectBody(const QByteArray& body, const QStringList& allowedFields);
// "a string", "a number", … for messages about a JSON value of the wrong type.
QString jsonTypeName(const QJsonValue& value);

} // namespace pb::api
