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

    Type type() const { return type_; }
    bool isNil() const { return type_ == Type::Nil; }
    bool isStatus() const { return type_ == Type::Status; }
    bool isError() const { return type_ == Type::Error; }
    bool isInteger() const { return type_ == Type::Integer; }
    bool isString() const { return type_ == Type::String; }
    bool isArray() const { return type_ == Type::Array; }
    // The "+OK" status most writes answer with.
    bool isOk() const { return type_ == Type::Status && text_ == "OK"; }

    // Bytes of a String, text of a Status, message of an Error; empty otherwise.
    const std::string& str() const { return text_; }
    long long integer() const { return integer_; }
    const std::vector<RedisReply>& elements() const { return elements_; }

    // Readable form for logs and test failures, e.g. (error) ERR unknown command.
    std::string describe() const;

private:
    RedisReply(Type type, std::string text) : type_(type), text_(std::move(text)) {}

    Type type_ = Type::Nil;
    std::string text_;
    long long integer_ = 0;
    std::vector<RedisReply> elements_;
};

// Bytes in double quotes with \\, \" and \xHH escapes: printable on one line, and the form
// redis-server itself prints (sdscatrepr) and reads back in redis.conf (sdssplitargs).
std::string redisQuoted(std::string_view bytes);

// A hiredis reply (RESP2) as a plain value; types the client never asks for become errors.
RedisReply fromHiredis(const redisReply* reply);

} // namespace pb::storage
