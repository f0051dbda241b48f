#include "core/api/MinerController.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QThread>
#include <algorithm>

namespace pb::api {

QJsonObject miningStatusJson(const NodeStatus& s)
{
    return QJsonObject{
        {"active", s.mining},
        {"threads", s.miningThreads},
        {"backend", s.miningBackend},
        {"pausedFor", s.miningPausedFor.isEmpty() ? QJsonValue() : QJsonValue(s.miningPausedFor)},
        {"hashrate", QJsonObject{{"10s", s.hashrate10s}, {"60s", s.hashrate60s}, {"15m", s.hashrate15m}}},
        {"blocksFound", qint64(s.blocksFound)},
        {"rewardsUnits", qint64(s.rewardsUnits)},
        {"rewardAddress", s.rewardAddress},
    };
}

namespace {

ApiError starting() { return ApiError{ApiError::Unavailable, "starting", "the node is still starting"}; }

} // namespace

ApiResult MinerController::status() const
{
    const NodeStatus s = node_.status();
    if (!s.ready) return starting();
    return miningStatusJson(s);
}

ApiResult MinerController::control(const QByteArray& body)
{
    const ApiResult parsed = parseObjectBody(body, {"active", "threads"});
    if (const auto* error = std::get_if<ApiError>(&parsed)) return *error;
    const QJsonObject request = std::get<QJsonObject>(parsed);
    const QJsonValue active = request.value("active"), threadsValue = request.value("threads");
    if (active.isUndefined() && threadsValue.isUndefined())
        return ApiError{ApiError::BadRequest, "missing_field", "give 'active' (true or false), 'threads' (a count) or both"};
    if (!active.isUndefined() && !active.isBool())
        return ApiError{ApiError::BadRequest, "wrong_type", QString("'active' must be a boolean, not %1").arg(jsonTypeName(active))};
    const int maxThreads = std::max(1, QThread::idealThreadCount());
    int threads = 0;
    if (!threadsValue.isUndefined()) {
        const double number = threadsValue.toDouble(-1);
        if (!threadsValue.isDouble() || number != double(qint64(number)) || number < 1 || number > maxThreads)
            return ApiError{ApiError::BadRequest, "bad_threads",
                            QString("'threads' must be a whole number from 1 to %1 (this machine's cores)").arg(maxThreads)};
        threads = int(number);
    }

    const NodeStatus before = node_.status();
    if (!before.ready) return starting();
    const bool wantActive = active.isUndefined() ? before.mining : active.toBool();
    if (!wantActive && active.isUndefined())
        return ApiError{ApiError::Conflict, "mining_stopped",
                        "mining is stopped; send {\"active\": true, \"threads\": n} to start it on n threads"};
    if (!wantActive) {
        if (!threadsValue.isUndefined())
            return ApiError{ApiError::BadRequest, "threads_without_mining", "'threads' goes with active true (or alone while mining)"};
        node_.stopMining();
    } else {
        if (threads == 0) threads = before.mining ? before.miningThreads : std::max(1, before.miningThreadsSetting);
        node_.startMining(threads);
    }
    // The engine applies commands on its thread and publishes a status about once a second.
    const QDeadlineTimer deadline(kApplyWaitMs);
    for (;;) {
        const NodeStatus now = node_.status();
        if (now.mining == wantActive && (!wantActive || now.miningThreads == threads)) return miningStatusJson(now);
        if (deadline.hasExpired())
            return ApiError{ApiError::Unavailable, "mining_not_applied",
                            QString("the engine did not %1 mining within %2 s").arg(wantActive ? "start" : "stop").arg(kApplyWaitMs / 1000)};
        QThread::msleep(20);
    }
}

} // namespace pb::api
