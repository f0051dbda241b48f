// bench_chain_explorer: is the Chain page smooth over a long chain?
//  1. Storage: a real node on the test network mines a chain; reading a page of 50 blocks with
//     Node::blocksFrom is timed against 50 single findBlock calls (the baseline).
//  2. View: the Chain page's table over 100,000 blocks and, as the baseline, over 100 blocks.
//     The view jumps to 200 random places; each jump is painted (QWidget::grab) and timed, and
//     the time until the rows on screen are loaded is measured. The 100,000-block chain is
//     served by a Node whose blocksFrom makes blocks up after waiting as long as part 1's real
//     page read took, so the view's own cost is what differs between the two runs.
#include "core/node/Node.h"
#include "ui/BlockListModel.h"
#include "ui/ChainPage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[size_t(p * double(values.size() - 1))];
}

// A chain of `height + 1` made-up blocks whose pages cost `pageMicros` to read.
class SyntheticChainNode final : public pb::Node {
public:
    SyntheticChainNode(quint64 height, qint64 pageMicros) : height_(height), pageMicros_(pageMicros) {}
    void start() override {}
    void stop() override {}
    pb::NodeStatus status() const override
    {
        pb::NodeStatus s;
        s.ready = true;
        s.height = height_;
        return s;
    }
    void startMining(int) override {}
    void stopMining() override {}
    std::optional<pb::BlockInfo> findBlock(const QString& heightOrHash, pb::QueryError*) const override
    {
        return block(heightOrHash.toULongLong());
    }
    QList<pb::BlockInfo> blocksFrom(quint64 from, int count, pb::QueryError*) const override
    {
        QThread::usleep(quint64(pageMicros_) * quint64(count) / 50);
        QList<pb::BlockInfo> blocks;
        for (quint64 h = from; h < from + quint64(count) && h <= height_; ++h) blocks.append(block(h));
        return blocks;
    }
    QList<pb::KnownNodeInfo> knownNodes(int, pb::QueryError*) const override { return {}; }
    QList<pb::PeerInfo> peers() const override { return {}; }
    QList<pb::BanInfo> bans() const override { return {}; }
    bool disconnectPeer(const QString&) override { return false; }
    bool ban(const QString&, qint64, const QString&, QString*) override { return false; }
    bool unban(const QString&) override { return false; }
    QList<pb::HistoryPoint> history(pb::HistorySeries, pb::HistoryRange, pb::QueryError*) const override { return {}; }
    std::optional<QByteArray> photo(const QString&) const override { return std::nullopt; }
    std::optional<QByteArray> thumbnail(const QString&) const override { return std::nullopt; }
    QList<pb::PhotoJob> miningJobs() const override { return {}; }
    std::optional<pb::PhotoJob> miningJob(const QString&) const override { return std::nullopt; }
    QStringList recognizerLabels(QString*) const override { return {}; }
    QString recognizerIdentity() const override { return {}; }
    std::optional<pb::PhotoJob> submitMiningJob(const pb::PhotoJobRequest&, pb::QueryError*) override { return std::nullopt; }
    bool cancelMiningJob(const QString&, pb::QueryError*) override { return false; }
    std::optional<pb::AccountInfo> account(const QString&, pb::QueryError*) const override { return std::nullopt; }
    std::optional<QList<pb::TransactionInfo>> addressHistory(const QString&, int, pb::QueryError*) const override
    {
        return std::nullopt;
    }
    std::optional<pb::TransactionInfo> transaction(const QString&, pb::QueryError*) const override { return std::nullopt; }
    QList<pb::TransactionInfo> mempool(pb::QueryError*) const override { return {}; }
    std::optional<pb::TransactionInfo> submitTransfer(const QByteArray&, pb::QueryError*) override { return std::nullopt; }
    std::optional<pb::PhotoRecognitionInfo> recognizePhoto(const QByteArray&, pb::QueryError*) const override
    {
        return std::nullopt;
    }

private:
    static pb::BlockInfo block(quint64 height)
    {
        pb::BlockInfo b;
        b.height = height;
        b.hash = QString::number(height, 16).rightJustified(64, '0');
        b.time = 1'700'000'000 + qint64(height) * 5;
        b.sizeBytes = 172;
        b.transactions.append(pb::TransactionInfo());
        return b;
    }
    quint64 height_;
    qint64 pageMicros_;
};

