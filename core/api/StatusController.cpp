#include "core/api/StatusController.h"

#include "core/api/MinerController.h"

#include <QJsonDocument>

namespace pb::api {

namespace {

void addTipCheck(QJsonObject& status, const NodeStatus& s, const TipCheckInfo& c)
{
    // A mobile node reports the last tip full peers confirmed; its own is "local".
    status.insert("localHeight", qint64(s.height));
    status.insert("localTipHash", s.tipHash);
    status.insert("height", qint64(c.checkedHeight));
    status.insert("tipHash", c.checkedHash.isEmpty() ? QJsonValue() : QJsonValue(c.checkedHash));
    status.insert("tipTime", c.checkedTime);
    status.insert("tipCheck", QJsonObject{{"state", c.state},
                                          {"agreeing", c.agreeing},
                                          {"disagreeing", c.disagreeing},
                                          {"peersAsked", c.peersAsked},
                                          {"lastCheck", c.lastCheck},
                                          {"checkedHeight", qint64(c.checkedHeight)},
                                          {"checkedHash", c.checkedHash.isEmpty() ? QJsonValue() : QJsonValue(c.checkedHash)}});
}

} // namespace

ApiResult StatusController::status()
{
    const NodeStatus s = node_.status();
    if (!s.ready) return ApiError{ApiError::Unavailable, "starting", "the node is still starting"};
    if (s.revision != 0 && s.revision == servedRevision_) return served_;
    QJsonObject status{
        {"network", s.network},
        {"genesisHash", s.genesisHash},
        {"mode", s.mode},
        {"nodeId", s.nodeId},
        {"height", qint64(s.height)},
        {"tipHash", s.tipHash},
        {"tipTime", s.tipTime},
        {"peers", s.peers},
        {"mempool", QJsonObject{{"transfers", s.mempoolTransfers}, {"bytes", s.mempoolBytes}}},
        {"mining", miningStatusJson(s)},
    };
    if (s.tipCheck) addTipCheck(status, s, *s.tipCheck);
    servedRevision_ = s.revision;
    served_.bytes = QJsonDocument(status).toJson(QJsonDocument::Compact);
    return served_;
}

} // namespace pb::api
