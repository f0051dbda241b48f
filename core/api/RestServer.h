#pragma once
// The REST API under /api/v1 on an embedded QHttpServer. Routes call one controller per
// scope; this class alone maps their typed results to HTTP responses. It lives on its own
// thread (see ApiService) so slow clients never touch the engine or the GUI.
#include "core/api/AddressController.h"
#include "core/api/BansController.h"
#include "core/api/BlockController.h"
#include "core/api/ClientPolicy.h"
#include "core/api/MetricsController.h"
#include "core/api/MinerController.h"
#include "core/api/MiningController.h"
#include "core/api/NodesController.h"
#include "core/api/OperatorCookie.h"
#include "core/api/PairingController.h"
#include "core/api/PeersController.h"
#include "core/api/RestListener.h"
#include "core/api/StatusController.h"
#include "core/api/TransactionController.h"
#include "core/api/WebClientFiles.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <map>
#include <memory>

namespace pb::api {

class RestServer : public QObject {
    Q_OBJECT
public:
    // Request bodies above this are refused with 413 before any parsing.
    static constexpr qsizetype kMaxBodyBytes = 16 * 1024;
    // Mining job submissions carry a base64 photo of up to 2 MiB.
    static constexpr qsizetype kMaxJobBodyBytes = 3 * 1024 * 1024;

    RestServer(Node& node, const RestSettings& settings, QObject* parent = nullptr);
    ~RestServer() override;

    // Loads the paired devices, writes the operator cookie (removed again when this server is
    // destroyed), reads the fixed operator token, and listens as the settings say (loopback or
    // every interface, HTTP or HTTPS). Returns the bound port, or 0 with *error.
    quint16 listen(QString* error);
    // The paired devices (thread-safe), null when pairing is off; shared so the desktop app
    // may keep using it.
    std::shared_ptr<DeviceRegistry> devices() const { return devices_; }

    // Every registered path pattern ("/api/v1/blocks/<arg>") with the methods it serves
    // ("GET", "POST", …): what /api/v1/openapi.json must describe.
    const std::map<QString, QStringList>& routes() const { return allowedMethods_; }
    // The same for the operator routes: what the document must mark with the operator token.
    const std::map<QString, QStringList>& operatorRoutes() const { return operatorMethods_; }

private:
    using Method = QHttpServerRequest::Method;
    using StatusCode = QHttpServerResponder::StatusCode;

    void registerRoutes();
    // Registers a handler taking (request) or (path argument, request) behind the client
    // policy: its handler runs only for requests that pass `rules` (see registerRoutes).
    template <typename Handler>
    void route(const QString& path, Method method, const RouteRules& rules, Handler handler);
    void answerOtherMethodsWith405();
    static QHttpServerResponse respond(const ApiResult& result, StatusCode success = StatusCode::Ok);
    std::optional<QHttpServerResponse> refuse(const QHttpServerRequest& request, const RouteRules& rules);
    // 421/403 for a request outside the route table (404, 405, preflight) with a foreign Host or Origin.
    std::optional<QHttpServerResponse> refuseHostOrOrigin(const QHttpServerRequest& request) const;
    bool setUpOperatorTokens(QString* error);
    bool setUpTls(QString* error);
    // "device:<id>" for a paired device's token, "api" for any other caller.
    QString jobSource(const QHttpServerRequest& request) const;
    static std::optional<ApiError> bodyTooLarge(const QHttpServerRequest& request, qsizetype limit);
    // A block's photo or thumbnail, with its type and an ETag (the photo hash); 304 on a match.
    QHttpServerResponse photoResponse(const QString& blockId, const QHttpServerRequest& request, bool thumbnail);
    // A file of the phone web client with its caching and security headers; 304 on an ETag match.
    QHttpServerResponse webClientResponse(const WebClientFile& file, const QHttpServerRequest& request) const;

    Node& node_;
    const RestSettings settings_;
    std::shared_ptr<DeviceRegistry> devices_;
    ClientPolicy policy_;
    RestListener listener_;  // connection caps and deadlines; outlives http_, which owns its server
    std::optional<QSslConfiguration> tls_;
    QHttpServer http_;
    StatusController status_;
    BlockController blocks_;
    NodesController nodes_;
    PeersController peers_;
    BansController bans_;
    MiningController mining_;
    MinerController miner_;
    MetricsController metrics_;
    QTimer trafficSampler_;  // feeds metrics_'s byte counters once a second
    AddressController addresses_;
    TransactionController transactions_;
    PairingController pairing_;
    WebClientFiles webClient_;
    QByteArray openApi_;  // the OpenAPI document, served as compiled in
    std::map<QString, QStringList> allowedMethods_;  // path pattern -> methods it serves
    std::map<QString, QStringList> operatorMethods_;  // the same, operator routes only
    std::unique_ptr<OperatorCookie> cookie_;
};

} // namespace pb::api
