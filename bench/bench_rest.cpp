// bench_rest: how fast does the REST API answer, next to a bare QHttpServer?
// An in-process node on the test network mines a few blocks, then stops mining; its REST API
// runs as photoblocksd runs it (ApiService: RestServer on its own thread, client policy with a
// budget too large to refuse). A bare QHttpServer on a thread of its own answers the same JSON
// (the node's status and a block, captured first) from memory. A load generator on the main
// thread keeps N keep-alive connections busy for S seconds per target and reports requests/s
// and latency percentiles; each target is measured twice, interleaved, and the better run
// counts, so a burst of load elsewhere on the machine hurts both sides alike.
#include "core/api/ApiService.h"
#include "core/api/RestSettings.h"
#include "core/node/Node.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

struct Measurement {
    double requestsPerSecond = 0;
    double p50Ms = 0, p99Ms = 0;
    int errors = 0;  // answers other than 200
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[size_t(p * double(values.size() - 1))];
}

// N keep-alive connections, each sending the next GET as soon as the previous answer is in.
class LoadGenerator : public QObject {
public:
    LoadGenerator(quint16 port, QByteArray path, int connections) : port_(port), request_("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    {
        for (int i = 0; i < connections; ++i) clients_.push_back(std::make_unique<Client>());
    }

    Measurement run(int seconds)
    {
        for (auto& c : clients_) {
            Client* client = c.get();
            QObject::connect(&client->socket, &QTcpSocket::readyRead, this, [this, client] { onReadyRead(*client); });
            client->socket.connectToHost(QHostAddress::LocalHost, port_);
            client->socket.waitForConnected(5000);
            client->socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        }
        QElapsedTimer wall;
        wall.start();
        deadlineMs_ = qint64(seconds) * 1000;
        clock_.start();
        for (auto& c : clients_) send(*c);
        QEventLoop loop;
        QTimer::singleShot(seconds * 1000 + 100, &loop, &QEventLoop::quit);
        loop.exec();
        Measurement m;
        m.requestsPerSecond = double(latenciesMs_.size()) / (double(wall.elapsed()) / 1000.0);
        m.p50Ms = percentile(latenciesMs_, 0.50);
        m.p99Ms = percentile(latenciesMs_, 0.99);
        m.errors = errors_;
        for (auto& c : clients_) c->socket.abort();
        return m;
    }

private:
    struct Client {
        QTcpSocket socket;
        QByteArray buffer;
        qint64 sentNs = 0;
    };

    void send(Client& client)
    {
        if (clock_.elapsed() >= deadlineMs_) return;
        client.sentNs = clock_.nsecsElapsed();
        client.socket.write(request_);
    }

    void onReadyRead(Client& client)
    {
        client.buffer += client.socket.readAll();
        for (;;) {
            const qsizetype headerEnd = client.buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) return;
            const QByteArray headers = client.buffer.left(headerEnd).toLower();
            const qsizetype at = headers.indexOf("content-length:");
            const qsizetype length = at < 0 ? 0 : headers.mid(at + 15, headers.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            if (client.buffer.size() < headerEnd + 4 + length) return;
            if (!client.buffer.startsWith("HTTP/1.1 200")) ++errors_;
            client.buffer.remove(0, headerEnd + 4 + length);
            latenciesMs_.push_back(double(clock_.nsecsElapsed() - client.sentNs) / 1e6);
            send(client);
        }
    }

    quint16 port_;
    QByteArray request_;
    std::vector<std::unique_ptr<Client>> clients_;
    QElapsedTimer clock_;
    qint64 deadlineMs_ = 0;
    std::vector<double> latenciesMs_;
    int errors_ = 0;
};

// A plain QHttpServer on its own thread answering canned JSON: the baseline.
class BareServer {
public:
    BareServer(const QJsonObject& status, const QJsonObject& block)
    {
        anchor_.moveToThread(&thread_);
        thread_.start();
        QMetaObject::invokeMethod(&anchor_, [&] {
            server_ = new QHttpServer;
            server_->route("/status", [status](const QHttpServerRequest&) { return QHttpServerResponse(status); });
            server_->route("/block/<arg>", [block](const QString&, const QHttpServerRequest&) { return QHttpServerResponse(block); });
            // The ceiling: the same JSON serialised once, as the REST API serves it between changes.
            const QByteArray statusText = QJsonDocument(status).toJson(QJsonDocument::Compact);
            const QByteArray blockText = QJsonDocument(block).toJson(QJsonDocument::Compact);
            server_->route("/text/status", [statusText](const QHttpServerRequest&) {
                return QHttpServerResponse("application/json", statusText);
            });
            server_->route("/text/block/<arg>", [blockText](const QString&, const QHttpServerRequest&) {
                return QHttpServerResponse("application/json", blockText);
            });
            port_ = server_->listen(QHostAddress::LocalHost, 0);
        }, Qt::BlockingQueuedConnection);
    }
    ~BareServer()
    {
        QMetaObject::invokeMethod(&anchor_, [this] { delete server_; }, Qt::BlockingQueuedConnection);
        thread_.quit();
        thread_.wait();
    }
    quint16 port() const { return port_; }

private:
    QThread thread_;
    QObject anchor_;
    QHttpServer* server_ = nullptr;
    quint16 port_ = 0;
};

