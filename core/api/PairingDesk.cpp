#include "core/api/PairingDesk.h"

#include "core/api/PairingController.h"

namespace pb::api {

PairingInvitation PairingDesk::invite(qint64 nowSeconds)
{
    const PairingCode code = devices_->issueCode(nowSeconds);
    return {code, webClient_, pairingUrl(webClient_, code.code)};
}

bool PairingDesk::revoke(const QString& id, QString* error)
{
    QString writeError;
    const bool found = devices_->revoke(id, &writeError);
    if (!found) *error = QString("no paired device has the id '%1'").arg(id);
    else if (!writeError.isEmpty()) *error = writeError;
    return found && writeError.isEmpty();
}

} // namespace pb::api
