#pragma once
// Where a Redis server listens, parsed from the node's `--redis URL` option.
#include <QString>

#include <optional>

namespace pb::storage {

struct RedisEndpoint {
    enum class Kind { Tcp, Unix };

    // sockaddr_un::sun_path is 108 bytes on Linux and must end with a NUL.
    static constexpr int kMaxUnixPathBytes = 107;
    static constexpr int kDefaultPort = 6379;

    Kind kind = Kind::Tcp;
    QString host;        // Tcp: name or address (IPv6 without brackets)
    int port = kDefaultPort;
    QString socketPath;  // Unix: absolute path
    QString username;    // optional ACL user; empty means the default user
    QString password;    // empty means no AUTH
    int db = 0;

    // Accepted forms:
    //   redis://host[:port][/db]            redis://[user]:password@host[:port][/db]
    //   unix:///abs/path.sock[?db=N][&password=P]
    //   /abs/path.sock
    // On failure returns nullopt and a message naming the offending part in *error.
    static std::optional<RedisEndpoint> parse(const QString& url, QString* error);
    static RedisEndpoint unixSocket(const QString& path, int db = 0);

    // The URL with any password replaced by "***", safe for logs.
    QString toString() const;

    bool operator==(const RedisEndpoint& other) const;
};

} // namespace pb::storage
