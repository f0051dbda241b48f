#include "core/api/ApiService.h"

#include "core/api/PairingController.h"
#include "core/api/RestServer.h"

namespace pb::api {

ApiService::ApiService(Node& node) : node_(node)
{
    thread_.setObjectName("rest-api");
    anchor_.moveToThread(&thread_);
}

ApiService::~ApiService()
{
    if (thread_.isRunning()) {
        QMetaObject::invokeMethod(&anchor_, [this] { delete server_; }, Qt::BlockingQueuedConnection);
        thread_.quit();
        thread_.wait();
    }
}

quint16 ApiService::start(const RestSettings& settings, QString* error)
{
    thread_.start();
    quint16 bound = 0;
    QMetaObject::invokeMethod(&anchor_, [&] {
        server_ = new RestServer(node_, settings);
        bound = server_->listen(error);
        if (bound != 0 && server_->devices())
            pairingDesk_ = std::make_shared<PairingDesk>(server_->devices(), webClientAddress(settings, bound));
    }, Qt::BlockingQueuedConnection);
    return bound;
}

} // namespace pb::api
