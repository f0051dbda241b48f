#include "core/api/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pb::api {

int httpStatusFor(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::BadRequest: return 400;
    case ApiError::Unauthorized: return 401;
    case ApiError::Forbidden: return 403;
    case ApiError::NotFound: return 404;
    case ApiError::MethodNotAllowed: return 405;
    case ApiError::Misdirected: return 421;
    case ApiError::Conflict: return 409;
    case ApiError::PayloadTooLarge: return 413;
    case ApiError::UnsupportedMediaType: return 415;
    case ApiError::TooManyRequests: return 429;
    case ApiError::Unavailable: return 503;
    }
    return 400;
}

QJsonObject errorBody(const ApiError& error)
{
    return QJsonObject{{"error", QJsonObject{{"code", error.code}, {"message", error.message}}}};
}

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return "a boolean";
    case QJsonValue::Double: return "a number";
    case QJsonValue::String: return "a string";
    case QJsonValue::Array: return "an array";
    case QJsonValue::Object: return "an object";
    case QJsonValue::Undefined: break;
    }
    return "undefined";
}

ApiResult parseObjectBody(const QByteArray& body, const QStringList& allowedFields)
{
    const QString expected = QString("a JSON object with the fields %1").arg(allowedFields.join(", "));
    if (body.trimmed().isEmpty())
        return ApiError{ApiError::BadRequest, "malformed_json", QString("the body is empty; expected %1").arg(expected)};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument refuses a bare value (42, "text", null) as "illegal value" although it is
        // JSON; wrapped in an array it parses, which tells the two mistakes apart.
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + body + "]");
        if (wrapped.isArray() && wrapped.array().size() == 1)
            return ApiError{ApiError::BadRequest, "not_an_object",
                            QString("the body is %1; expected %2").arg(jsonTypeName(wrapped.array().first()), expected)};
        return ApiError{ApiError::BadRequest, "malformed_json",
                        QString("the body is not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)};
    }
    if (!document.isObject())
        return ApiError{ApiError::BadRequest, "not_an_object", QString("the body is an array; expected %1").arg(expected)};
    const QJsonObject object = document.object();
    QStringList unknown;
    for (const QString& name : object.keys())
        if (!allowedFields.contains(name)) unknown.append("'" + name.left(40) + "'");
    if (!unknown.isEmpty()) {
        const qsizetype count = unknown.size();
        constexpr qsizetype kNamed = 5;  // a 16 KiB body can hold hundreds of names
        if (count > kNamed) unknown = unknown.mid(0, kNamed) << QString("and %1 more").arg(count - kNamed);
        return ApiError{ApiError::BadRequest, "unknown_field",
                        QString("unknown field%1 %2; allowed: %3")
                            .arg(count > 1 ? "s" : "", unknown.join(", "), allowedFields.join(", "))};
    }
    return object;
}

} // namespace pb::api
