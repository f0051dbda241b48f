#pragma once
// One request to a running node's loopback REST API, for the command-line clients. Each sends
// the operator token from the node's <datadir>/api.cookie (the operator routes want it; the
// others take it as the operator's), found by --datadir or --network like `wallet`.
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
    QString hint;          // why no operator token was sent, when the node asked for one
    bool ok() const { return status / 100 == 2; }
    QJsonObject json() const;
    // The error body's "code: message" (and the hint), or the network error.
    QString errorText() const;
};

// A running node as the clients reach it: its loopback REST port and its operator token.
struct RestEndpoint {
    quint16 port = 0;
    QByteArray operatorToken;  // empty when the cookie could not be read
    QString tokenProblem;      // then: why not
};
// The node on `port` whose data directory is `dataDir` (its api.cookie holds the token).
RestEndpoint restEndpoint(quint16 port, const QString& dataDir);

// A client command's command line: `[--datadir DIR | --network NAME] --rest-port PORT` and its
// positional arguments.
struct RestCommandLine {
    RestEndpoint node;
    QStringList arguments;
    QMap<QString, QString> options;  // the command's own options that were given, by name
};

// Parses `photoblocksd <command> [--datadir DIR | --network NAME] --rest-port PORT ARGS...`; on a
// mistake writes the reason and `usage` to err and returns nullopt (the command then exits with
// 2). An operator command (one that calls operator routes) reads the cookie of the default data
// directory when neither option is given; another only when one is (a cookie of another node
// on this machine would be refused as a bad token). `options` are the command's own (valued)
// options besides those.
std::optional<RestCommandLine> parseRestCommandLine(const QString& command, const QStringList& arguments,
                                                    const char* usage, QTextStream& err, bool operatorCommand,
                                                    const QList<QCommandLineOption>& options = {});
// Writes "photoblocksd: <why>" and the usage to err; returns 2, the exit status for usage errors.
int usageError(const QString& why, const char* usage, QTextStream& err);

RestAnswer restCall(const RestEndpoint& node, const QByteArray& verb, const QString& path, const QByteArray& body = {});

} // namespace pb::app
