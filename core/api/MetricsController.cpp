#include "core/api/MetricsController.h"

#include <algorithm>

namespace pb::api {

QByteArray MetricsController::metrics(qint64 nowSeconds)
{
    sampleTraffic();
    const NodeStatus s = node_.status();
    const QList<PeerInfo> peers = node_.peers();
    PrometheusText out;

    out.family("photoblocks_up", "gauge", "1 once storage is up and the chain loaded, 0 while the node starts");
    out.sample(s.ready ? 1 : 0);
    out.family("photoblocks_chain_height", "gauge", "Height of the active chain's tip");
    out.sample(double(s.height));
    out.family("photoblocks_tip_age_seconds", "gauge", "Seconds since the tip block's header time");
    out.sample(s.tipTime > 0 ? double(std::max<qint64>(0, nowSeconds - s.tipTime)) : 0);

    int inbound = 0, outbound = 0;
    quint64 bestPeerHeight = 0;
    for (const PeerInfo& p : peers) {
        (p.direction == "inbound" ? inbound : outbound) += 1;
        bestPeerHeight = std::max(bestPeerHeight, p.height);
    }
    out.family("photoblocks_peers", "gauge", "Connected peers by direction");
    out.sample(inbound, {{"direction", "inbound"}});
    out.sample(outbound, {{"direction", "outbound"}});
    out.family("photoblocks_peer_received_bytes_total", "counter", "Bytes received from peers since the API started");
    out.sample(double(traffic_.received()));
    out.family("photoblocks_peer_sent_bytes_total", "counter", "Bytes sent to peers since the API started");
    out.sample(double(traffic_.sent()));
    out.family("photoblocks_banned_addresses", "gauge", "Addresses and subnets banned now");
    out.sample(double(node_.bans().size()));
    out.family("photoblocks_address_book_entries", "gauge",
               "Peer addresses kept: heard of (new), reached (tried), verified nodes in the catalogue");
    out.sample(double(s.addressBook.heardOf), {{"table", "new"}});
    out.sample(double(s.addressBook.tried), {{"table", "tried"}});
    out.sample(double(s.addressBook.catalogue), {{"table", "catalogue"}});

    out.family("photoblocks_sync_best_peer_height", "gauge", "The highest tip a connected peer announced");
    out.sample(double(bestPeerHeight));
    out.family("photoblocks_sync_progress_ratio", "gauge", "Own height over the best peer height (1 when no peer is ahead)");
    out.sample(bestPeerHeight > s.height ? double(s.height) / double(bestPeerHeight) : 1.0);

    out.family("photoblocks_mempool_transfers", "gauge", "Pending transfers in the mempool");
    out.sample(s.mempoolTransfers);
    out.family("photoblocks_mempool_bytes", "gauge", "Encoded size of the pending transfers");
    out.sample(double(s.mempoolBytes));

    out.family("photoblocks_mining_active", "gauge", "1 while the miner runs");
    out.sample(s.mining ? 1 : 0);
    out.family("photoblocks_mining_threads", "gauge", "Threads the miner runs on (0 when stopped)");
    out.sample(s.miningThreads);
    out.family("photoblocks_hashrate_hashes_per_second", "gauge", "Proof-of-work hashes per second, averaged over the window");
    out.sample(s.hashrate10s, {{"window", "10s"}});
    out.sample(s.hashrate60s, {{"window", "60s"}});
    out.sample(s.hashrate15m, {{"window", "15m"}});
    out.family("photoblocks_blocks_found_total", "counter", "Blocks this node mined since it started");
    out.sample(double(s.blocksFound));

    QMap<QString, int> jobs;
    for (const JobState state : {JobState::Queued, JobState::Recognizing, JobState::Rejected, JobState::Mining, JobState::Mined,
                                 JobState::Stale, JobState::Cancelled})
        jobs.insert(jobStateName(state), 0);
    for (const PhotoJob& job : node_.miningJobs()) jobs[jobStateName(job.state)] += 1;
    out.family("photoblocks_mining_jobs", "gauge", "Photo mining jobs by state");
    for (auto it = jobs.cbegin(); it != jobs.cend(); ++it) out.sample(it.value(), {{"state", it.key()}});

    out.family("photoblocks_rest_requests_total", "counter", "REST answers by HTTP status since the API started");
    for (auto it = requestsByStatus_.cbegin(); it != requestsByStatus_.cend(); ++it)
        out.sample(double(it.value()), {{"code", QString::number(it.key())}});

    out.histogram("photoblocks_recognizer_duration_seconds", "Time the recognizer took per photo",
                  processTimings().recognizer.snapshot());
    out.histogram("photoblocks_redis_command_duration_seconds", "Round trip of one Redis command",
                  processTimings().redisCommand.snapshot());
    out.family("photoblocks_redis_round_trips_total", "counter",
               "Round trips to Redis since the process started (a pipelined batch or transaction is one)");
    out.sample(double(processTimings().redisRoundTrips.load(std::memory_order_relaxed)));
    return out.text();
}

} // namespace pb::api
