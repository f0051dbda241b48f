#include "core/net/TrafficTotals.h"

namespace pb::net {

void TrafficTotals::sample(const QList<PeerInfo>& peers)
{
    QHash<quint64, QPair<quint64, quint64>> current;
    for (const PeerInfo& p : peers) {
        const auto before = last_.value(p.connectionId, {0, 0});
        received_ += p.bytesIn >= before.first ? p.bytesIn - before.first : 0;
        sent_ += p.bytesOut >= before.second ? p.bytesOut - before.second : 0;
        current.insert(p.connectionId, {p.bytesIn, p.bytesOut});
    }
    last_ = current;
}

} // namespace pb::net
