#include "core/api/StatusController.h"

namespace pb::api {

ApiResult StatusController::status() const
{
    const NodeStatus s = node_.status();
    if (!s.ready) return ApiError{ApiError::Unavailable, "starting", "the node is still starting"};
    return QJsonObject{
        {"network", s.network},
        {"genesisHash", s.genesisHash},
        {"mode", s.mode},
        {"nodeId", s.nodeId},
        {"height", qint64(s.height)},
        {"tipHash", s.tipHash},
        {"tipTime", s.tipTime},
        {"peers", s.peers},
        {"mempool", QJsonObject{{"transfers", s.mempoolTransfers}, {"bytes", s.mempoolBytes}}},
        {"mining", QJsonObject{
            {"active", s.mining},
            {"threads", s.miningThreads},
            {"backend", s.miningBackend},
            {"hashrate", QJsonObject{{"10s", s.hashrate10s}, {"60s", s.hashrate60s}, {"15m", s.hashrate15m}}},
            {"blocksFound", qint64(s.blocksFound)},
            {"rewardsUnits", qint64(s.rewardsUnits)},
            {"rewardAddress", s.rewardAddress},
        }},
    };
}

} // namespace pb::api
