#pragma once
// Runs a RestServer on a thread of its own for the lifetime of this object.
#include "core/api/PairingDesk.h"
#include "core/api/RestSettings.h"
#include "core/node/Node.h"

#include <QThread>
#include <memory>

namespace pb::api {

class RestServer;

class ApiService {
public:
    explicit ApiService(Node& node);
    ~ApiService();

    // Blocks until the server listens; returns the bound port or 0 with *error.
    quint16 start(const RestSettings& settings, QString* error);
    // Pairing for the desktop app, usable from any thread and after this service stops; null
    // before a successful start or when pairing is off (no devices file).
    std::shared_ptr<PairingDesk> pairingDesk() const { return pairingDesk_; }

private:
    Node& node_;
    QThread thread_;
    QObject anchor_;                // lives on thread_: the context for calls made there
    RestServer* server_ = nullptr;  // lives on thread_
    std::shared_ptr<PairingDesk> pairingDesk_;
};

} // namespace pb::api
