// The traffic chart (Peers page) and the hashrate chart (Mining page) over a real engine on
// the test network (embedded Redis): six days of hourly samples stored in the node's Redis
// show up when the 7 d range is chosen, as much of them as the range covers for 24 h and none
// for 10 min; after the app and its node restart on the same data directory the history is
// still there, and the restarted engine stores samples of its own. Screenshots: screenshots/traffic-history-7d.png, hashrate-history-24h.png.
#include "core/node/Node.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisEndpoint.h"
#include "core/storage/RedisSeriesStore.h"
#include "core/wallet/Keystore.h"
#include "tests/support/Screenshots.h"
#include "ui/HistoryChart.h"
#include "ui/MainWindow.h"
#include "ui/MiningPage.h"
#include "ui/PeersPage.h"
#include "ui/TimeSeriesChart.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

namespace {

constexpr qint64 kHour = 3600;
constexpr int kStoredHours = 6 * 24;  // hourly samples from six days ago until an hour ago

// The time of the oldest point a chart shows, msecs since the epoch.
qint64 firstPointMs(pb::ui::TimeSeriesChart* chart)
{
    auto* line = static_cast<QLineSeries*>(chart->chart()->series().at(0));
    return line->count() > 0 ? qint64(line->at(0).x()) : 0;
}

} // namespace

class GuiHistoryTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<pb::Node> node_;
    std::unique_ptr<pb::ui::MainWindow> window_;
    qint64 storedUntil_ = 0;  // seconds: the newest stored sample
    qint64 startedAt_ = 0;    // seconds: when the node started sampling

    void startApp()
    {
        pb::NodeConfig config;
        config.network = "test";
        config.dataDir = dir_.filePath("node");
        config.logToStderr = false;
        config.port = 0;
        node_ = pb::createNode(config);
        window_ = std::make_unique<pb::ui::MainWindow>(*node_, pb::wallet::Keystore::fileIn(config.dataDir));
        window_->resize(1100, 760);
        window_->show();
        QSignalSpy started(node_.get(), &pb::Node::started);
        node_->start();
        QVERIFY(started.wait(30000));
        startedAt_ = QDateTime::currentSecsSinceEpoch();
    }
    void stopApp()
    {
        window_.reset();
        if (node_) node_->stop();
        node_.reset();
    }
    // Chooses `range` in the chart's selector and waits until its stored history is shown.
    void choose(pb::ui::HistoryChart* chart, const QString& range)
    {
        QSignalSpy shown(chart, &pb::ui::HistoryChart::historyShown);
        const int index = chart->rangeBox()->findText(range);
        QVERIFY2(index >= 0, qPrintable(range));
        if (chart->rangeBox()->currentIndex() == index) chart->rangeBox()->setCurrentIndex((index + 1) % 4);
        chart->rangeBox()->setCurrentIndex(index);
        QVERIFY(shown.wait(5000));
    }

