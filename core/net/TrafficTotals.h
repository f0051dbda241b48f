#pragma once
// Bytes received and sent over every peer connection since the first sample: each connection's
// growth between samples, so peers that come and go never make the totals fall. Traffic of a
// connection after its last sample and before it closed (under a second at one sample a
// second) is not counted. The metrics, the traffic history and the Peers page's chart sample it.
#include "core/net/PeerInfo.h"

#include <QHash>
#include <QList>
#include <QPair>

namespace pb::net {

class TrafficTotals {
public:
    void sample(const QList<PeerInfo>& peers);
    quint64 received() const { return received_; }
    quint64 sent() const { return sent_; }

private:
    QHash<quint64, QPair<quint64, quint64>> last_;  // connection -> (in, out) at the last sample
    quint64 received_ = 0, sent_ = 0;
};

} // namespace pb::net
