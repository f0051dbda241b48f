#include "core/storage/RedisReply.h"

#include "core/util/Bytes.h"

#include <hiredis/hiredis.h>

namespace pb::storage {

RedisReply RedisReply::integer(long long value)
{
    RedisReply r(Type::Integer, {});
    r.integer_ = value;
    return r;
}

RedisReply RedisReply::array(std::vector<RedisReply> elements)
{
    RedisReply r(Type::Array, {});
    r.elements_ = std::move(elements);
    return r;
}

RedisReply fromHiredis(const redisReply* r)
{
    switch (r->type) {
    case REDIS_REPLY_STRING: return RedisReply::string(std::string(r->str, r->len));
    case REDIS_REPLY_STATUS: return RedisReply::status(std::string(r->str, r->len));
    case REDIS_REPLY_ERROR: return RedisReply::error(std::string(r->str, r->len));
    case REDIS_REPLY_INTEGER: return RedisReply::integer(r->integer);
    case REDIS_REPLY_NIL: return RedisReply();
    case REDIS_REPLY_ARRAY: {
        std::vector<RedisReply> elements;
        elements.reserve(r->elements);
        for (size_t i = 0; i < r->elements; ++i) elements.push_back(fromHiredis(r->element[i]));
        return RedisReply::array(std::move(elements));
    }
    }
    return RedisReply::error("unknown hiredis reply type " + std::to_string(r->type));
}

std::string redisQuoted(std::string_view bytes)
{
    std::string out = "\"";
    for (const uint8_t c : bytes) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c >= 0x20 && c < 0x7f) {
            out += char(c);
        } else {
            out += "\\x" + toHex(&c, 1);
        }
    }
    return out + '"';
}

std::string RedisReply::describe() const
{
    switch (type_) {
    case Type::Nil: return "(nil)";
    case Type::Status: return text_;
    case Type::Error: return "(error) " + text_;
    case Type::Integer: return "(integer) " + std::to_string(integer_);
    case Type::String: return redisQuoted(text_);
    case Type::Array: {
        std::string out = "[";
        for (size_t i = 0; i < elements_.size(); ++i)
            out += (i ? ", " : "") + elements_[i].describe();
        return out + "]";
    }
    }
    return {};
}

} // namespace pb::storage
