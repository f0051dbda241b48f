#pragma once
// Runs a real photoblocksd for integration tests and talks to its REST API over loopback.
#include "tests/support/FreeLoopbackPort.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>
#include <csignal>
#include <functional>

namespace pb::test {

struct HttpResult {
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QByteArray allow;  // the Allow header
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
        return {};
    }
};

using RequestHeaders = QList<QPair<QByteArray, QByteArray>>;

// Any method, any body (sent as JSON unless `headers` name another Content-Type) to the node's
// loopback REST port.
inline HttpResult httpSend(quint16 port, const QByteArray& method, const QString& path, const QByteArray& body = {},
                           int timeoutMs = 10000, const RequestHeaders& headers = {})
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QString("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setTransferTimeout(timeoutMs);
    if (!body.isEmpty()) request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    for (const auto& [name, value] : headers) request.setRawHeader(name, value);  // may replace the Content-Type
    QNetworkReply* reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.allow = reply->rawHeader("Allow");
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

inline HttpResult httpGet(quint16 port, const QString& path, int timeoutMs = 5000)
{
    return httpSend(port, "GET", path, {}, timeoutMs);
}

struct RawHttpAnswer {
    int status = 0;  // 0: no answer (within the wait)
    QByteArray body;
};

// Bytes written as they are to the loopback port, for what QNetworkAccessManager will not send
// (another Host, none, broken framing); waits up to waitMs for a whole answer (a HEAD's has no body).
inline RawHttpAnswer rawHttpExchange(quint16 port, const QByteArray& bytes, int waitMs, bool head = false)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000)) return {};
    socket.write(bytes);
    socket.flush();
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    qsizetype headerEnd = -1, expected = -1;
    while (timer.elapsed() < waitMs) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(100)) {
            if (socket.state() != QAbstractSocket::ConnectedState) break;
            continue;
        }
        data += socket.readAll();
        if (headerEnd < 0 && (headerEnd = data.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray headers = data.left(headerEnd).toLower();
            const qsizetype at = headers.indexOf("content-length:");
            expected = at < 0 || head ? 0 : headers.mid(at + 15, headers.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        }
        if (headerEnd >= 0 && data.size() >= headerEnd + 4 + expected) break;
    }
    socket.abort();
    RawHttpAnswer answer;
    if (!data.startsWith("HTTP/1.1 ")) return answer;
    answer.status = data.mid(9, 3).toInt();
    if (headerEnd >= 0) answer.body = data.mid(headerEnd + 4);
    return answer;
}

// Polls `condition` with the event loop running until it holds or `timeoutMs` passes.
inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (condition()) return true;
        QTest::qWait(100);
    }
    return condition();
}

// True while a process with this pid exists (zombies of other parents included).
inline bool processAlive(qint64 pid) { return pid > 0 && ::kill(pid_t(pid), 0) == 0; }

class DaemonProcess {
public:
    explicit DaemonProcess(QString dataDir) : dataDir_(std::move(dataDir))
    {
        process_.setProcessChannelMode(QProcess::SeparateChannels);
    }
    ~DaemonProcess()
    {
        if (process_.state() != QProcess::NotRunning) {
            process_.kill();
            process_.waitForFinished(5000);
        }
    }

    quint16 restPort() const { return restPort_; }
    QString dataDir() const { return dataDir_; }

    // The operator token the running daemon wrote to <datadir>/api.cookie (empty when none).
    QByteArray operatorToken() const
    {
        QFile cookie(dataDir_ + "/api.cookie");
        return cookie.open(QIODevice::ReadOnly) ? cookie.readLine().trimmed() : QByteArray();
    }
    // A request to an operator route: with the operator token as a bearer token.
    HttpResult operatorSend(const QByteArray& method, const QString& path, const QByteArray& body = {},
                            RequestHeaders headers = {})
    {
        headers.append({"Authorization", "Bearer " + operatorToken()});
        return httpSend(restPort_, method, path, body, 10000, headers);
    }
    HttpResult operatorGet(const QString& path) { return operatorSend("GET", path); }
    QProcess& process() { return process_; }
    QString stderrText() { return stderr_ += QString::fromUtf8(process_.readAllStandardError()), stderr_; }

    // Which --network start() passes; empty passes none (for --network-file alone).
    void setNetwork(const QString& network) { network_ = network; }
    // "https": start() waits for the daemon to announce its HTTPS API instead of probing HTTP.
    void setRestScheme(const QString& scheme) { restScheme_ = scheme; }
    // A command the daemon runs under, e.g. {"prlimit", "--nofile=256", "--"}.
    void setLauncher(const QStringList& launcher) { launcher_ = launcher; }
    // The daemon's pid (its launcher's exec keeps it).
    qint64 pid() const { return process_.processId(); }

    // Starts the daemon (on the test network unless told otherwise) with a REST port; waits
    // until /status answers.
    bool start(const QStringList& extraArgs, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        restPort_ = freeLoopbackPort();
        process_.setProcessEnvironment(env);
        QStringList args{"--datadir", dataDir_, "--rest-port", QString::number(restPort_)};
        if (!network_.isEmpty()) args << "--network" << network_;
        if (launcher_.isEmpty()) process_.start(PB_DAEMON_PATH, args + extraArgs);
        else process_.start(launcher_.front(), launcher_.mid(1) + QStringList{PB_DAEMON_PATH} + args + extraArgs);
        if (!process_.waitForStarted(5000)) return false;
        const auto answers = [this] {
            if (restScheme_ == "https") return stderrText().contains("REST API on https://");
            return httpGet(restPort_, "/api/v1/status", 1000).status == 200;
        };
        waitUntil([&] { return process_.state() != QProcess::Running || answers(); }, 20000);
        return process_.state() == QProcess::Running && answers();
    }

    QJsonObject status() { return httpGet(restPort_, "/api/v1/status").json; }
    qint64 height() { return status().value("height").toInteger(-1); }

    // The pid of the embedded redis-server, from its pidfile.
    qint64 redisPid() const
    {
        QFile f(dataDir_ + "/redis/redis.pid");
        if (!f.open(QIODevice::ReadOnly)) return 0;
        return f.readAll().trimmed().toLongLong();
    }

    int terminate(int timeoutMs = 15000)
    {
        ::kill(pid_t(process_.processId()), SIGTERM);
        process_.waitForFinished(timeoutMs);
        stderrText();
        return process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
    }

    void killHard()
    {
        ::kill(pid_t(process_.processId()), SIGKILL);
        process_.waitForFinished(5000);
    }

private:
    QString dataDir_;
    QString network_ = "test";
    QString restScheme_ = "http";
    QStringList launcher_;
    QProcess process_;
    quint16 restPort_ = 0;
    QString stderr_;
};

} // namespace pb::test