// Real storage: microseconds per page of 50 via blocksFrom, and via 50 findBlock calls.
std::pair<double, double> measureStorage()
{
    QTemporaryDir dir("/tmp/pbbenchXXXXXX");
    pb::NodeConfig config;
    config.network = "test";
    config.mode = pb::NodeMode::Head;
    config.port = 0;
    config.dataDir = dir.path();
    config.logToStderr = false;
    auto node = pb::createNode(config);
    QSignalSpy started(node.get(), &pb::Node::started);
    node->start();
    if (!started.wait(20000)) qFatal("the node did not start");
    node->startMining(QThread::idealThreadCount());
    QElapsedTimer clock;
    clock.start();
    while (node->status().height < 200 && clock.elapsed() < 60000) QTest::qWait(100);
    node->stopMining();
    const quint64 height = node->status().height;
    std::printf("storage: a real %llu-block test chain in embedded Redis\n", (unsigned long long)height);
    std::vector<double> batched, single;
    for (int round = 0; round < 20; ++round) {
        const quint64 from = QRandomGenerator::global()->bounded(quint64(height - 50));
        clock.restart();
        const auto page = node->blocksFrom(from, 50, nullptr);
        batched.push_back(double(clock.nsecsElapsed()) / 1000.0);
        if (page.size() != 50) qFatal("short page");
        clock.restart();
        for (quint64 h = from; h < from + 50; ++h) node->findBlock(QString::number(h), nullptr);
        single.push_back(double(clock.nsecsElapsed()) / 1000.0);
    }
    node->stop();
    return {percentile(batched, 0.5), percentile(single, 0.5)};
}

struct ViewResult {
    double paintMedianMs, paintP95Ms, paintMaxMs, loadMedianMs, loadP95Ms;
    int pagesFetched;
};

ViewResult measureView(quint64 height, qint64 pageMicros)
{
    SyntheticChainNode node(height, pageMicros);
    pb::ui::ChainPage page(node);
    page.resize(1000, 700);
    page.show();
    page.refresh(node.status());
    QTableView* view = page.view();
    pb::ui::BlockListModel* model = page.model();
    std::vector<double> paint, load;
    QElapsedTimer clock;
    for (int jump = 0; jump < 200; ++jump) {
        const int row = int(QRandomGenerator::global()->bounded(quint64(model->rowCount())));
        clock.start();
        view->scrollTo(model->index(row, pb::ui::BlockListModel::Height), QAbstractItemView::PositionAtTop);
        page.grab();
        paint.push_back(double(clock.nsecsElapsed()) / 1e6);
        const quint64 wanted = model->heightForRow(row);
        while (!model->loadedBlock(wanted) && clock.elapsed() < 5000) QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        load.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return {percentile(paint, 0.5), percentile(paint, 0.95), percentile(paint, 1.0), percentile(load, 0.5),
            percentile(load, 0.95), model->pagesFetched()};
}

void printView(const char* name, const ViewResult& r)
{
    std::printf("%-24s paint per jump median %.2f ms, p95 %.2f ms, max %.2f ms; rows loaded after median %.1f ms, "
                "p95 %.1f ms; %d pages fetched\n",
                name, r.paintMedianMs, r.paintP95Ms, r.paintMaxMs, r.loadMedianMs, r.loadP95Ms, r.pagesFetched);
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const auto [batchedMicros, singleMicros] = measureStorage();
    std::printf("page of 50 blocks: blocksFrom median %.0f us; 50 x findBlock (baseline) median %.0f us (x%.1f)\n",
                batchedMicros, singleMicros, singleMicros / std::max(1.0, batchedMicros));

    const ViewResult small = measureView(99, qint64(batchedMicros));
    const ViewResult large = measureView(99'999, qint64(batchedMicros));
    printView("100 blocks (baseline):", small);
    printView("100,000 blocks:", large);
    const bool smooth = large.paintP95Ms < 16.7;
    std::printf("target: paint p95 under one 60 Hz frame (16.7 ms) with 100,000 blocks: %s\n", smooth ? "met" : "NOT met");
    return 0;
}