QJsonObject fetchJson(quint16 port, const QByteArray& path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.waitForConnected(5000);
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray data;
    while (socket.waitForReadyRead(5000)) data += socket.readAll();
    return QJsonDocument::fromJson(data.mid(data.indexOf("\r\n\r\n") + 4)).object();
}

double loadAverage()
{
    double load = 0;
    if (FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load) != 1) load = 0;
        std::fclose(f);
    }
    return load;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int connections = 16, seconds = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--connections") connections = std::max(1, args[i + 1].toInt());
        else if (args[i] == "--seconds") seconds = std::max(1, args[i + 1].toInt());
    }
    std::printf("bench_rest: %d keep-alive connections, %d s per run, load average %.1f\n", connections, seconds, loadAverage());

    QTemporaryDir dir("/tmp/pbbenchXXXXXX");
    pb::NodeConfig config;
    config.network = "test";
    config.dataDir = dir.path();
    config.logToStderr = false;
    const auto node = pb::createNode(config);
    bool started = false;
    QObject::connect(node.get(), &pb::Node::started, &app, [&] { started = true; });
    QObject::connect(node.get(), &pb::Node::failed, &app, [](const QString& reason) {
        std::fprintf(stderr, "node failed: %s\n", qPrintable(reason));
        std::exit(1);
    });
    node->start();
    QElapsedTimer waiting;
    waiting.start();
    while (!(started && node->status().ready) && waiting.elapsed() < 60000) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    node->startMining(1);
    while (node->status().height < 10 && waiting.elapsed() < 120000) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    node->stopMining();
    QThread::msleep(500);
    if (node->status().height < 10) {
        std::fprintf(stderr, "the node did not mine 10 blocks\n");
        return 1;
    }

    pb::api::RestSettings settings;
    settings.requestsPerSecond = 1e9;  // the budget is checked on every request but never runs out
    pb::api::ApiService api(*node);
    QString error;
    const quint16 restPort = api.start(settings, &error);
    if (restPort == 0) {
        std::fprintf(stderr, "REST API: %s\n", qPrintable(error));
        return 1;
    }
    const QJsonObject status = fetchJson(restPort, "/api/v1/status");
    const QJsonObject block = fetchJson(restPort, "/api/v1/blocks/5");
    BareServer bare(status, block);

    struct Target {
        const char* name;
        quint16 port;
        QByteArray path;
        Measurement best;
    };
    // Per route: the REST API, a bare route building the JSON object per request (what a
    // handler usually does), and a bare route sending the serialised text (the ceiling).
    std::vector<Target> targets = {{"REST /api/v1/status", restPort, "/api/v1/status", {}},
                                   {"bare /status (object)", bare.port(), "/status", {}},
                                   {"bare /text/status", bare.port(), "/text/status", {}},
                                   {"REST /api/v1/blocks/5", restPort, "/api/v1/blocks/5", {}},
                                   {"bare /block/5 (object)", bare.port(), "/block/5", {}},
                                   {"bare /text/block/5", bare.port(), "/text/block/5", {}}};
    for (int round = 0; round < 2; ++round)
        for (Target& t : targets) {
            LoadGenerator load(t.port, t.path, connections);
            const Measurement m = load.run(seconds);
            std::printf("  round %d %-24s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  non-200: %d\n", round + 1, t.name,
                        m.requestsPerSecond, m.p50Ms, m.p99Ms, m.errors);
            if (m.requestsPerSecond > t.best.requestsPerSecond) t.best = m;
        }
    std::printf("\nbest of 2 runs (JSON bodies: status %lld bytes, block %lld bytes):\n",
                qlonglong(QJsonDocument(status).toJson(QJsonDocument::Compact).size()),
                qlonglong(QJsonDocument(block).toJson(QJsonDocument::Compact).size()));
    bool targetMet = true;
    for (size_t i = 0; i < targets.size(); i += 3) {
        const Target& rest = targets[i];
        for (size_t j = i; j < i + 3; ++j)
            std::printf("  %-24s %8.0f req/s  p99 %6.2f ms\n", targets[j].name, targets[j].best.requestsPerSecond,
                        targets[j].best.p99Ms);
        const double fastestBare = std::max(targets[i + 1].best.requestsPerSecond, targets[i + 2].best.requestsPerSecond);
        const double ratio = rest.best.requestsPerSecond / fastestBare;
        targetMet = targetMet && ratio >= 0.8 && rest.best.errors == 0;
        std::printf("  ratio to the faster bare route %.2f (target >= 0.80)\n", ratio);
    }
    std::printf("target %s; load average %.1f\n", targetMet ? "met" : "NOT met", loadAverage());
    node->stop();
    return 0;
}
