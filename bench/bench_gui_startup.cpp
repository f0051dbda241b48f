// bench_gui_startup: is the desktop app usable within 2 s of its start on a 100,000-block chain?
//  1. A custom network whose blocks are solved in a few hashes, and its chain mined into a real
//     redis-server through Chain::submitBlock, as a node would have stored it: N blocks (the
//     target, default 100,000) and 100 blocks (the baseline, in the same run).
//  2. For each chain, the real desktop app (app::runDesktopApp, as gui_main runs it; offscreen)
//     starts in a child process of this benchmark on that Redis, three times. The child prints
//     when its window was shown, when the node had loaded the chain, and when the Chain page
//     showed the tip's row; then for 2 s the Chain page jumps to random rows every 50 ms while
//     a 10 ms timer measures the event loop's longest gap (what a user feels as a freeze); then
//     its resident memory. Times count from the child process's start (QProcess::start).
#include "app/DesktopApp.h"
#include "core/chain/Chain.h"
#include "core/mining/BlockAssembler.h"
#include "core/node/NetworkFile.h"
#include "core/node/Node.h"
#include "core/storage/RedisChainStore.h"
#include "tests/support/ScratchRedis.h"
#include "tests/support/SolveBlock.h"
#include "ui/BlockListModel.h"
#include "ui/ChainPage.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace pb;

