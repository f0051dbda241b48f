// Fuzz target for `--redis URL`: any text gives an endpoint or an error naming the offending
// part; an endpoint's log form never depends on its password, and one without a password
// parses back from its log form to the same endpoint (the log form does not escape, so only
// for hosts and socket paths of plain characters: a bare path may hold '?' or '&' literally,
// a percent-encoded host '=').
#include "core/storage/RedisEndpoint.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QRegularExpression>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QString error;
    const auto endpoint = pb::storage::RedisEndpoint::parse(QString::fromUtf8(pb::fuzz::bytesOf(data, size)), &error);
    if (!endpoint) {
        if (error.isEmpty()) pb::fuzz::finding("fuzz_redis_url", "refused without an error");
        return 0;
    }
    const QString shown = endpoint->toString();
    if (!endpoint->password.isEmpty()) {
        pb::storage::RedisEndpoint other = *endpoint;
        other.password = "another password";
        if (other.toString() != shown) pb::fuzz::finding("fuzz_redis_url", "the log form depends on the password");
        return 0;
    }
    static const QRegularExpression plainPath("^[A-Za-z0-9/._-]*$"), plainHost("^[A-Za-z0-9.:-]*$");
    if (!plainPath.match(endpoint->socketPath).hasMatch() || !plainHost.match(endpoint->host).hasMatch()) return 0;
    const auto again = pb::storage::RedisEndpoint::parse(shown, &error);
    if (!again || !(*again == *endpoint))
        pb::fuzz::finding("fuzz_redis_url", "an endpoint does not parse back from its URL", shown.toStdString());
    return 0;
}
