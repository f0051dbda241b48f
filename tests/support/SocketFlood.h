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

    // Connections the server has not closed: a read would block rather than see EOF or a reset.
    int stillOpen() const
    {
        int open = 0;
        char byte;
        for (int fd : fds_) {
            const ssize_t n = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
            open += (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) || n > 0;
        }
        return open;
    }

    int size() const { return int(fds_.size()); }

    void closeAll()
    {
        for (int fd : fds_) ::close(fd);
        fds_.clear();
    }

private:
    std::vector<int> fds_;
};

} // namespace pb::test
