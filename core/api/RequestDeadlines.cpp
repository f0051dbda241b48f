#include "core/api/RequestDeadlines.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QTimer>

#include <memory>

namespace pb::api {

namespace {

// One socket's state, a child of the socket so it dies with it.
class Watch : public QObject {
public:
    Watch(QAbstractSocket* socket, const RequestDeadlineSettings& settings, std::shared_ptr<quint64> aborted)
        : QObject(socket), socket_(socket), settings_(settings), aborted_(std::move(aborted))
    {
        timer_.setSingleShot(true);
        connect(&timer_, &QTimer::timeout, this, &Watch::expire);
        // Connected before the HTTP server connects its own: we see bytes before it reads them.
        connect(socket, &QAbstractSocket::readyRead, this, &Watch::received);
        connect(socket, &QAbstractSocket::bytesWritten, this, &Watch::answered);
        idle();
    }

private:
    enum class Phase { Idle, Header, Body };

    void idle()
    {
        phase_ = Phase::Idle;
        tail_.clear();
        timer_.start(settings_.idleMs);
    }
    void received()
    {
        if (phase_ == Phase::Idle) {
            phase_ = Phase::Header;
            requestStart_.start();
            timer_.start(settings_.headerMs);
        }
        if (phase_ != Phase::Header) return;
        // Scan what arrived (with the last three bytes before it) for the blank line.
        const QByteArray seen = tail_ + socket_->peek(64 * 1024);
        if (seen.contains("\r\n\r\n")) {
            phase_ = Phase::Body;
            timer_.start(std::max<qint64>(1, settings_.requestMs - requestStart_.elapsed()));
        } else {
            tail_ = seen.right(3);
        }
    }
    void answered()
    {
        if (phase_ != Phase::Idle) idle();
        else timer_.start(settings_.idleMs);  // still writing a long answer
    }
    void expire()
    {
        ++*aborted_;
        socket_->abort();
    }

    QAbstractSocket* socket_;
    const RequestDeadlineSettings settings_;
    std::shared_ptr<quint64> aborted_;
    QTimer timer_;
    Phase phase_ = Phase::Idle;
    QByteArray tail_;
    QElapsedTimer requestStart_;
};

} // namespace

RequestDeadlines::RequestDeadlines(RequestDeadlineSettings settings, QObject* parent) : QObject(parent), settings_(settings) {}

void RequestDeadlines::watch(QAbstractSocket* socket)
{
    new Watch(socket, settings_, aborted_);
}

} // namespace pb::api
