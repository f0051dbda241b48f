#pragma once
// One request to a running node's loopback REST API, for the command-line clients.
#include <QByteArray>
#include <QCommandLineOption>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <optional>

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

// A client command's command line: `--rest-port PORT`, its own options and its positional
// arguments.
struct RestCommandLine {
    quint16 port = 0;
    QStringList arguments;
    QMap<QString, QString> options;  // the command's own options that were given, by name
};

// Parses `photoblocksd <command> --rest-port PORT ARGS...`; on a mistake writes the reason and
// `usage` to err and returns nullopt (the command then exits with 2).
// `options` are the command's own (valued) options besides --rest-port.
std::optional<RestCommandLine> parseRestCommandLine(const QString& command, const QStringList& arguments,
                                                    const char* usage, QTextStream& err,
                                                    const QList<QCommandLineOption>& options = {});
// Writes "photoblocksd: <why>" and the usage to err; returns 2, the exit status for usage errors.
int usageError(const QString& why, const char* usage, QTextStream& err);

RestAnswer restCall(quint16 port, const QByteArray& verb, const QString& path, const QByteArray& body = {});

} // namespace pb::app
