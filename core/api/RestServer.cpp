#include "core/api/RestServer.h"

#include <QHttpServerResponder>
#include <QMetaEnum>

namespace pb::api {

RestServer::RestServer(Node& node, QObject* parent)
    : QObject(parent), node_(node), status_(node), blocks_(node), peers_(node), bans_(node), mining_(node), addresses_(node), transactions_(node)
{
    registerRoutes();
}

QHttpServerResponse RestServer::respond(const ApiResult& result, StatusCode success)
{
    if (const auto* body = std::get_if<QJsonObject>(&result)) return QHttpServerResponse(*body, success);
    const ApiError& error = std::get<ApiError>(result);
    return QHttpServerResponse(errorBody(error), StatusCode(httpStatusFor(error.kind)));
}

template <typename Handler>
void RestServer::route(const QString& path, Method method, Handler&& handler)
{
    http_.route(path, method, std::forward<Handler>(handler));
    allowedMethods_[path].append(QString(QMetaEnum::fromType<Method>().valueToKey(int(method))).toUpper());
}

void RestServer::registerRoutes()
{
    route("/api/v1/status", Method::Get, [this](const QHttpServerRequest&) { return respond(status_.status()); });
    route("/api/v1/blocks/<arg>", Method::Get,
          [this](const QString& id, const QHttpServerRequest&) { return respond(blocks_.block(id)); });
    route("/api/v1/peers", Method::Get, [this](const QHttpServerRequest&) { return respond(peers_.list()); });
    route("/api/v1/peers/<arg>/disconnect", Method::Post,
          [this](const QString& id, const QHttpServerRequest&) { return respond(peers_.disconnect(id)); });
    route("/api/v1/bans", Method::Get, [this](const QHttpServerRequest&) { return respond(bans_.list()); });
    route("/api/v1/bans", Method::Post, [this](const QHttpServerRequest& request) {
        if (const auto tooLarge = bodyTooLarge(request, kMaxBodyBytes)) return respond(*tooLarge);
        return respond(bans_.ban(request.body()), StatusCode::Created);
    });
    route("/api/v1/blocks/<arg>/photo", Method::Get, [this](const QString& id, const QHttpServerRequest& request) {
        return photoResponse(id, request, false);
    });
    route("/api/v1/blocks/<arg>/thumbnail", Method::Get, [this](const QString& id, const QHttpServerRequest& request) {
        return photoResponse(id, request, true);
    });
    route("/api/v1/mining/jobs", Method::Get, [this](const QHttpServerRequest&) { return respond(mining_.list()); });
    route("/api/v1/mining/jobs", Method::Post, [this](const QHttpServerRequest& request) {
        if (const auto tooLarge = bodyTooLarge(request, kMaxJobBodyBytes)) return respond(*tooLarge);
        return respond(mining_.submit(request.body()), StatusCode::Accepted);
    });
    route("/api/v1/mining/jobs/<arg>", Method::Get,
          [this](const QString& id, const QHttpServerRequest&) { return respond(mining_.job(id)); });
    route("/api/v1/mining/jobs/<arg>", Method::Delete,
          [this](const QString& id, const QHttpServerRequest&) { return respond(mining_.cancel(id), StatusCode::Accepted); });
    route("/api/v1/bans/<arg>", Method::Delete,
          [this](const QString& address, const QHttpServerRequest&) { return respond(bans_.unban(address)); });

    route("/api/v1/addresses/<arg>", Method::Get,
          [this](const QString& address, const QHttpServerRequest&) { return respond(addresses_.account(address)); });
    route("/api/v1/addresses/<arg>/txs", Method::Get, [this](const QString& address, const QHttpServerRequest& request) {
        return respond(addresses_.history(address, request.query().queryItemValue("limit")));
    });
    route("/api/v1/tx/<arg>", Method::Get,
          [this](const QString& id, const QHttpServerRequest&) { return respond(transactions_.transaction(id)); });
    route("/api/v1/tx", Method::Post, [this](const QHttpServerRequest& request) {
        if (const auto tooLarge = bodyTooLarge(request, kMaxBodyBytes)) return respond(*tooLarge);
        return respond(transactions_.submit(request.body()), StatusCode::Accepted);
    });
    route("/api/v1/mempool", Method::Get, [this](const QHttpServerRequest&) { return respond(transactions_.mempool()); });

    answerOtherMethodsWith405();
    http_.setMissingHandler([](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        respond(ApiError{ApiError::NotFound, "no_such_route", QString("no route for %1").arg(request.url().path().left(200))})
            .write(std::move(responder));
    });
}

// QHttpServer tries rules in the order they were added and falls through to the missing
// handler when a path matches but the method does not. A catch-all rule per known path,
// added after the real ones, turns that 404 into 405 with the Allow header.
void RestServer::answerOtherMethodsWith405()
{
    for (const auto& [path, methods] : allowedMethods_) {
        const auto notAllowed = [allow = methods.join(", ")](const QHttpServerRequest& request) {
            const QString method = QString(QMetaEnum::fromType<Method>().valueToKey(int(request.method()))).toUpper();
            QHttpServerResponse response = respond(ApiError{
                ApiError::MethodNotAllowed, "method_not_allowed",
                QString("%1 is not allowed on %2; allowed: %3").arg(method, request.url().path().left(200), allow)});
            response.setHeader("Allow", allow.toLatin1());
            return response;
        };
        Q_ASSERT(path.count("<arg>") <= 1);  // the two handler shapes below
        if (path.contains("<arg>"))
            http_.route(path, Method::AnyKnown, [notAllowed](const QString&, const QHttpServerRequest& request) {
                return notAllowed(request);
            });
        else
            http_.route(path, Method::AnyKnown, notAllowed);
    }
}

std::optional<ApiError> RestServer::bodyTooLarge(const QHttpServerRequest& request, qsizetype limit)
{
    // QHttpServer 6.4 has read the whole body by now; the limit still keeps large bodies
    // away from the parsers and tells the client what is accepted.
    if (request.body().size() <= limit) return std::nullopt;
    return ApiError{ApiError::PayloadTooLarge, "body_too_large",
                    QString("the body has %1 bytes; at most %2 are accepted").arg(request.body().size()).arg(limit)};
}

QHttpServerResponse RestServer::photoResponse(const QString& blockId, const QHttpServerRequest& request, bool thumbnail) const
{
    QueryError error;
    const auto block = node_.findBlock(blockId, &error);
    if (!block) return respond(blocks_.block(blockId));
    if (block->photoHash.isEmpty())
        return respond(ApiError{ApiError::NotFound, "no_photo", QString("block %1 carries no photo").arg(block->hash)});
    const QByteArray etag = "\"" + block->photoHash.toLatin1() + (thumbnail ? "-thumb" : "") + "\"";
    if (request.value("If-None-Match") == etag) {
        QHttpServerResponse notModified(StatusCode::NotModified);
        notModified.setHeader("ETag", etag);
        return notModified;
    }
    const auto bytes = thumbnail ? node_.thumbnail(block->photoHash) : node_.photo(block->photoHash);
    if (!bytes)
        return respond(ApiError{ApiError::NotFound, "photo_not_found",
                                QString("the photo of block %1 is not stored here").arg(block->hash)});
    const QByteArray type = thumbnail || bytes->startsWith("\xFF\xD8") ? "image/jpeg" : "image/png";
    QHttpServerResponse response(type, *bytes);
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    return response;
}

quint16 RestServer::listen(const QHostAddress& address, quint16 port, QString* error)
{
    const quint16 bound = http_.listen(address, port);
    if (bound == 0 && error) *error = QString("cannot listen for REST on %1:%2").arg(address.toString()).arg(port);
    return bound;
}

} // namespace pb::api
