#pragma once
// Synchronous, binary-safe Redis connection (hiredis). Owned and used by one thread at a time.
//
// Every call returns a value; nothing throws. When the connection fails (server gone, reply
// timeout, protocol error) the client marks itself disconnected, answers every further call
// with an error reply until reconnect() succeeds, and never retries on its own: after a lost
// connection the caller must find out whether its last write was applied.
#include "core/storage/RedisEndpoint.h"
#include "core/storage/RedisReply.h"

#include <QString>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct redisContext;

namespace pb::storage {

class RedisClient {
public:
    using Command = std::vector<std::string>;

    // Connects, authenticates (AUTH), selects the database (SELECT) and checks with PING.
    // timeoutMs bounds the connect and every later reply, so a hung server cannot hang us.
    static std::unique_ptr<RedisClient> connect(const RedisEndpoint& endpoint, int timeoutMs,
                                                QString* error);
    ~RedisClient();
    RedisClient(const RedisClient&) = delete;
    RedisClient& operator=(const RedisClient&) = delete;

    // Arguments are sent as bulk strings, so they may hold any bytes (NUL, CR, LF).
    RedisReply command(const Command& args);
    RedisReply command(std::initializer_list<std::string_view> args);

    // Sends all commands before reading any reply: one round trip. Returns one reply per
    // command; after a connection failure the unanswered ones are error replies.
    std::vector<RedisReply> pipeline(const std::vector<Command>& commands);

    // MULTI + commands + EXEC in one round trip. Returns the EXEC result array when every
    // command ran. Otherwise an error reply saying what happened:
    //  - a command was rejected while queuing (wrong arity, unknown command): nothing applied;
    //  - a command failed while running (e.g. WRONGTYPE): Redis does not roll back, so the
    //    other commands WERE applied — the message says so;
    //  - the connection dropped: the outcome is unknown — the message says so.
    // A Nil reply means EXEC was aborted because a WATCHed key changed: nothing applied.
    RedisReply transaction(const std::vector<Command>& commands);
    // The same, followed by `reads` in the same round trip: they run after the transaction and
    // see its writes. `readReplies` gets one reply per read (error replies when the connection dropped).
    RedisReply transaction(const std::vector<Command>& commands, const std::vector<Command>& reads,
                           std::vector<RedisReply>* readReplies);

    // Round trips to the server so far (sent commands or batches whose replies were awaited):
    // what pipelining saves. Each one also counts in processTimings().redisRoundTrips.
    uint64_t roundTrips() const { return roundTrips_; }

    bool isConnected() const;
    // Drops the current connection and connects again with the same endpoint and timeout.
    bool reconnect(QString* error);
    // Why the connection was lost or refused; empty while connected.
    QString lastError() const { return lastError_; }
    const RedisEndpoint& endpoint() const { return endpoint_; }

private:
    RedisClient(RedisEndpoint endpoint, int timeoutMs);
    bool open(QString* error);
    RedisReply send(int argc, const char** argv, const size_t* lengths);
    void close();
    RedisReply connectionFailure();
    RedisReply notConnectedReply() const;

    RedisEndpoint endpoint_;
    int timeoutMs_;
    void countRoundTrip();

    redisContext* ctx_ = nullptr;
    QString lastError_;
    uint64_t roundTrips_ = 0;
};

} // namespace pb::storage
