#include "ui/IncomingTransfers.h"
#include "ui/LocaleFormat.h"

#include "ui/WalletSession.h"

namespace pb::ui {

IncomingTransfers::IncomingTransfers(Node& node, const WalletSession& session, QObject* parent)
    : QObject(parent), node_(node), session_(session)
{
}

QList<TransactionInfo> IncomingTransfers::incoming(const QList<TransactionInfo>& transactions) const
{
    QList<TransactionInfo> result;
    for (const TransactionInfo& tx : transactions)
        if (tx.type == "transfer" && session_.owns(tx.to) && !session_.owns(tx.from)) result << tx;
    return result;
}

void IncomingTransfers::checkMempool()
{
    if (mempoolQueried_ || (!session_.exists() && mempoolPrimed_)) return;
    mempoolQueried_ = true;
    Node* node = &node_;
    queries_.run(
        [node] {
            QueryError error;
            return node->mempool(&error);
        },
        [this](QList<TransactionInfo> pending) {
            mempoolQueried_ = false;
            QSet<QString> now;
            for (const TransactionInfo& tx : pending) now.insert(tx.id);
            if (mempoolPrimed_)
                for (const TransactionInfo& tx : incoming(pending))
                    if (!pendingSeen_.contains(tx.id)) emit received(tx, false);
            pendingSeen_ = now;
            mempoolPrimed_ = true;
        });
}

void IncomingTransfers::checkBlock(const QString& hash)
{
    if (!session_.exists()) return;
    blocksWaiting_ << hash;
    while (blocksWaiting_.size() > kBlockBacklog) blocksWaiting_.removeFirst();
    if (!blockQueried_) lookAtNextBlock();
}

void IncomingTransfers::lookAtNextBlock()
{
    if (blocksWaiting_.isEmpty()) return;
    blockQueried_ = true;
    const QString hash = blocksWaiting_.takeFirst();
    Node* node = &node_;
    queries_.run(
        [node, hash] {
            QueryError error;
            return node->findBlock(hash, &error);
        },
        [this](std::optional<BlockInfo> block) {
            blockQueried_ = false;
            if (block)
                for (TransactionInfo tx : incoming(block->transactions)) {
                    tx.status = "confirmed";
                    tx.height = block->height;
                    tx.blockHash = block->hash;
                    emit received(tx, true);
                }
            lookAtNextBlock();
        });
}

QString incomingTransferText(const TransactionInfo& transfer, bool confirmed)
{
    return confirmed ? QObject::tr("%1 coins arrived at %2 in block %3.")
                           .arg(coinsText(transfer.amount), transfer.to.left(16) + "…").arg(transfer.height)
                     : QObject::tr("%1 coins are on their way to %2 (pending, not yet in a block).")
                           .arg(coinsText(transfer.amount), transfer.to.left(16) + "…");
}

} // namespace pb::ui
