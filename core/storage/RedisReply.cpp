#include "core/storage/RedisReply.h"

#include "core/util/Bytes.h"

namespace pb::storage {

RedisReply RedisReply::integer(long long value)
{
    RedisReply r(Type::Integer, {});
    r.m_integer = value;
    return r;
}

RedisReply RedisReply::array(std::vector<RedisReply> elements)
{
    RedisReply r(Type::Array, {});
    r.m_elements = std::move(elements);
    return r;
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
    switch (m_type) {
    case Type::Nil: return "(nil)";
    case Type::Status: return m_text;
    case Type::Error: return "(error) " + m_text;
    case Type::Integer: return "(integer) " + std::to_string(m_integer);
    case Type::String: return redisQuoted(m_text);
    case Type::Array: {
        std::string out = "[";
        for (size_t i = 0; i < m_elements.size(); ++i)
            out += (i ? ", " : "") + m_elements[i].describe();
        return out + "]";
    }
    }
    return {};
}

} // namespace pb::storage
