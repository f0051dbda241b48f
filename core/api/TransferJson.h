#pragma once
// A signed transfer as JSON, the form POST /api/v1/tx takes and `photoblocksd wallet send`
// writes: {"network": hex 32 bytes, "senderPublicKey": hex 32 bytes, "to": "pb1…",
// "amount": units, "fee": units, "nonce": n, "signature": hex 64 bytes}. Integers are JSON
// numbers up to 2^53 or strings of decimal digits (for the full 64-bit range).
#include "core/api/ApiError.h"
#include "core/chain/Transaction.h"
#include "core/node/TransactionInfo.h"

namespace pb::api {

extern const QStringList kTransferFields;

QJsonObject transferToJson(const TransferTx& tx);
// Errors (400): missing_field, wrong_type, bad_hex, bad_address, bad_number.
std::variant<TransferTx, ApiError> transferFromJson(const QJsonObject& object);

QJsonObject transactionJson(const TransactionInfo& tx);

} // namespace pb::api
