#include "app/RestClient.h"

#include "app/Options.h"
#include "core/api/OperatorCookie.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace pb::app {

QJsonObject RestAnswer::json() const { return QJsonDocument::fromJson(body).object(); }

QString RestAnswer::errorText() const
{
    if (status == 0) return networkError;
    const QJsonObject error = json()["error"].toObject();
    if (error.isEmpty()) return QString("HTTP %1").arg(status);
    return error["code"].toString() + ": " + error["message"].toString() + (hint.isEmpty() ? "" : "\n(" + hint + ")");
}

RestEndpoint restEndpoint(quint16 port, const QString& dataDir)
{
    RestEndpoint node{port, {}, {}};
    QString error;
    const auto token = api::OperatorCookie::read(api::operatorCookiePath(dataDir), &error);
    if (token) node.operatorToken = *token;
    else node.tokenProblem = error + "; is the node running with this --datadir (or --network)?";
    return node;
}

int usageError(const QString& why, const char* usage, QTextStream& err)
{
    err << "photoblocksd: " << why << "\n" << usage;
    return 2;
}

std::optional<RestCommandLine> parseRestCommandLine(const QString& command, const QStringList& arguments,
                                                    const char* usage, QTextStream& err, bool operatorCommand,
                                                    const QList<QCommandLineOption>& options)
{
    QCommandLineParser parser;
    parser.addOption({"rest-port", "The node's REST port.", "port"});
    parser.addOption({"datadir", "The node's data directory (for its api.cookie).", "dir"});
    parser.addOption({"network", "The node's network (for the default data directory).", "name"});
    parser.addOptions(options);
    parser.addPositionalArgument("action", "what to do");
    if (!parser.parse(QStringList{"photoblocksd " + command} + arguments)) {
        usageError(parser.errorText(), usage, err);
        return std::nullopt;
    }
    bool portOk = false;
    const uint port = parser.value("rest-port").toUInt(&portOk);
    if (!portOk || port == 0 || port > 65535) {
        usageError("--rest-port PORT is required (the node's --rest-port)", usage, err);
        return std::nullopt;
    }
    const QString dataDir = parser.isSet("datadir") ? parser.value("datadir")
                                                    : defaultDataDir(parser.value("network").isEmpty() ? "dev" : parser.value("network"));
    const bool readCookie = operatorCommand || parser.isSet("datadir") || parser.isSet("network");
    RestCommandLine commandLine{readCookie ? restEndpoint(quint16(port), dataDir) : RestEndpoint{quint16(port), {}, {}},
                                parser.positionalArguments(), {}};
    for (const QCommandLineOption& option : options)
        if (parser.isSet(option)) commandLine.options.insert(option.names().constFirst(), parser.value(option));
    return commandLine;
}

RestAnswer restCall(const RestEndpoint& node, const QByteArray& verb, const QString& path, const QByteArray& body)
{
    const quint16 port = node.port;
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QString("http://127.0.0.1:%1/api/v1%2").arg(port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!node.operatorToken.isEmpty()) request.setRawHeader("Authorization", "Bearer " + node.operatorToken);
    request.setTransferTimeout(30000);
    QNetworkReply* reply = manager.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    RestAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    if (answer.status == 0)
        answer.networkError = QString("cannot reach the node's REST API on 127.0.0.1:%1: %2").arg(port).arg(reply->errorString());
    if (answer.status == 401 && node.operatorToken.isEmpty()) answer.hint = node.tokenProblem;
    reply->deleteLater();
    return answer;
}

} // namespace pb::app
