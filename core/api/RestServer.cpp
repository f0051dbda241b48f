#include "core/api/RestServer.h"

#include <QHttpServerResponder>
#include <QJsonDocument>

namespace pb::api {

RestServer::RestServer(const Node& node, QObject* parent) : QObject(parent), status_(node), blocks_(node)
{
    registerRoutes();
}

QHttpServerResponse RestServer::respond(const ApiResult& result)
{
    if (const auto* body = std::get_if<QJsonObject>(&result)) return QHttpServerResponse(*body);
    const ApiError& error = std::get<ApiError>(result);
    return QHttpServerResponse(errorBody(error), QHttpServerResponder::StatusCode(httpStatusFor(error.kind)));
}

void RestServer::registerRoutes()
{
    http_.route("/api/v1/status", QHttpServerRequest::Method::Get,
                [this](const QHttpServerRequest&) { return respond(status_.status()); });
    http_.route("/api/v1/blocks/<arg>", QHttpServerRequest::Method::Get,
                [this](const QString& id, const QHttpServerRequest&) { return respond(blocks_.block(id)); });
    http_.setMissingHandler([](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        const ApiError error{ApiError::NotFound, "no_such_route",
                             QString("no route for %1").arg(request.url().path().left(200))};
        responder.write(QJsonDocument(errorBody(error)), QHttpServerResponder::StatusCode(httpStatusFor(error.kind)));
    });
}

quint16 RestServer::listen(const QHostAddress& address, quint16 port, QString* error)
{
    const quint16 bound = http_.listen(address, port);
    if (bound == 0 && error) *error = QString("cannot listen for REST on %1:%2").arg(address.toString()).arg(port);
    return bound;
}

} // namespace pb::api
