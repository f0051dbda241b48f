// /metrics' text: the exposition writer escapes and groups as format 0.0.4 says, histograms are
// cumulative with +Inf equal to the count, traffic counters never fall when peers come and go;
// and the strict format checker the integration tests rely on refuses each kind of mistake.
#include "core/api/MetricsController.h"
#include "core/api/PrometheusText.h"
#include "tests/support/PrometheusFormat.h"

#include <QtTest>

using namespace pb::api;
using pb::test::checkPrometheusText;

class PrometheusTextTest : public QObject {
    Q_OBJECT
private slots:
    void checkerAcceptsTheFormatsOwnExample()
    {
        const QString text = "# HELP http_requests_total The total number of HTTP requests.\n"
                             "# TYPE http_requests_total counter\n"
                             "http_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000\n"
                             "http_requests_total{method=\"post\",code=\"400\"}    3 1395066363000\n"
                             "# HELP rpc_duration_seconds A histogram.\n"
                             "# TYPE rpc_duration_seconds histogram\n"
                             "rpc_duration_seconds_bucket{le=\"0.05\"} 24054\n"
                             "rpc_duration_seconds_bucket{le=\"0.1\"} 33444\n"
                             "rpc_duration_seconds_bucket{le=\"+Inf\"} 144320\n"
                             "rpc_duration_seconds_sum 53423\n"
                             "rpc_duration_seconds_count 144320\n";
        // Several spaces before a value are allowed by the format; this checker is stricter, so
        // the example is normalised first.
        QString normalised = text;
        normalised.replace("}    3", "} 3");
        const auto parsed = checkPrometheusText(normalised);
        QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.join('\n')));
        QCOMPARE(parsed.value("http_requests_total", {{"method", "post"}, {"code", "400"}}), 3.0);
    }

    void checkerRefusesEachMistake_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        const QString g = "# HELP a_b A.\n# TYPE a_b gauge\n";
        QTest::newRow("no final newline") << g + "a_b 1" << "does not end with a newline";
        QTest::newRow("bad name") << "# HELP 1a x\n# TYPE 1a gauge\n1a 1\n" << "bad metric name";
        QTest::newRow("bad value") << g + "a_b one\n" << "bad value";
        QTest::newRow("bad escape") << g + "a_b{x=\"\\t\"} 1\n" << "malformed labels";
        QTest::newRow("unterminated label") << g + "a_b{x=\"1} 1\n" << "malformed labels";
        QTest::newRow("reserved label") << g + "a_b{__x=\"1\"} 1\n" << "bad label name";
        QTest::newRow("duplicate series") << g + "a_b{x=\"1\"} 1\na_b{x=\"1\"} 2\n" << "duplicate series";
        QTest::newRow("bad HELP escape") << "# HELP a_b A \\t.\n# TYPE a_b gauge\na_b 1\n" << "bad escape in HELP";
        QTest::newRow("no TYPE") << "c_d 1\n" << "without TYPE";
        QTest::newRow("no HELP") << "# TYPE a_b gauge\na_b 1\n" << "no help text";
        QTest::newRow("TYPE after samples") << "# HELP a_b A.\na_b 1\n# TYPE a_b gauge\n" << "after its samples";
        QTest::newRow("split family") << g + "a_b 1\n# HELP c_d C.\n# TYPE c_d gauge\nc_d 1\na_b{x=\"2\"} 1\n" << "continues after";
        QTest::newRow("counter without _total") << "# HELP c C.\n# TYPE c counter\nc 1\n" << "_total suffix";
        QTest::newRow("negative counter") << "# HELP c_total C.\n# TYPE c_total counter\nc_total -1\n" << "negative counter";
        QTest::newRow("camelCase") << "# HELP aB A.\n# TYPE aB gauge\naB 1\n" << "snake_case";
        const QString h = "# HELP h_seconds H.\n# TYPE h_seconds histogram\n";
        QTest::newRow("no +Inf bucket") << h + "h_seconds_bucket{le=\"1\"} 1\nh_seconds_sum 1\nh_seconds_count 1\n" << "+Inf";
        QTest::newRow("buckets fall") << h + "h_seconds_bucket{le=\"1\"} 2\nh_seconds_bucket{le=\"+Inf\"} 1\nh_seconds_sum 1\nh_seconds_count 1\n"
                                      << "not cumulative";
        QTest::newRow("+Inf is not the count") << h + "h_seconds_bucket{le=\"+Inf\"} 2\nh_seconds_sum 1\nh_seconds_count 3\n"
                                               << "differs from _count";
    }

    void checkerRefusesEachMistake()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const QStringList problems = checkPrometheusText(text).problems;
        QVERIFY2(problems.join('\n').contains(problem), qPrintable(problems.join('\n')));
    }

    void writerEscapesLabelsAndHelp()
    {
        PrometheusText out;
        out.family("x_info", "gauge", "Help with a \\ backslash\nand a newline");
        out.sample(1, {{"text", "a \"quoted\" \\ value\non two lines"}});
        out.sample(0.5, {{"text", "plain"}});
        const auto parsed = checkPrometheusText(QString::fromUtf8(out.text()));
        QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.join('\n') + "\n" + out.text()));
        QCOMPARE(parsed.value("x_info", {{"text", "a \"quoted\" \\ value\non two lines"}}), 1.0);
        QCOMPARE(parsed.value("x_info", {{"text", "plain"}}), 0.5);
        QVERIFY(out.text().contains("# HELP x_info Help with a \\\\ backslash\\nand a newline\n"));
    }

    void histogramIsCumulativeWithItsCount()
    {
        pb::DurationHistogram histogram;
        using namespace std::chrono;
        histogram.observe(microseconds(50));   // <= 0.0001
        histogram.observe(milliseconds(2));    // <= 0.0025
        histogram.observe(milliseconds(2));
        histogram.observe(seconds(3));         // above every bound
        PrometheusText out;
        out.histogram("op_duration_seconds", "One operation.", histogram.snapshot());
        const auto parsed = checkPrometheusText(QString::fromUtf8(out.text()));
        QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.join('\n') + "\n" + out.text()));
        QCOMPARE(parsed.value("op_duration_seconds_bucket", {{"le", "0.0001"}}), 1.0);
        QCOMPARE(parsed.value("op_duration_seconds_bucket", {{"le", "0.001"}}), 1.0);
        QCOMPARE(parsed.value("op_duration_seconds_bucket", {{"le", "0.0025"}}), 3.0);
        QCOMPARE(parsed.value("op_duration_seconds_bucket", {{"le", "2.5"}}), 3.0);
        QCOMPARE(parsed.value("op_duration_seconds_bucket", {{"le", "+Inf"}}), 4.0);
        QCOMPARE(parsed.value("op_duration_seconds_count"), 4.0);
        QVERIFY(std::abs(parsed.value("op_duration_seconds_sum") - 3.00405) < 1e-9);
    }

    void trafficTotalsNeverFallWhenPeersComeAndGo()
    {
        pb::net::TrafficTotals totals;
        const auto peer = [](quint64 id, quint64 in, quint64 out) {
            pb::PeerInfo p;
            p.connectionId = id;
            p.bytesIn = in;
            p.bytesOut = out;
            return p;
        };
        totals.sample({peer(1, 100, 10)});
        QCOMPARE(totals.received(), quint64(100));
        totals.sample({peer(1, 150, 20), peer(2, 5, 5)});
        QCOMPARE(totals.received(), quint64(155));
        QCOMPARE(totals.sent(), quint64(25));
        totals.sample({peer(2, 10, 7)});  // 1 closed: its bytes stay counted
        QCOMPARE(totals.received(), quint64(160));
        QCOMPARE(totals.sent(), quint64(27));
        totals.sample({});
        totals.sample({peer(3, 1, 1)});
        QCOMPARE(totals.received(), quint64(161));
    }
};

QTEST_GUILESS_MAIN(PrometheusTextTest)
#include "tst_prometheus_text.moc"
