// Fuzz target for query strings: the input is the query (after '?'). Parsing gives the
// parameters or a 400 with a code; an integer read is within its range or a 400, a flag is
// true/false or a 400, for any value.
#include "core/api/QueryParameters.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QUrlQuery>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QUrlQuery query(QString::fromUtf8(pb::fuzz::bytesOf(data, size)));
    const auto parsed = pb::api::QueryParameters::parse(query, {"from", "limit", "mine"});
    if (const auto* error = std::get_if<pb::api::ApiError>(&parsed)) {
        if (error->kind != pb::api::ApiError::BadRequest || error->code.isEmpty())
            pb::fuzz::finding("fuzz_query_parameters", "a refusal that is not a coded 400");
        return 0;
    }
    const auto& parameters = std::get<pb::api::QueryParameters>(parsed);
    for (const QString& name : {QString("from"), QString("limit")}) {
        const auto value = parameters.integer(name, 1, 500, 20);
        if (const auto* v = std::get_if<qint64>(&value); v && (*v < 1 || *v > 500))
            pb::fuzz::finding("fuzz_query_parameters", "an integer outside its range");
        if (!parameters.has(name) && std::get_if<qint64>(&value) == nullptr)
            pb::fuzz::finding("fuzz_query_parameters", "an absent parameter refused");
    }
    (void)parameters.flag("mine", false);
    return 0;
}
