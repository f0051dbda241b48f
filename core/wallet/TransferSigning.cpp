#include "core/wallet/TransferSigning.h"

namespace pb::wallet {

std::optional<TransferTx> signTransfer(const Keystore& keystore, const TransferRequest& request, KeystoreError* error)
{
    const auto refuse = [error](const QString& why) {
        if (error) *error = {KeystoreError::BadRequest, why};
        return std::nullopt;
    };
    const auto recipient = crypto::decodeAddress(request.to.toStdString());
    if (!recipient) return refuse(QString("'%1' is not a valid Photoblocks address (a typo?)").arg(request.to.left(100)));
    if (request.amount == 0) return refuse("the amount must be more than zero");
    if (!keystore.unlocked()) return refuse("the wallet is locked");
    const auto key = keystore.key(request.from);
    if (!key) return refuse(QString("%1 is not an address of this wallet").arg(request.from.left(100)));

    TransferTx tx;
    tx.network = request.network;
    tx.to = *recipient;
    tx.amount = request.amount;
    tx.fee = request.fee;
    tx.nonce = request.nonce;
    tx.signWith(*key);
    return tx;
}

} // namespace pb::wallet
