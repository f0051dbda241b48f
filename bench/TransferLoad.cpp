#include "bench/TransferLoad.h"

#include "bench/BenchHttp.h"
#include "core/api/TransferJson.h"
#include "core/chain/NetworkParams.h"
#include "core/crypto/Address.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QThread>

namespace pb::bench {

namespace {

// The dust limit and the default minimum fee of the test network: the cheapest valid transfer.
constexpr quint64 kAmount = 1000;
constexpr quint64 kFee = 1000;

QString addressOf(const crypto::Ed25519Key& key)
{
    return QString::fromStdString(crypto::encodeAddress(crypto::addressFromPublicKey(key.publicKey())));
}

QString randomAddress()
{
    crypto::AddressHash to;
    for (auto& b : to) b = uint8_t(QRandomGenerator::global()->bounded(256));
    return QString::fromStdString(crypto::encodeAddress(to));
}

} // namespace

TransferLoad::TransferLoad(std::vector<quint16> restPorts, int senders)
    : restPorts_(std::move(restPorts)), reward_(crypto::Ed25519Key::generate())
{
    for (int i = 0; i < senders; ++i)
        senders_.push_back({crypto::Ed25519Key::generate(), restPorts_[QRandomGenerator::global()->bounded(int(restPorts_.size()))]});
    connect(&timer_, &QTimer::timeout, this, &TransferLoad::submitNext);
    timer_.setTimerType(Qt::PreciseTimer);
}

QString TransferLoad::rewardAddress() const { return addressOf(reward_); }

bool TransferLoad::fundSenders(quint16 port, quint64 unitsEach, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    const auto waitForBalance = [&](quint16 at, const QString& address, quint64 units) {
        while (getJson(at, "/api/v1/addresses/" + address).value("balance").toInteger() < qint64(units)) {
            if (clock.elapsed() > timeoutMs) return false;
            QEventLoop().processEvents(QEventLoop::AllEvents, 100);
            QThread::msleep(100);
        }
        return true;
    };
    if (!waitForBalance(port, rewardAddress(), quint64(senders_.size()) * (unitsEach + kFee))) return false;
    // One at a time: concurrent requests may arrive out of nonce order, and a gap is refused.
    // The REST API answers 429 above 50 requests a second from one address: paced, and a
    // refusal is sent again.
    for (const Sender& s : senders_) {
        for (int attempt = 0; attempt < 10; ++attempt) {
            QNetworkReply* reply = post(port, reward_, addressOf(s.key), unitsEach, rewardNonce_);
            int status = 0;
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, [&] {
                status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                loop.quit();
            });
            loop.exec();
            QThread::msleep(25);
            if (status == 202) break;
            QThread::msleep(1000);
        }
        ++rewardNonce_;
    }
    for (const Sender& s : senders_)
        if (!waitForBalance(s.port, addressOf(s.key), unitsEach)) return false;
    submitted_ = accepted_ = refused_ = 0;
    refusals_.clear();
    return true;
}

void TransferLoad::start(double perSecond)
{
    timer_.start(std::max(1, int(1000.0 / perSecond)));
}

void TransferLoad::stop() { timer_.stop(); }

void TransferLoad::submitNext()
{
    Sender& s = senders_[nextSender_++ % senders_.size()];
    post(s.port, s.key, randomAddress(), kAmount, s.nextNonce++);
}

QNetworkReply* TransferLoad::post(quint16 port, const crypto::Ed25519Key& key, const QString& to, quint64 amount, quint64 nonce)
{
    TransferTx tx;
    tx.network = networkByName("test")->genesisHash();
    tx.to = *crypto::decodeAddress(to.toStdString());
    tx.amount = amount;
    tx.fee = kFee;
    tx.nonce = nonce;
    tx.signWith(key);
    QNetworkRequest request(QUrl(QString("http://127.0.0.1:%1/api/v1/tx").arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setTransferTimeout(5000);
    QNetworkReply* reply = http_.post(request, QJsonDocument(api::transferToJson(tx)).toJson(QJsonDocument::Compact));
    ++submitted_;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 202) {
            ++accepted_;
        } else {
            ++refused_;
            if (refusals_.size() < 3) refusals_ << QString("%1 %2").arg(status).arg(QString::fromUtf8(reply->readAll()).left(200));
        }
        reply->deleteLater();
    });
    return reply;
}

} // namespace pb::bench
