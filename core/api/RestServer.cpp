#include "core/api/RestServer.h"

#include "core/util/ImageFormat.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QSslCertificate>
#include <QSslKey>

namespace pb::api {

RestServer::RestServer(Node& node, const RestSettings& settings, QObject* parent)
    : QObject(parent), node_(node), settings_(settings),
      devices_(settings.devicesFile.isEmpty() ? nullptr : std::make_shared<DeviceRegistry>(settings.devicesFile)),
      policy_(settings, devices_.get()), status_(node), blocks_(node), nodes_(node), peers_(node), bans_(node), mining_(node), miner_(node), metrics_(node),
      addresses_(node), transactions_(node),
      pairing_(devices_.get(), settings)
{
    QFile openApi(":/api/openapi.json");
    if (openApi.open(QIODevice::ReadOnly)) openApi_ = openApi.readAll();
    Q_ASSERT(!openApi_.isEmpty());  // compiled in by core/api/CMakeLists.txt
    registerRoutes();
    connect(&trafficSampler_, &QTimer::timeout, this, [this] { metrics_.sampleTraffic(); });
    trafficSampler_.start(1000);
}

RestServer::~RestServer() = default;

QHttpServerResponse RestServer::respond(const ApiResult& result, StatusCode success)
{
    if (const auto* body = std::get_if<QJsonObject>(&result)) return QHttpServerResponse(*body, success);
    if (const auto* text = std::get_if<JsonText>(&result)) return QHttpServerResponse("application/json", text->bytes, success);
    const ApiError& error = std::get<ApiError>(result);
    QHttpServerResponse response(errorBody(error), StatusCode(httpStatusFor(error.kind)));
    if (error.kind == ApiError::Unauthorized) response.setHeader("WWW-Authenticate", "Bearer");
    if (error.retryAfterSeconds > 0) response.setHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    return response;
}

std::optional<QHttpServerResponse> RestServer::refuse(const QHttpServerRequest& request, const RouteRules& rules)
{
    const auto refusal = policy_.admit(policy_.describe(request), rules, QDateTime::currentMSecsSinceEpoch());
    if (!refusal) return std::nullopt;
    return respond(*refusal);
}

std::optional<QHttpServerResponse> RestServer::refuseHostOrOrigin(const QHttpServerRequest& request) const
{
    const auto refusal = policy_.checkHostAndOrigin(policy_.describe(request));
    if (!refusal) return std::nullopt;
    return respond(*refusal);
}

template <typename Handler>
void RestServer::route(const QString& path, Method method, const RouteRules& rules, Handler handler)
{
    if constexpr (std::is_invocable_v<Handler, const QHttpServerRequest&>) {
        http_.route(path, method, [this, rules, handler](const QHttpServerRequest& request) {
            if (auto refused = refuse(request, rules)) return std::move(*refused);
            return QHttpServerResponse(handler(request));
        });
    } else {
        http_.route(path, method, [this, rules, handler](const QString& argument, const QHttpServerRequest& request) {
            if (auto refused = refuse(request, rules)) return std::move(*refused);
            return QHttpServerResponse(handler(argument, request));
        });
    }
    const QString methodName = QString(QMetaEnum::fromType<Method>().valueToKey(int(method))).toUpper();
    allowedMethods_[path].append(methodName);
    if (rules.access == Access::Operator) operatorMethods_[path].append(methodName);
}

// The route table. Each route declares what it demands (RouteRules), and route() enforces it
// before the handler runs, so protection is a property of the table, never of a handler:
//  - Access::Read: anyone who passes the Host check; Access::Write: this machine, a paired
//    device's token or the operator token; Access::Operator: the operator token (api.cookie or
//    --rest-operator-token-file) from every address, loopback included. A new route that
//    controls the node (peers, bans, pairing, devices, mining, metrics) declares
//    Access::Operator and is protected, listed by operatorRoutes() and checked against the
//    OpenAPI document's security by api_openapi_describes_exactly_the_served_routes.
//  - Every route: the Host allow-list, the Origin check on writes, and a JSON body (the
//    BodyKind says when multipart is accepted too).
void RestServer::registerRoutes()
{
    const auto now = [] { return QDateTime::currentSecsSinceEpoch(); };
    route("/api/v1/status", Method::Get, Access::Read, [this](const QHttpServerRequest&) { return respond(status_.status()); });
    route("/api/v1/openapi\\.json", Method::Get, Access::Read,
          [this](const QHttpServerRequest&) { return QHttpServerResponse("application/json", openApi_); });
    route("/api/v1/blocks", Method::Get, Access::Read,
          [this](const QHttpServerRequest& request) { return respond(blocks_.page(request.query())); });
    route("/api/v1/blocks/<arg>", Method::Get, Access::Read,
          [this](const QString& id, const QHttpServerRequest&) { return respond(blocks_.block(id)); });
    route("/api/v1/blocks/<arg>/photo", Method::Get, Access::Read, [this](const QString& id, const QHttpServerRequest& request) {
        return photoResponse(id, request, false);
    });
    route("/api/v1/blocks/<arg>/thumbnail", Method::Get, Access::Read, [this](const QString& id, const QHttpServerRequest& request) {
        return photoResponse(id, request, true);
    });
    route("/api/v1/nodes", Method::Get, Access::Read,
          [this](const QHttpServerRequest& request) { return respond(nodes_.list(request.query())); });
    route("/api/v1/labels", Method::Get, Access::Read, [this](const QHttpServerRequest&) { return respond(mining_.labels()); });
    route("/api/v1/mining/jobs", Method::Get, Access::Read, [this](const QHttpServerRequest& request) {
        return respond(mining_.list(request.query(), jobSource(request)));
    });
    route("/api/v1/mining/jobs", Method::Post, {Access::Write, BodyKind::JsonOrMultipart}, [this](const QHttpServerRequest& request) {
        if (const auto tooLarge = bodyTooLarge(request, kMaxJobBodyBytes)) return respond(*tooLarge);
        return respond(mining_.submit(request.value("Content-Type"), request.body(), jobSource(request)), StatusCode::Accepted);
    });
    route("/api/v1/mining/jobs/<arg>", Method::Get, Access::Read,
          [this](const QString& id, const QHttpServerRequest&) { return respond(mining_.job(id)); });
    route("/api/v1/mining/jobs/<arg>", Method::Delete, Access::Write,
          [this](const QString& id, const QHttpServerRequest& request) {
              return respond(mining_.cancel(id, jobSource(request)), StatusCode::Accepted);
          });

    route("/api/v1/pair", Method::Post, Access::Read, [this, now](const QHttpServerRequest& request) {
        if (const auto tooLarge = bodyTooLarge(request, kMaxBodyBytes)) return respond(*tooLarge);
        return respond(pairing_.pair(request.body(), policy_.describe(request).remote, now()), StatusCode::Created);
    });
    route("/api/v1/pair", Method::Delete, Access::Write, [this](const QHttpServerRequest& request) {
        return respond(pairing_.unpair(policy_.deviceOf(request.value("Authorization"))));
    });

    // The operator's routes: the operator token only.
    route("/api/v1/peers", Method::Get, Access::Operator, [this](const QHttpServerRequest&) { return respond(peers_.list()); });
    route("/api/v1/peers/<arg>/disconnect", Method::Post, Access::Operator,
          [this](const QString& id, const QHttpServerRequest&) { return respond(peers_.disconnect(id)); });
    route("/api/v1/bans", Method::Get, Access::Operator, [this](const QHttpServerRequest&) { return respond(bans_.list()); });
    route("/api/v1/bans", Method::Post, Access::Operator, [this](const QHttpServerRequest& request) {
        if (const auto tooLarge = bodyTooLarge(request, kMaxBodyBytes)) return respond(*tooLarge);
        return respond(bans_.ban(request.body()), StatusCode::Created);
    });
    route("/api/v1/bans/<arg>", Method::Delete, Access::Operator,
          [this](const QString& address, const QHttpServerRequest&) { return respond(bans_.unban(address)); });
    route("/api/v1/mining", Method::Get, Access::Operator, [this](const QHttpServerRequest&) { return respond(miner_.status()); });
    route("/api/v1/mining", Method::Post, Access::Operator, [this](const QHttpServerRequest& request) {
        if (const auto tooLarge = bodyTooLarge(request, kMaxBodyBytes)) return respond(*tooLarge);
        return respond(miner_.control(request.body()));
    });
    // Prometheus' conventional path, outside /api/v1.
    route("/metrics", Method::Get, Access::Operator, [this, now](const QHttpServerRequest&) {
        return QHttpServerResponse(PrometheusText::kContentType, metrics_.metrics(now()));
    });
    route("/api/v1/pairing", Method::Post, Access::Operator,
          [this, now](const QHttpServerRequest&) { return respond(pairing_.issueCode(now()), StatusCode::Created); });
    route("/api/v1/devices", Method::Get, Access::Operator, [this](const QHttpServerRequest&) { return respond(pairing_.list()); });
    route("/api/v1/devices/<arg>", Method::Delete, Access::Operator,
          [this](const QString& id, const QHttpServerRequest&) { return respond(pairing_.revoke(id)); });

    route("/api/v1/addresses/<arg>", Method::Get, Access::Read,
          [this](const QString& address, const QHttpServerRequest&) { return respond(addresses_.account(address)); });
    route("/api/v1/addresses/<arg>/txs", Method::Get, Access::Read, [this](const QString& address, const QHttpServerRequest& request) {
        return respond(addresses_.history(address, request.query().queryItemValue("limit")));
    });
    route("/api/v1/tx/<arg>", Method::Get, Access::Read,
          [this](const QString& id, const QHttpServerRequest&) { return respond(transactions_.transaction(id)); });
    route("/api/v1/tx", Method::Post, Access::Write, [this](const QHttpServerRequest& request) {
        if (const auto tooLarge = bodyTooLarge(request, kMaxBodyBytes)) return respond(*tooLarge);
        return respond(transactions_.submit(request.body()), StatusCode::Accepted);
    });
    route("/api/v1/mempool", Method::Get, Access::Read, [this](const QHttpServerRequest&) { return respond(transactions_.mempool()); });

    // The phone web client at /: pages for a browser, subject to the same client policy.
    // Route patterns are regular expressions: "/app.js" must not also serve "/appXjs".
    for (const QString& path : webClient_.paths()) {
        const QString pattern = QString(path).replace(".", "\\.");
        route(pattern, Method::Get, Access::Read, [this, file = webClient_.find(path)](const QHttpServerRequest& request) {
            return webClientResponse(*file, request);
        });
    }

    answerOtherMethodsWith405();
    http_.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        QHttpServerResponse response = refuseHostOrOrigin(request).value_or(respond(
            ApiError{ApiError::NotFound, "no_such_route", QString("no route for %1").arg(request.url().path().left(200))}));
        policy_.addCorsHeaders(response, request);
        metrics_.countRequest(int(response.statusCode()));
        response.write(std::move(responder));
    });
    http_.afterRequest([this](QHttpServerResponse&& response, const QHttpServerRequest& request) {
        policy_.addCorsHeaders(response, request);
        metrics_.countRequest(int(response.statusCode()));
        return std::move(response);
    });
}

