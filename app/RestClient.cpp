#include "app/RestClient.h"

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
    return error["code"].toString() + ": " + error["message"].toString();
}

RestAnswer restCall(quint16 port, const QByteArray& verb, const QString& path, const QByteArray& body)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QString("http://127.0.0.1:%1/api/v1%2").arg(port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
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
    reply->deleteLater();
    return answer;
}

} // namespace pb::app
