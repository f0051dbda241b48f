#pragma once
// A Redis reply as a plain value, detached from hiredis memory.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct redisReply;

namespace pb::storage {

class RedisReply {
public:
    enum class Type { Nil, Status, Error, Integer, String, Array };

    RedisReply() = default; // Nil
    static RedisReply status(std::string text) { return RedisReply(Type::Status, std::move(text)); }
    static RedisReply error(std::string message) { return RedisReply(Type::Error, std::move(message)); }
    static RedisReply string(std::string bytes) { return RedisReply(Type::String, std::move(bytes)); }
    static RedisReply integer(long long value);
    static RedisReply array(std::vector<RedisReply> elements);

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isStatus() const { return m_type == Type::Status; }
    bool isError() const { return m_type == Type::Error; }
    bool isInteger() const { return m_type == Type::Integer; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    // The "+OK" status most writes answer with.
    bool isOk() const { return m_type == Type::Status && m_text == "OK"; }

    // Bytes of a String, text of a Status, message of an Error; empty otherwise.
    const std::string& str() const { return m_text; }
    long long integer() const { return m_integer; }
    const std::vector<RedisReply>& elements() const { return m_elements; }

    // Readable form for logs and test failures, e.g. (error) ERR unknown command.
    std::string describe() const;

private:
    RedisReply(Type type, std::string text) : m_type(type), m_text(std::move(text)) {}

    Type m_type = Type::Nil;
    std::string m_text;
    long long m_integer = 0;
    std::vector<RedisReply> m_elements;
};

// Bytes in double quotes with \\, \" and \xHH escapes: printable on one line, and the form
// redis-server itself prints (sdscatrepr) and reads back in redis.conf (sdssplitargs).
std::string redisQuoted(std::string_view bytes);

// A hiredis reply (RESP2) as a plain value; types the client never asks for become errors.
RedisReply fromHiredis(const redisReply* reply);

} // namespace pb::storage
