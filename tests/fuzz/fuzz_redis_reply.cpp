// Fuzz target for Redis replies: bytes off the socket go through hiredis's reply reader, as in
// RedisClient, and become RedisReply values. Every reply hiredis accepts converts to a value
// of the same shape (type, bytes, integer, elements) and describes itself for the log.
#include "core/storage/RedisReply.h"
#include "tests/fuzz/FuzzSupport.h"

#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <memory>

namespace {

bool sameShape(const redisReply* r, const pb::storage::RedisReply& v)
{
    using T = pb::storage::RedisReply::Type;
    switch (r->type) {
    case REDIS_REPLY_STRING: return v.type() == T::String && v.str() == std::string(r->str, r->len);
    case REDIS_REPLY_STATUS: return v.type() == T::Status && v.str() == std::string(r->str, r->len);
    case REDIS_REPLY_ERROR: return v.type() == T::Error && v.str() == std::string(r->str, r->len);
    case REDIS_REPLY_INTEGER: return v.type() == T::Integer && v.integer() == r->integer;
    case REDIS_REPLY_NIL: return v.type() == T::Nil;
    case REDIS_REPLY_ARRAY:
        if (v.type() != T::Array || v.elements().size() != r->elements) return false;
        for (size_t i = 0; i < r->elements; ++i)
            if (!sameShape(r->element[i], v.elements()[i])) return false;
        return true;
    }
    return v.type() == T::Error;  // RESP3 types the client never asks for
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::unique_ptr<redisReader, decltype(&redisReaderFree)> reader(redisReaderCreate(), &redisReaderFree);
    if (redisReaderFeed(reader.get(), reinterpret_cast<const char*>(data), size) != REDIS_OK) return 0;
    for (int replies = 0; replies < 64; ++replies) {
        void* raw = nullptr;
        if (redisReaderGetReply(reader.get(), &raw) != REDIS_OK || raw == nullptr) break;
        const std::unique_ptr<void, decltype(&freeReplyObject)> owned(raw, &freeReplyObject);
        const auto* reply = static_cast<const redisReply*>(raw);
        const pb::storage::RedisReply value = pb::storage::fromHiredis(reply);
        if (!sameShape(reply, value)) pb::fuzz::finding("fuzz_redis_reply", "a reply changed shape in conversion");
        (void)value.describe();
    }
    return 0;
}
