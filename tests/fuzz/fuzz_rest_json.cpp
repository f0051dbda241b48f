// Fuzz target for REST JSON bodies, as POST /api/v1/tx reads them: the body must be one
// object with known fields, then a transfer. A transfer read from JSON, written back and read
// again is the same transfer byte for byte.
#include "core/api/ApiError.h"
#include "core/api/TransferJson.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto body = pb::api::parseObjectBody(pb::fuzz::bytesOf(data, size), pb::api::kTransferFields);
    if (const auto* error = std::get_if<pb::api::ApiError>(&body)) {
        if (error->kind != pb::api::ApiError::BadRequest || error->code.isEmpty())
            pb::fuzz::finding("fuzz_rest_json", "a body refused without a coded 400");
        return 0;
    }
    const auto transfer = pb::api::transferFromJson(std::get<QJsonObject>(body));
    if (const auto* error = std::get_if<pb::api::ApiError>(&transfer)) {
        if (error->code.isEmpty()) pb::fuzz::finding("fuzz_rest_json", "a transfer refused without a code");
        return 0;
    }
    const pb::TransferTx& tx = std::get<pb::TransferTx>(transfer);
    const auto again = pb::api::transferFromJson(pb::api::transferToJson(tx));
    if (!std::holds_alternative<pb::TransferTx>(again) || std::get<pb::TransferTx>(again).serialize() != tx.serialize())
        pb::fuzz::finding("fuzz_rest_json", "a transfer changed on its way through JSON");
    return 0;
}
