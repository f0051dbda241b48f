#include "core/storage/RedisReply.h"

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

std::string RedisReply::describe() const
{
    switch (m_type) {
    case Type::Nil: return "(nil)";
    case Type::Status: return m_text;
    case Type::Error: return "(error) " + m_text;
    case Type::Integer: return "(integer) " + std::to_string(m_integer);
    case Type::String: {
        // Binary values are escaped so a log line stays one printable line.
        std::string out = "\"";
        for (unsigned char c : m_text) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += char(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out += char(c);
            } else {
                static const char digits[] = "0123456789abcdef";
                out += "\\x";
                out += digits[c >> 4];
                out += digits[c & 15];
            }
        }
        return out + "\"";
    }
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
