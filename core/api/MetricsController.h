#pragma once
// GET /metrics: the node in the Prometheus text format, for a scraper on the operator's machine
// (an operator route). Gauges come from the node's snapshot at scrape time; counters from the
// node (blocks found), from RestServer (requests by status) and from process-wide timings
// (Redis round trips, recognitions).
#include "core/api/PrometheusText.h"
#include "core/node/Node.h"

#include <QHash>
#include <QMap>

namespace pb::api {

// Bytes received and sent over every peer connection since the API started: each connection's
// growth between samples, so peers that come and go never make the totals fall. Traffic of a
// connection after its last sample and before it closed (under a second at one sample a
// second) is not counted.
class TrafficTotals {
public:
    void sample(const QList<PeerInfo>& peers);
    quint64 received() const { return received_; }
    quint64 sent() const { return sent_; }

private:
    QHash<quint64, QPair<quint64, quint64>> last_;  // connection -> (in, out) at the last sample
    quint64 received_ = 0, sent_ = 0;
};

class MetricsController {
public:
    explicit MetricsController(const Node& node) : node_(node) {}

    // Called about once a second (RestServer's timer) and at each scrape.
    void sampleTraffic() { traffic_.sample(node_.peers()); }
    // One more answer with this HTTP status (RestServer calls it for every request).
    void countRequest(int httpStatus) { ++requestsByStatus_[httpStatus]; }

    // The exposition text; `nowSeconds` for the tip's age.
    QByteArray metrics(qint64 nowSeconds);

private:
    const Node& node_;
    TrafficTotals traffic_;
    QMap<int, quint64> requestsByStatus_;
};

} // namespace pb::api
