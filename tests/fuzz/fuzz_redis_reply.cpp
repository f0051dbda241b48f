// Fuzz target for Redis replies: bytes off the socket go through hiredis's reply reader, as in
// RedisClient, and become RedisReply values. Every reply hiredis accepts converts to a value
// of the same shape (type, bytes, integer, elements) and describes itself for the log.
// Debian's hiredis 0.14 allocates an array's element pointers from the declared count before
// any element arrives ("*1414212221" asks for 11 GB): it trusts the server, which is the node's
// own (embedded, or the operator's --redis), never a peer. Inputs declaring arrays over 2^20
// elements are skipped, as that limit belongs to hiredis (1.x has maxelements), not to us.
#include "core/storage/RedisReply.h"
#include "tests/fuzz/FuzzSupport.h"

#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <memory>
#include <string>

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

bool declaresHugeArray(const uint8_t* data, size_t size)
{
    for (size_t i = 0; i < size; ++i) {
        if (data[i] != '*') continue;
        size_t digits = 0;
        while (i + 1 + digits < size && data[i + 1 + digits] >= '0' && data[i + 1 + digits] <= '9') ++digits;
        if (digits > 7 || (digits == 7 && std::string(reinterpret_cast<const char*>(data) + i + 1, 7) > "1048576")) return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (declaresHugeArray(data, size)) return 0;
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
