#pragma once
// Everything the engine publishes at once (status, peers, bans, photo jobs, recognizer labels);
// the façade keeps the latest and answers from it without waiting for the engine.
#include "core/mining/PhotoJob.h"
#include "core/net/PeerInfo.h"
#include "core/node/NodeStatus.h"
#include <QList>
#include <QStringList>

namespace pb {

struct NodeSnapshot {
    NodeStatus status;
    QList<PeerInfo> peers;
    QList<BanInfo> bans;
    QList<PhotoJob> jobs;          // oldest first
    QStringList recognizerLabels;  // labels a job may claim; empty when photos cannot be mined
    QString recognizerProblem;     // why, then
};

} // namespace pb
