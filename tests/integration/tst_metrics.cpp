// GET /metrics of a real mining photoblocksd with a real peer: the text passes the strict
// Prometheus format check (promtool's rules, tests/support/PrometheusFormat.h) and its values
// follow what the node does: height and blocks found rise, the peer shows inbound with traffic,
// a photo job is counted by state and its recognition timed, Redis round trips are timed and
// REST answers are counted by status.
#include "DaemonProcess.h"
#include "tests/support/PrometheusFormat.h"

#include <QTemporaryDir>

using namespace pb::test;

namespace {

PrometheusParse scrape(DaemonProcess& node, HttpResult* raw = nullptr)
{
    const HttpResult r = node.operatorGet("/metrics");
    if (raw) *raw = r;
    PrometheusParse parsed = checkPrometheusText(QString::fromUtf8(r.body));
    if (r.status != 200) parsed.problems.prepend(QString("HTTP %1").arg(r.status));
    return parsed;
}

} // namespace

class MetricsTest : public QObject {
    Q_OBJECT
private slots:
    void metricsFollowAMiningNodeWithAPeer()
    {
        QTemporaryDir dir("/tmp/pbXXXXXX");
        const quint16 peerPort = freeLoopbackPort();
        DaemonProcess miner(dir.filePath("miner"));
        QVERIFY2(miner.start({"--mine", "--threads", "1", "--port", QString::number(peerPort)}), qPrintable(miner.stderrText()));
        QVERIFY(waitUntil([&] { return miner.height() >= 3; }, 60000));

        HttpResult raw;
        PrometheusParse m = scrape(miner, &raw);
        QVERIFY2(m.problems.isEmpty(), qPrintable(m.problems.join('\n') + "\n" + raw.body));
        QCOMPARE(raw.header("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(m.types.value("photoblocks_blocks_found_total"), QString("counter"));
        QCOMPARE(m.types.value("photoblocks_redis_command_duration_seconds"), QString("histogram"));
        QCOMPARE(m.value("photoblocks_up"), 1.0);
        QVERIFY(m.value("photoblocks_chain_height") >= 3);
        QVERIFY(m.value("photoblocks_blocks_found_total") >= 3);
        QCOMPARE(m.value("photoblocks_mining_active"), 1.0);
        QCOMPARE(m.value("photoblocks_mining_threads"), 1.0);
        QVERIFY(m.value("photoblocks_hashrate_hashes_per_second", {{"window", "60s"}}) > 0);
        QVERIFY(m.value("photoblocks_tip_age_seconds") >= 0 && m.value("photoblocks_tip_age_seconds") < 600);
        QVERIFY(m.value("photoblocks_redis_command_duration_seconds_count") > 0);
        // Every timed command is a round trip; pipelines and transactions are more of them.
        QCOMPARE(m.types.value("photoblocks_redis_round_trips_total"), QString("counter"));
        QVERIFY(m.value("photoblocks_redis_round_trips_total") > m.value("photoblocks_redis_command_duration_seconds_count"));
        QCOMPARE(m.value("photoblocks_peers", {{"direction", "inbound"}}), 0.0);
        QCOMPARE(m.value("photoblocks_sync_progress_ratio"), 1.0);
        const double okAnswers = m.value("photoblocks_rest_requests_total", {{"code", "200"}});
        QVERIFY(okAnswers > 0);  // the start-up probes and height polls

        // A photo job: counted by state, its recognition timed.
        QFile photo("/usr/share/doc/opencv-doc/examples/data/messi5.jpg");
        QVERIFY(photo.open(QIODevice::ReadOnly));
        const QJsonObject job{{"photo", QString::fromLatin1(photo.readAll().toBase64())}, {"label", "person"}};
        QCOMPARE(httpSend(miner.restPort(), "POST", "/api/v1/mining/jobs", QJsonDocument(job).toJson()).status, 202);
        QCOMPARE(httpGet(miner.restPort(), "/api/v1/no-such-route").status, 404);
        QVERIFY2(waitUntil([&] { return scrape(miner).value("photoblocks_recognizer_duration_seconds_count") >= 1; }, 60000),
                 "the recognition was not timed");
        m = scrape(miner, &raw);
        QVERIFY2(m.problems.isEmpty(), qPrintable(m.problems.join('\n') + "\n" + raw.body));
        double jobs = 0;
        for (const char* state : {"queued", "recognizing", "rejected", "mining", "mined", "stale", "cancelled"}) {
            const double n = m.value("photoblocks_mining_jobs", {{"state", state}});
            QVERIFY2(!std::isnan(n), state);  // every state is listed, 0 or not
            jobs += n;
        }
        QCOMPARE(jobs, 1.0);
        QVERIFY(m.value("photoblocks_recognizer_duration_seconds_sum") > 0);
        QVERIFY(m.value("photoblocks_rest_requests_total", {{"code", "200"}}) > okAnswers);
        QCOMPARE(m.value("photoblocks_rest_requests_total", {{"code", "202"}}), 1.0);
        QCOMPARE(m.value("photoblocks_rest_requests_total", {{"code", "404"}}), 1.0);

        // A peer syncs from the miner: inbound there, traffic both ways, counters never fall.
        const double sentBefore = m.value("photoblocks_peer_sent_bytes_total");
        DaemonProcess follower(dir.filePath("follower"));
        QVERIFY2(follower.start({"--seed", QString("127.0.0.1:%1").arg(peerPort)}), qPrintable(follower.stderrText()));
        QVERIFY2(waitUntil([&] { return scrape(miner).value("photoblocks_peers", {{"direction", "inbound"}}) == 1.0; }, 30000),
                 qPrintable(follower.stderrText()));
        QVERIFY(waitUntil([&] {
            const PrometheusParse f = scrape(follower);
            return f.value("photoblocks_peers", {{"direction", "outbound"}}) == 1.0 && f.value("photoblocks_sync_best_peer_height") >= 3
                   && f.value("photoblocks_peer_received_bytes_total") > 0;
        }, 30000));
        QVERIFY(waitUntil([&] { return scrape(miner).value("photoblocks_peer_sent_bytes_total") > sentBefore; }, 15000));
        const PrometheusParse f = scrape(follower);
        QVERIFY2(f.problems.isEmpty(), qPrintable(f.problems.join('\n')));
        QVERIFY(f.value("photoblocks_sync_progress_ratio") > 0 && f.value("photoblocks_sync_progress_ratio") <= 1);
        QCOMPARE(f.value("photoblocks_mining_active"), 0.0);

        const double received = f.value("photoblocks_peer_received_bytes_total");
        QCOMPARE(follower.terminate(), 0);
        QVERIFY(waitUntil([&] { return scrape(miner).value("photoblocks_peers", {{"direction", "inbound"}}) == 0.0; }, 30000));
        QVERIFY(scrape(miner).value("photoblocks_peer_sent_bytes_total") >= sentBefore);
        QVERIFY(received > 0);
        QCOMPARE(miner.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(MetricsTest)
#include "tst_metrics.moc"
