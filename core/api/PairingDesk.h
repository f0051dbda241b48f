#pragma once
// Pairing phones from the desktop app: what the operator routes do (a one-time code with the
// address for the phone's QR code, the paired devices, revoking one), as plain calls that are
// safe from any thread. It shares the REST server's thread-safe DeviceRegistry, so the app
// never sends HTTP to itself nor touches the REST thread's objects.
#include "core/api/DeviceRegistry.h"

#include <memory>

namespace pb::api {

struct PairingInvitation {
    PairingCode code;
    QString webClient;   // the address the phone opens
    QString pairingUrl;  // the same with the code: what the QR code holds
};

class PairingDesk {
public:
    PairingDesk(std::shared_ptr<DeviceRegistry> devices, QString webClient)
        : devices_(std::move(devices)), webClient_(std::move(webClient)) {}

    PairingInvitation invite(qint64 nowSeconds);
    QString webClient() const { return webClient_; }
    std::vector<PairedDevice> devices() const { return devices_->devices(); }
    // False when no device has this id, or (with *error) when the file could not be written.
    bool revoke(const QString& id, QString* error);

private:
    std::shared_ptr<DeviceRegistry> devices_;
    const QString webClient_;
};

} // namespace pb::api
