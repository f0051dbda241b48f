#pragma once
// Notices transfers that arrive at the wallet's addresses: a pending one when the node first
// sees it in its mempool, and a confirmed one in each newly connected block. Transfers sent
// from the wallet's own addresses are not "incoming". Lookups run off the GUI thread.
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"

#include <QSet>

namespace pb::ui {

class WalletSession;

class IncomingTransfers : public QObject {
    Q_OBJECT
public:
    IncomingTransfers(Node& node, const WalletSession& session, QObject* parent = nullptr);

    // Looks at the mempool for transfers not seen before (call it when the status changes).
    void checkMempool();
    // Looks at a block the node just connected. While a long sync connects blocks faster than
    // they can be looked at, only the newest kBlockBacklog wait; older ones are not news.
    void checkBlock(const QString& hash);
    static constexpr int kBlockBacklog = 16;

signals:
    void received(const pb::TransactionInfo& transfer, bool confirmed);

private:
    QList<TransactionInfo> incoming(const QList<TransactionInfo>& transactions) const;
    void lookAtNextBlock();

    Node& node_;
    const WalletSession& session_;
    QSet<QString> pendingSeen_;
    bool mempoolPrimed_ = false;   // transfers already pending at start are not news
    bool mempoolQueried_ = false;  // one mempool query at a time
    QStringList blocksWaiting_;
    bool blockQueried_ = false;    // one block query at a time
    BackgroundQueries queries_{this};
};

// "1.50000000 coins to pb1… (pending)" for a notification.
QString incomingTransferText(const TransactionInfo& transfer, bool confirmed);

} // namespace pb::ui
