#pragma once
// One request to a running node's loopback REST API, for the command-line clients.
#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace pb::app {

struct RestAnswer {
    int status = 0;        // HTTP status; 0 when the node could not be reached
    QByteArray body;
    QString networkError;  // why it could not be reached
    bool ok() const { return status / 100 == 2; }
    QJsonObject json() const;
    // The error body's "code: message", or the network error.
    QString errorText() const;
};

RestAnswer restCall(quint16 port, const QByteArray& verb, const QString& path, const QByteArray& body = {});

} // namespace pb::app
