#pragma once
// GET /metrics: the node in the Prometheus text format, for a scraper on the operator's machine
// (an operator route). Gauges come from the node's snapshot at scrape time; counters from the
// node (blocks found), from RestServer (requests by status) and from process-wide timings
// (Redis round trips, recognitions).
#include "core/api/PrometheusText.h"
#include "core/net/TrafficTotals.h"
#include "core/node/Node.h"

#include <QMap>

namespace pb::api {

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
    net::TrafficTotals traffic_;  // since the API started
    QMap<int, quint64> requestsByStatus_;
};

} // namespace pb::api
