#pragma once
// Transfers in flight for bench_network: the bench holds the miner's reward key, pays a few
// sender keys out of the mined rewards, then has each sender sign transfers of the dust limit
// at a steady overall rate, each sender always through the same (randomly chosen) node so its
// nonce chain stays gap-free in that node's mempool while the nodes relay it on.
#include "core/crypto/Ed25519.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QTimer>
#include <vector>

namespace pb::bench {

class TransferLoad : public QObject {
public:
    // restPorts: the nodes transfers are submitted to.
    TransferLoad(std::vector<quint16> restPorts, int senders);

    QString rewardAddress() const;
    // Pays every sender `unitsEach` from the reward key, through the node at `port`, and waits
    // until each sender's balance shows on the node its transfers will go to. False on timeout.
    bool fundSenders(quint16 port, quint64 unitsEach, int timeoutMs);
    // Submits transfers at `perSecond` until stop().
    void start(double perSecond);
    void stop();

    int submitted() const { return submitted_; }
    int accepted() const { return accepted_; }
    int refused() const { return refused_; }
    // The first few refusals' answers, for the bench's output.
    const QStringList& refusals() const { return refusals_; }

private:
    struct Sender {
        crypto::Ed25519Key key;
        quint16 port;  // the node this sender's transfers go to
        quint64 nextNonce = 0;
    };
    void submitNext();
    // Submits one signed transfer; the reply is counted (and deleted) when it finishes.
    QNetworkReply* post(quint16 port, const crypto::Ed25519Key& key, const QString& to, quint64 amount, quint64 nonce);

    std::vector<quint16> restPorts_;
    crypto::Ed25519Key reward_;
    quint64 rewardNonce_ = 0;
    std::vector<Sender> senders_;
    size_t nextSender_ = 0;
    QNetworkAccessManager http_;
    QTimer timer_;
    int submitted_ = 0, accepted_ = 0, refused_ = 0;
    QStringList refusals_;
};

} // namespace pb::bench
