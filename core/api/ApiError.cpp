#include "core/api/ApiError.h"

namespace pb::api {

int httpStatusFor(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::BadRequest: return 400;
    case ApiError::NotFound: return 404;
    case ApiError::Unavailable: return 503;
    }
    return 400;
}

QJsonObject errorBody(const ApiError& error)
{
    return QJsonObject{{"error", QJsonObject{{"code", error.code}, {"message", error.message}}}};
}

} // namespace pb::api
