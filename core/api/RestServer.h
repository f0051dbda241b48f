#pragma once
// The REST API under /api/v1 on an embedded QHttpServer. Routes call one controller per
// scope; this class alone maps their typed results to HTTP responses. It lives on its own
// thread (see ApiService) so slow clients never touch the engine or the GUI.
#include "core/api/BlockController.h"
#include "core/api/StatusController.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace pb::api {

class RestServer : public QObject {
    Q_OBJECT
public:
    explicit RestServer(const Node& node, QObject* parent = nullptr);

    // Listens on `address`:`port` (0 picks a free port). Returns the bound port, or 0 with *error.
    quint16 listen(const QHostAddress& address, quint16 port, QString* error);

private:
    void registerRoutes();
    static QHttpServerResponse respond(const ApiResult& result);

    QHttpServer http_;
    StatusController status_;
    BlockController blocks_;
};

} // namespace pb::api
