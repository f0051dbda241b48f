#include "core/api/BansController.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace pb::api {

std::optional<QString> canonicalAddress(const QString& text, QString* why)
{
    // QHostAddress alone also takes "1.2.3" (as 1.2.0.3), hex parts and surrounding spaces,
    // which would ban an address the operator did not mean.
    static const QRegularExpression ipv4(
        QRegularExpression::anchoredPattern(R"((0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3})"));
    static const QRegularExpression ipv6(QRegularExpression::anchoredPattern("[0-9a-fA-F:.]{2,45}"));
    QHostAddress address;
    if (!(ipv4.match(text).hasMatch() || (text.contains(':') && ipv6.match(text).hasMatch())) || !address.setAddress(text)) {
        *why = QString("'%1' is not an IP address: write IPv4 as four decimal numbers (192.0.2.1), IPv6 without a "
                       "zone (2001:db8::1)").arg(text.left(80));
        return std::nullopt;
    }
    if (address.isEqual(QHostAddress::AnyIPv4) || address.isEqual(QHostAddress::AnyIPv6)) {
        *why = QString("'%1' is the unspecified address, which no peer connects from").arg(text);
        return std::nullopt;
    }
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (address.protocol() == QAbstractSocket::IPv6Protocol && mapped) return QHostAddress(v4).toString();
    return address.toString();
}

ApiResult BansController::list() const
{
    QJsonArray bans;
    for (const BanInfo& b : node_.bans())
        bans.append(QJsonObject{{"address", b.address}, {"until", b.until}, {"reason", b.reason}, {"bannedAt", b.bannedAt}});
    return QJsonObject{{"bans", bans}};
}

ApiResult BansController::ban(const QByteArray& body)
{
    const ApiResult parsed = parseObjectBody(body, {"address", "seconds", "reason"});
    if (const auto* error = std::get_if<ApiError>(&parsed)) return *error;
    const QJsonObject request = std::get<QJsonObject>(parsed);
    const auto wrongType = [](const QString& field, const QString& expected, const QJsonValue& value) {
        return ApiError{ApiError::BadRequest, "wrong_type",
                        QString("'%1' must be %2, not %3").arg(field, expected, jsonTypeName(value))};
    };

    const QJsonValue addressValue = request.value("address");
    if (addressValue.isUndefined())
        return ApiError{ApiError::BadRequest, "missing_field", "'address' is required: the IP address to ban"};
    if (!addressValue.isString()) return wrongType("address", "a string", addressValue);
    QString why;
    const auto address = canonicalAddress(addressValue.toString(), &why);
    if (!address) return ApiError{ApiError::BadRequest, "bad_address", why};

    qint64 seconds = kDefaultSeconds;
    if (const QJsonValue value = request.value("seconds"); !value.isUndefined()) {
        if (!value.isDouble()) return wrongType("seconds", "a whole number", value);
        const double requested = value.toDouble();
        if (std::floor(requested) != requested)
            return ApiError{ApiError::BadRequest, "wrong_type",
                            QString("'seconds' must be a whole number, not %1").arg(requested, 0, 'g', 17)};
        if (requested <= 0 || requested > double(kMaxSeconds))
            return ApiError{ApiError::BadRequest, "bad_duration",
                            QString("'seconds' must be between 1 and %1 (ten years), not %2")
                                .arg(kMaxSeconds).arg(requested, 0, 'g', 17)};
        seconds = qint64(requested);
    }

    QString reason;
    if (const QJsonValue value = request.value("reason"); !value.isUndefined()) {
        if (!value.isString()) return wrongType("reason", "a string", value);
        reason = value.toString();
        if (reason.size() > kMaxReasonChars)
            return ApiError{ApiError::BadRequest, "reason_too_long",
                            QString("'reason' has %1 characters; at most %2 are kept").arg(reason.size()).arg(kMaxReasonChars)};
    }

    // The engine applies the ban asynchronously and dates it itself, so `until` may differ
    // from the listed one by the second that passes in between.
    const qint64 until = QDateTime::currentSecsSinceEpoch() + seconds;
    QString error;
    // The input was checked above as strictly as the engine checks it, so a refusal here
    // means the node cannot take the ban right now (e.g. it is not running).
    if (!node_.ban(*address, seconds, reason, &error)) return ApiError{ApiError::Unavailable, "node_unavailable", error};
    return QJsonObject{{"banned", *address}, {"until", until}};
}

ApiResult BansController::unban(const QString& text)
{
    QString why;
    const auto address = canonicalAddress(text, &why);
    if (!address) return ApiError{ApiError::BadRequest, "bad_address", why};
    if (!node_.unban(*address))
        return ApiError{ApiError::NotFound, "ban_not_found", QString("%1 is not banned").arg(*address)};
    return QJsonObject{{"unbanned", *address}};
}

} // namespace pb::api