// QHttpServer tries rules in the order they were added and falls through to the missing
// handler when a path matches but the method does not. A catch-all rule per known path,
// added after the real ones, turns that 404 into 405 with the Allow header.
void RestServer::answerOtherMethodsWith405()
{
    for (const auto& [path, methods] : allowedMethods_) {
        const auto notAllowed = [this, allow = methods.join(", ")](const QHttpServerRequest& request) {
            if (auto refused = refuseHostOrOrigin(request)) return std::move(*refused);
            // A browser's CORS preflight: say what a configured origin may send.
            if (request.method() == Method::Options && policy_.originAllowed(request.value("Origin"))) {
                QHttpServerResponse preflight(StatusCode::NoContent);
                preflight.setHeader("Access-Control-Allow-Methods", allow.toLatin1());
                preflight.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
                preflight.setHeader("Access-Control-Max-Age", "600");
                return preflight;
            }
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

QString RestServer::jobSource(const QHttpServerRequest& request) const
{
    const auto device = policy_.deviceOf(request.value("Authorization"));
    return device ? deviceJobSource(device->id) : QString("api");
}

std::optional<ApiError> RestServer::bodyTooLarge(const QHttpServerRequest& request, qsizetype limit)
{
    // QHttpServer 6.4 has read the whole body by now; the limit still keeps large bodies
    // away from the parsers and tells the client what is accepted.
    if (request.body().size() <= limit) return std::nullopt;
    return ApiError{ApiError::PayloadTooLarge, "body_too_large",
                    QString("the body has %1 bytes; at most %2 are accepted").arg(request.body().size()).arg(limit)};
}

QHttpServerResponse RestServer::photoResponse(const QString& blockId, const QHttpServerRequest& request, bool thumbnail)
{
    QueryError error;
    const auto block = node_.findBlock(blockId, &error);
    if (!block) return respond(blocks_.block(blockId));
    if (block->bodyPruned) {
        QHttpServerResponse pruned = respond(ApiError{ApiError::Unavailable, "block_pruned",
                                                      QString("block %1's body and photo were pruned here; they are being "
                                                              "fetched from a full peer, ask again shortly").arg(block->hash)});
        pruned.setHeader("Retry-After", "2");
        return pruned;
    }
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
    const QByteArray type = thumbnail || sniffImageFormat(*bytes) == ImageFormat::Jpeg ? "image/jpeg" : "image/png";
    QHttpServerResponse response(type, *bytes);
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    return response;
}

QHttpServerResponse RestServer::webClientResponse(const WebClientFile& file, const QHttpServerRequest& request) const
{
    const bool unchanged = request.value("If-None-Match") == file.etag;
    QHttpServerResponse response = unchanged ? QHttpServerResponse(StatusCode::NotModified)
                                             : QHttpServerResponse(file.contentType, file.body);
    response.setHeader("ETag", file.etag);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", WebClientFiles::kContentSecurityPolicy);
    return response;
}

bool RestServer::setUpTls(QString* error)
{
    if (settings_.tlsCertificate.isEmpty() && settings_.tlsKey.isEmpty()) return true;
    QFile certificateFile(settings_.tlsCertificate), keyFile(settings_.tlsKey);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QString("cannot read the TLS certificate %1 or key %2").arg(settings_.tlsCertificate, settings_.tlsKey);
        return false;
    }
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        keyFile.seek(0);
        key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
    }
    if (certificate.isNull() || key.isNull()) {
        *error = QString("%1 is not a PEM certificate or %2 not a PEM RSA/EC private key")
                     .arg(settings_.tlsCertificate, settings_.tlsKey);
        return false;
    }
    http_.sslSetup(certificate, key);
    tls_ = QSslConfiguration::defaultConfiguration();
    tls_->setLocalCertificate(certificate);
    tls_->setPrivateKey(key);
    return true;
}

bool RestServer::setUpOperatorTokens(QString* error)
{
    QList<QByteArray> tokens;
    if (!settings_.operatorCookieFile.isEmpty()) {
        cookie_ = std::make_unique<OperatorCookie>(settings_.operatorCookieFile);
        if (!cookie_->create(error)) return false;
        tokens.append(cookie_->token());
    }
    if (!settings_.operatorTokenFile.isEmpty()) {
        const auto fixed = readOperatorTokenFile(settings_.operatorTokenFile, error);
        if (!fixed) return false;
        tokens.append(*fixed);
    }
    policy_.setOperatorTokens(tokens);
    return true;
}

quint16 RestServer::listen(QString* error)
{
    if (devices_ && !devices_->load(error)) return 0;
    if (!setUpTls(error) || !setUpOperatorTokens(error)) return 0;
    const QHostAddress address = settings_.listenAll ? QHostAddress::Any : QHostAddress::LocalHost;
    const quint16 bound = listener_.listen(http_, address, settings_.port, tls_ ? &*tls_ : nullptr);
    if (bound == 0) *error = QString("cannot listen for REST on %1:%2").arg(address.toString()).arg(settings_.port);
    pairing_.setBoundPort(bound);
    return bound;
}

} // namespace pb::api
