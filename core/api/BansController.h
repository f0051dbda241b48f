#pragma once
// GET /api/v1/bans, POST /api/v1/bans (ban an IP address), DELETE /api/v1/bans/{ip}.
#include "core/api/ApiError.h"
#include "core/node/Node.h"

#include <optional>

namespace pb::api {

class BansController {
public:
    static constexpr qint64 kDefaultSeconds = 86400;
    static constexpr qint64 kMaxSeconds = 10LL * 366 * 86400;  // ten years, leap days included
    static constexpr int kMaxReasonChars = 200;

    explicit BansController(Node& node) : node_(node) {}
    ApiResult list() const;
    // Body: {"address": "1.2.3.4", "seconds": 3600, "reason": "…"}; seconds and reason optional.
    ApiResult ban(const QByteArray& body);
    ApiResult unban(const QString& address);

private:
    Node& node_;
};

// The canonical text of an IP address written in the usual notation: dotted-quad IPv4
// (no shorthand like "127.1", no leading zeros) or IPv6 without a scope; an IPv4-mapped IPv6
// address becomes the IPv4 one, as dual-stack sockets report IPv4 peers that way. nullopt with
// *why otherwise.
std::optional<QString> canonicalAddress(const QString& text, QString* why);

} // namespace pb::api