private slots:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.filePath("settings"));
        QApplication::setOrganizationName("photoblocks-test");
        QApplication::setQuitOnLastWindowClosed(false);
        startApp();
    }
    void cleanupTestCase() { stopApp(); }

    void chosenRangeShowsTheStoredHistory()
    {
        // Six days of a daily rhythm, written where the node keeps its history.
        QString error;
        const auto endpoint = pb::storage::RedisEndpoint::parse(node_->status().storage, &error);
        QVERIFY2(endpoint, qPrintable(error));
        auto redis = pb::storage::RedisClient::connect(*endpoint, 5000, &error);
        QVERIFY2(redis, qPrintable(error));
        pb::storage::RedisSeriesStore store(*redis, "test");
        storedUntil_ = QDateTime::currentSecsSinceEpoch() - kHour;
        for (int hour = 0; hour < kStoredHours; ++hour) {
            const qint64 t = storedUntil_ - hour * kHour;
            const double rhythm = 1 + std::sin(double(t % 86400) / 86400 * 2 * M_PI);
            store.add("bytes_in", t, 4000 + 3000 * rhythm);
            store.add("bytes_out", t, 1500 + 1000 * rhythm);
            store.add("hashrate", t, 2e5 + 1e5 * rhythm);
        }

        pb::ui::HistoryChart* traffic = window_->peersPage()->trafficHistory();
        window_->showPage(pb::ui::MainWindow::PeersIndex);
        QCOMPARE(traffic->rangeBox()->currentText(), QString("10 min"));
        choose(traffic, "7 d");
        QCOMPARE(traffic->range(), pb::HistoryRange::SevenDays);
        // 6 days of 84-minute buckets (a few more live ones may follow).
        QVERIFY2(traffic->chart()->sampleCount() >= 100, qPrintable(QString::number(traffic->chart()->sampleCount())));
        const qint64 oldest = (storedUntil_ - (kStoredHours - 1) * kHour) * 1000;
        QVERIFY(std::abs(firstPointMs(traffic->chart()) - oldest) <= 5040 * 1000);
        QVERIFY2(traffic->chart()->axisUnit() == "kB/s", qPrintable(traffic->chart()->axisUnit()));
        QTest::qWait(300);  // the chart lays out its new axis title on the event loop
        pb::test::saveScreenshot(traffic, "traffic-history-7d");

        choose(traffic, "24 h");
        // 23 hourly samples lie within the last day; the node's own (idle) samples add a bucket or two.
        const int day = traffic->chart()->sampleCount();
        QVERIFY2(day >= 23 && day <= 27, qPrintable(QString::number(day)));
        QVERIFY(firstPointMs(traffic->chart()) >= (QDateTime::currentSecsSinceEpoch() - 86400) * 1000 - 720 * 1000);

        choose(traffic, "10 min");
        // Nothing stored in the last hour but the node's own samples, one per 5 s since it started.
        const qint64 ownBuckets = (QDateTime::currentSecsSinceEpoch() - startedAt_) / 5 + 2;
        QVERIFY2(traffic->chart()->sampleCount() <= ownBuckets, qPrintable(QString::number(traffic->chart()->sampleCount())));
        QVERIFY(traffic->chart()->sampleCount() == 0
                || firstPointMs(traffic->chart()) >= (QDateTime::currentSecsSinceEpoch() - 600) * 1000);

        pb::ui::HistoryChart* hashrate = window_->miningPage()->hashrateHistory();
        window_->showPage(pb::ui::MainWindow::MiningIndex);
        choose(hashrate, "24 h");
        QVERIFY(hashrate->chart()->sampleCount() >= 23);
        QVERIFY2(hashrate->chart()->axisUnit() == "kH/s", qPrintable(hashrate->chart()->axisUnit()));
        QTest::qWait(300);
        pb::test::saveScreenshot(hashrate, "hashrate-history-24h");
    }

    void historyOutlivesARestartOfTheApp()
    {
        stopApp();
        startApp();
        pb::ui::HistoryChart* traffic = window_->peersPage()->trafficHistory();
        choose(traffic, "7 d");
        QVERIFY(traffic->chart()->sampleCount() >= 100);
        const qint64 oldest = (storedUntil_ - (kStoredHours - 1) * kHour) * 1000;
        QVERIFY(std::abs(firstPointMs(traffic->chart()) - oldest) <= 5040 * 1000);

        // The restarted engine goes on sampling: within two 5-second buckets its own (idle)
        // samples are stored, and the hashrate chart's 10 min range shows them.
        pb::QueryError error;
        QTRY_VERIFY_WITH_TIMEOUT(!node_->history(pb::HistorySeries::Hashrate, pb::HistoryRange::TenMinutes, &error).isEmpty(), 15000);
        const auto own = node_->history(pb::HistorySeries::Sent, pb::HistoryRange::TenMinutes, &error);
        QVERIFY(!own.isEmpty());
        QCOMPARE(own.last().value, 0.0);  // no peers
        QVERIFY(own.last().time >= startedAt_ - 5);
    }
};

QTEST_MAIN(GuiHistoryTest)
#include "tst_gui_history.moc"
