#include "core/api/PairingController.h"

#include <QJsonArray>
#include <QNetworkInterface>

namespace pb::api {

namespace {

QJsonObject deviceJson(const PairedDevice& device)
{
    return {{"id", device.id}, {"name", device.name}, {"pairedAt", device.pairedAt}};
}

} // namespace

QString webClientAddress(const RestSettings& settings, quint16 boundPort)
{
    // Phones reach the node on the LAN: name an address of this machine they can use.
    QString host = "127.0.0.1";
    if (settings.listenAll)
        for (const QHostAddress& address : QNetworkInterface::allAddresses())
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
                host = address.toString();
                break;
            }
    const QString scheme = settings.tlsCertificate.isEmpty() ? "http" : "https";
    return QString("%1://%2:%3/").arg(scheme, host).arg(boundPort);
}

std::optional<ApiError> PairingController::pairingOff() const
{
    if (devices_) return std::nullopt;
    return ApiError{ApiError::Unavailable, "pairing_off", "this node keeps no paired devices (no data directory for them)"};
}

ApiResult PairingController::issueCode(qint64 nowSeconds)
{
    if (auto off = pairingOff()) return *off;
    const PairingCode code = devices_->issueCode(nowSeconds);
    const QString web = webClientAddress(settings_, boundPort_);
    return QJsonObject{{"code", code.code},
                       {"expiresAt", code.expiresAt},
                       {"webClient", web},
                       {"pairingUrl", pairingUrl(web, code.code)}};
}

ApiResult PairingController::pair(const QByteArray& body, const QHostAddress& client, qint64 nowSeconds)
{
    if (auto off = pairingOff()) return *off;
    if (const auto wait = lockout_.lockedFor(client, nowSeconds))
        return ApiError{ApiError::TooManyRequests, "pairing_locked",
                        QString("%1 wrong pairing codes in a row from %2: pairing is locked for it for %3 more s")
                            .arg(PairingLockout::kWrongInARow).arg(client.toString()).arg(*wait),
                        int(*wait)};
    const ApiResult parsed = parseObjectBody(body, {"code", "name"});
    if (std::holds_alternative<ApiError>(parsed)) return parsed;
    const QJsonObject request = std::get<QJsonObject>(parsed);
    for (const char* field : {"code", "name"}) {
        if (!request.contains(field))
            return ApiError{ApiError::BadRequest, "missing_field", QString("'%1' is required").arg(field)};
        if (!request.value(field).isString())
            return ApiError{ApiError::BadRequest, "wrong_type",
                            QString("'%1' must be a string, not %2").arg(field, jsonTypeName(request.value(field)))};
    }
    const PairingOutcome outcome = devices_->pair(request.value("code").toString(), request.value("name").toString(), nowSeconds);
    switch (outcome.refusal) {
    case PairingOutcome::Refusal::None: break;
    case PairingOutcome::Refusal::BadCode: {
        const int inARow = lockout_.recordWrong(client, nowSeconds);
        qWarning("REST: wrong pairing code from %s (%d in a row%s)", qPrintable(client.toString()), inARow,
                 inARow >= PairingLockout::kWrongInARow ? ", pairing locked for it for a minute" : "");
        return ApiError{ApiError::BadRequest, "bad_pairing_code", outcome.error};
    }
    case PairingOutcome::Refusal::BadName: return ApiError{ApiError::BadRequest, "bad_device_name", outcome.error};
    case PairingOutcome::Refusal::StorageFailed: return ApiError{ApiError::Unavailable, "storage_failed", outcome.error};
    }
    lockout_.recordRight(client);
    QJsonObject answer = deviceJson(*outcome.device);
    answer["token"] = outcome.token;
    return answer;
}

ApiResult PairingController::list() const
{
    if (auto off = pairingOff()) return *off;
    QJsonArray devices;
    for (const PairedDevice& device : devices_->devices()) devices.append(deviceJson(device));
    return QJsonObject{{"devices", devices}};
}

ApiResult PairingController::revoke(const QString& id)
{
    if (auto off = pairingOff()) return *off;
    QString error;
    if (!devices_->revoke(id, &error))
        return ApiError{ApiError::NotFound, "device_not_found", QString("no paired device has the id '%1'").arg(id.left(40))};
    if (!error.isEmpty()) return ApiError{ApiError::Unavailable, "storage_failed", error};
    return QJsonObject{{"revoked", id}};
}

ApiResult PairingController::unpair(const std::optional<PairedDevice>& caller)
{
    if (auto off = pairingOff()) return *off;
    if (!caller)
        return ApiError{ApiError::Unauthorized, "token_required",
                        "only a paired device unpairs itself: send its token as Authorization: Bearer <token>"};
    return revoke(caller->id);
}

} // namespace pb::api