namespace {

const uint64_t kStartTime = 1793500000;

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

long residentKib()
{
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

// The child: the desktop app, and a user who waits for the tip's row, then scrolls around.
int runChild(int argc, char* argv[])
{
    std::vector<char*> appArgv{argv[0]};
    for (int i = 2; i < argc; ++i) appArgv.push_back(argv[i]);
    int appArgc = int(appArgv.size());
    QApplication app(appArgc, appArgv.data());
    QApplication::setOrganizationName("photoblocks");
    QApplication::setApplicationName("photoblocks");
    QSettings().setValue("wallet/firstRunSkipped", true);  // a returning user: no first-run offer

    return app::runDesktopApp(app, [](ui::MainWindow& window, Node& node) {
        std::printf("shown %lld\n", nowMs());
        QObject::connect(&node, &Node::started, &window, [] { std::printf("started %lld\n", nowMs()); });
        window.resize(1100, 760);
        window.showPage(ui::MainWindow::ChainIndex);
        auto* poll = new QTimer(&window);
        QObject::connect(poll, &QTimer::timeout, &window, [&window, &node, poll] {
            ui::BlockListModel* model = window.chainPage()->model();
            const quint64 height = node.status().height;
            if (!node.status().ready || height == 0 || model->rowCount() == 0) return;
            const QModelIndex top = model->index(0, ui::BlockListModel::Hash);  // "…" until its page is read
            if (model->data(top, ui::BlockListModel::HeightRole).toULongLong() != height || top.data().toString().size() < 3)
                return;
            poll->stop();
            std::printf("tip-row %lld height %llu\n", nowMs(), static_cast<unsigned long long>(height));
            std::fflush(stdout);
            // Two seconds of a user scrolling: the longest gap between 10 ms ticks.
            auto* ticks = new QTimer(&window);
            auto* jumps = new QTimer(&window);
            auto last = std::make_shared<QElapsedTimer>();
            auto longest = std::make_shared<qint64>(0);
            last->start();
            QObject::connect(ticks, &QTimer::timeout, &window, [last, longest] {
                *longest = std::max(*longest, last->restart());
            });
            QObject::connect(jumps, &QTimer::timeout, &window, [&window, model] {
                const int row = int(QRandomGenerator::global()->bounded(quint32(model->rowCount())));
                window.chainPage()->view()->scrollTo(model->index(row, 0));
            });
            ticks->start(10);
            jumps->start(50);
            QTimer::singleShot(2000, &window, [&window, longest] {
                std::printf("longest-gap-ms %lld\nrss-kib %ld\n", *longest, residentKib());
                std::fflush(stdout);
                app::quitEverything(window);
            });
        });
        poll->start(5);
    });
}

// Mines `blocks` blocks of `net` into `redis` the way a node stores them.
void mineChain(const NetworkParams& net, test::ScratchRedis& redis, size_t blocks)
{
    storage::RedisChainStore store(redis.client(), redis.photos(), net.name);
    store.checkSchema();
    Chain chain(net, store);
    chain.load();
    crypto::AddressHash payTo;
    payTo.fill(0x5A);
    for (size_t i = 0; i < blocks; ++i) {
        const uint64_t now = kStartTime + i;
        mining::BlockTemplate t = mining::BlockAssembler(chain).assemble(payTo, now);
        test::solve(t.block);
        if (chain.submitBlock(t.block.serialize(), nullptr, now).outcome != AcceptOutcome::Connected)
            throw std::runtime_error("the chain did not take its own block");
    }
}

struct Run {
    double shownMs = 0, startedMs = 0, tipRowMs = 0;
    long longestGapMs = 0, rssKib = 0;
};

// Starts the app on the chain in `redis` and reads what the child printed.
std::optional<Run> runApp(const QString& self, const QString& networkFile, const QString& redisSocket)
{
    QTemporaryDir home("/tmp/pbguiXXXXXX"), dataDir("/tmp/pbguiXXXXXX");
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", home.path());
    env.insert("XDG_CONFIG_HOME", home.path() + "/.config");
    env.insert("QT_QPA_PLATFORM", "offscreen");
    child.setProcessEnvironment(env);
    const QStringList args{"--child", "--datadir", dataDir.path(), "--network-file", networkFile,
                           "--redis", "unix://" + redisSocket + "?db=0", "--port", "0"};
    const qint64 start = nowMs();
    child.start(self, args);
    if (!child.waitForFinished(120000)) {
        child.kill();
        std::fprintf(stderr, "the app did not finish in 120 s\n%s\n", child.readAllStandardError().constData());
        return std::nullopt;
    }
    Run run;
    int seen = 0;
    for (const QByteArray& line : child.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> words = line.split(' ');
        if (words.size() < 2) continue;
        const double atMs = double(words[1].toLongLong() - start);
        if (words[0] == "shown") run.shownMs = atMs, ++seen;
        else if (words[0] == "started") run.startedMs = atMs, ++seen;
        else if (words[0] == "tip-row") run.tipRowMs = atMs, ++seen;
        else if (words[0] == "longest-gap-ms") run.longestGapMs = words[1].toLong(), ++seen;
        else if (words[0] == "rss-kib") run.rssKib = words[1].toLong(), ++seen;
    }
    if (seen != 5) {
        std::fprintf(stderr, "the app printed %d of 5 measurements\n%s\n", seen, child.readAllStandardError().right(3000).constData());
        return std::nullopt;
    }
    return run;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc > 1 && std::strcmp(argv[1], "--child") == 0) return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    size_t blocks = 100000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--blocks") == 0 && i + 1 < argc) blocks = std::strtoull(argv[++i], nullptr, 10);
        else {
            std::fprintf(stderr, "usage: bench_gui_startup [--blocks N]   (default 100000; the baseline is 100)\n");
            return 2;
        }
    }
    QTemporaryDir dir("/tmp/pbguiXXXXXX");
    CustomNetworkSpec spec;
    spec.name = "bench-gui";
    spec.genesisTime = kStartTime - 1;
    spec.genesisBits = spec.powLimitBits = 0x207fffff;  // a block in a few hashes
    spec.retargetInterval = 0;
    std::string error;
    const auto net = customNetwork(spec, &error);
    if (!net) {
        std::fprintf(stderr, "network: %s\n", error.c_str());
        return 1;
    }
    const QString networkFile = dir.path() + "/network.json";
    if (const QString e = writeNetworkFile(*net, networkFile); !e.isEmpty()) {
        std::fprintf(stderr, "network file: %s\n", qPrintable(e));
        return 1;
    }
    std::printf("load average %s", QFile("/proc/loadavg").open(QIODevice::ReadOnly) ? "" : "?");
    if (QFile load("/proc/loadavg"); load.open(QIODevice::ReadOnly)) std::printf("%s", load.readLine().constData());
    std::printf("\n%8s %10s %10s %10s %14s %10s\n", "blocks", "shown ms", "loaded ms", "tip row ms", "longest gap ms", "RSS MiB");
    for (const size_t length : {size_t(100), blocks}) {
        test::ScratchRedis redis;
        QString redisError;
        if (!redis.start(&redisError)) {
            std::fprintf(stderr, "redis: %s\n", qPrintable(redisError));
            return 1;
        }
        QElapsedTimer mining;
        mining.start();
        mineChain(*net, redis, length);
        std::fprintf(stderr, "mined %zu blocks in %.1f s\n", length, double(mining.elapsed()) / 1000);
        std::vector<double> shown, started, tipRow, gap, rss;
        for (int round = 0; round < 3; ++round) {
            const auto run = runApp(QCoreApplication::applicationFilePath(), networkFile, redis.socketPath());
            if (!run) return 1;
            shown.push_back(run->shownMs);
            started.push_back(run->startedMs);
            tipRow.push_back(run->tipRowMs);
            gap.push_back(double(run->longestGapMs));
            rss.push_back(double(run->rssKib) / 1024);
        }
        std::printf("%8zu %10.0f %10.0f %10.0f %14.0f %10.0f\n", length, median(shown), median(started), median(tipRow),
                    median(gap), median(rss));
        if (length == blocks)
            std::printf("usable (tip row shown) in %.2f s: %s the 2 s target; longest freeze while scrolling %.0f ms\n",
                        median(tipRow) / 1000, median(tipRow) < 2000 ? "within" : "NOT within", median(gap));
    }
    return 0;
}
