#pragma once
// Pairing phones: POST /api/v1/pairing (operator: a new one-time code and the web client's
// address to open on the phone), POST /api/v1/pair (phone: code + name -> its own token),
// GET /api/v1/devices and DELETE /api/v1/devices/{id} (operator: list, revoke).
#include "core/api/ApiError.h"
#include "core/api/DeviceRegistry.h"
#include "core/api/PairingLockout.h"
#include "core/api/RestSettings.h"

namespace pb::api {

// The address a phone opens to reach this node's web client: an address of this machine on
// the LAN when the API listens on every interface, loopback otherwise.
QString webClientAddress(const RestSettings& settings, quint16 boundPort);
// What a pairing QR code holds: the web client's address with the code for it to use.
inline QString pairingUrl(const QString& webClient, const QString& code) { return webClient + "#pair=" + code; }

class PairingController {
public:
    PairingController(DeviceRegistry* devices, const RestSettings& settings) : devices_(devices), settings_(settings) {}
    // The port the server actually listens on, for the web client's address.
    void setBoundPort(quint16 port) { boundPort_ = port; }

    ApiResult issueCode(qint64 nowSeconds);
    // A phone's attempt from `client`; wrong codes are logged and count towards its lockout.
    ApiResult pair(const QByteArray& body, const QHostAddress& client, qint64 nowSeconds);
    ApiResult list() const;
    ApiResult revoke(const QString& id);
    // The calling device (nullopt: no valid token) unpairs itself.
    ApiResult unpair(const std::optional<PairedDevice>& caller);

private:
    std::optional<ApiError> pairingOff() const;

    DeviceRegistry* devices_;
    const RestSettings settings_;
    quint16 boundPort_ = 0;
    PairingLockout lockout_;
};

} // namespace pb::api
