#pragma once
// Test and bench helper: holds many TCP connections to a loopback port from one loopback
// source address, as an attacker exhausting descriptors would: idle (connect and say nothing)
// or slow (send the start of an HTTP request and never finish it). Plain non-blocking POSIX
// sockets, so opening hundreds neither waits for the server to accept nor needs an event loop.
#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace pb::test {

class SocketFlood {
public:
    SocketFlood() = default;
    SocketFlood(const SocketFlood&) = delete;
    SocketFlood& operator=(const SocketFlood&) = delete;
    ~SocketFlood() { closeAll(); }

    // Opens up to `count` connections from `source` (127.x.y.z) to 127.0.0.1:`port`, sending
    // `prefix` on each once connected (empty: idle). Returns how many were started.
    int open(const QString& source, quint16 port, int count, const QByteArray& prefix = {})
    {
        int started = 0;
        for (int i = 0; i < count; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) break;
            sockaddr_in local{};
            local.sin_family = AF_INET;
            ::inet_pton(AF_INET, qPrintable(source), &local.sin_addr);
            sockaddr_in remote{};
            remote.sin_family = AF_INET;
            remote.sin_port = htons(port);
            ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
            if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0
                || (::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0 && errno != EINPROGRESS)) {
                ::close(fd);
                continue;
            }
            fds_.push_back(fd);
            ++started;
        }
        if (!prefix.isEmpty()) {
            // Send once each connection completes, waiting at most a second in all.
            QElapsedTimer waited;
            waited.start();
            for (int fd : fds_) {
                pollfd writable{fd, POLLOUT, 0};
                const int budget = int(std::max<qint64>(0, 1000 - waited.elapsed()));
                if (::poll(&writable, 1, budget) == 1) (void)!::send(fd, prefix.constData(), size_t(prefix.size()), MSG_NOSIGNAL);
            }
        }
        return started;
    }

    // Connections established and not closed by the server (held by it, or waiting in its
    // accept backlog); still connecting or closed ones do not count.
    int stillOpen() const
    {
        int open = 0;
        for (int fd : fds_) {
            tcp_info info{};
            socklen_t length = sizeof info;
            open += ::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) == 0 && info.tcpi_state == TCP_ESTABLISHED;
        }
        return open;
    }

    int size() const { return int(fds_.size()); }

    // Keeps the flood at `count`: drops connections the server closed (or never accepted and
    // reset) and opens new ones in their place.
    int topUp(const QString& source, quint16 port, int count, const QByteArray& prefix = {})
    {
        std::vector<int> kept;
        for (int fd : fds_) {
            tcp_info info{};
            socklen_t length = sizeof info;
            const bool alive = ::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) == 0
                               && (info.tcpi_state == TCP_ESTABLISHED || info.tcpi_state == TCP_SYN_SENT);
            if (alive) kept.push_back(fd);
            else ::close(fd);
        }
        fds_.swap(kept);
        SocketFlood fresh;
        fresh.open(source, port, count - size(), prefix);
        fds_.insert(fds_.end(), fresh.fds_.begin(), fresh.fds_.end());
        fresh.fds_.clear();
        return size();
    }

    void closeAll()
    {
        for (int fd : fds_) ::close(fd);
        fds_.clear();
    }

private:
    std::vector<int> fds_;
};

} // namespace pb::test
