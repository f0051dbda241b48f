#pragma once
// Deadlines for REST connections, so slow clients cannot hold sockets (and descriptors) open:
// once a request's first byte arrives its header must be complete within headerMs and the
// server must have answered within requestMs (time enough for a phone to upload a photo);
// between requests a kept-alive connection may idle for idleMs. A connection past a deadline
// is aborted. Watches the socket only (the HTTP parsing stays QHttpServer's): a header ends at
// the first blank line, a request is answered when the server writes.
#include <QObject>

#include <memory>

class QAbstractSocket;

namespace pb::api {

struct RequestDeadlineSettings {
    int headerMs = 10000;
    int requestMs = 60000;
    int idleMs = 30000;
};

class RequestDeadlines : public QObject {
    Q_OBJECT
public:
    explicit RequestDeadlines(RequestDeadlineSettings settings, QObject* parent = nullptr);

    // Starts watching a newly accepted socket; it is followed until it is destroyed.
    void watch(QAbstractSocket* socket);
    quint64 aborted() const { return *aborted_; }

private:
    RequestDeadlineSettings settings_;
    std::shared_ptr<quint64> aborted_ = std::make_shared<quint64>(0);  // shared with the watches
};

} // namespace pb::api
