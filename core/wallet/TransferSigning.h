#pragma once
// The one place a wallet turns "send AMOUNT to ADDRESS" into a signed transfer: the CLI
// (`photoblocksd wallet send`) and the desktop app's send dialog both use it.
#include "core/chain/Transaction.h"
#include "core/wallet/Keystore.h"

namespace pb::wallet {

struct TransferRequest {
    QString from;        // one of the keystore's addresses
    QString to;          // bech32m "pb1…"
    quint64 amount = 0;  // units
    quint64 fee = 0;     // units
    quint64 nonce = 0;   // the sender's next nonce (AccountInfo::nextNonce)
    Hash256 network{};   // the genesis hash of the network it is meant for
};

// Builds and signs the transfer with the key of `request.from`. nullopt with *error (BadRequest)
// when the recipient is not a valid address, the amount is zero, or the keystore is locked or
// does not hold `from`.
std::optional<TransferTx> signTransfer(const Keystore& keystore, const TransferRequest& request, KeystoreError* error);

} // namespace pb::wallet
