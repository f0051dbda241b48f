#include "core/node/TransferQueries.h"

#include "core/chain/ChainStore.h"
#include "core/chain/Transaction.h"
#include "core/storage/RedisMempoolStore.h"
#include "core/util/HexText.h"

#include <algorithm>

namespace pb {

namespace {

QString address(const crypto::AddressHash& a) { return QString::fromStdString(crypto::encodeAddress(a)); }

} // namespace

TransactionInfo describeTransaction(const Bytes& raw, const Transaction& tx)
{
    TransactionInfo info;
    info.id = hexText(txId(raw));
    if (tx.type == TxType::Coinbase) {
        info.type = "coinbase";
        info.to = address(tx.coinbase.to);
        info.amount = tx.coinbase.amount;
        return info;
    }
    info.type = "transfer";
    info.from = address(tx.transfer.from());
    info.to = address(tx.transfer.to);
    info.amount = tx.transfer.amount;
    info.fee = tx.transfer.fee;
    info.nonce = tx.transfer.nonce;
    return info;
}

QList<TransactionInfo> TransferQueries::pending()
{
    QList<TransactionInfo> out;
    const std::map<Hash256, qint64> arrivals = mempool_.arrivals();
    for (const auto& [id, raw] : mempool_.all()) {
        const auto tx = Transaction::parse(raw);
        if (!tx || tx->type != TxType::Transfer) continue;
        TransactionInfo info = describeTransaction(raw, *tx);
        info.status = "pending";
        info.size = int(raw.size());
        const auto arrived = arrivals.find(id);
        if (arrived != arrivals.end()) info.arrivedAt = arrived->second;
        out.push_back(info);
    }
    std::stable_sort(out.begin(), out.end(), [](const TransactionInfo& a, const TransactionInfo& b) { return a.fee > b.fee; });
    return out;
}

AccountInfo TransferQueries::account(const crypto::AddressHash& a)
{
    const AccountState state = chain_.account(a);
    AccountInfo info;
    info.address = address(a);
    info.balance = state.balance;
    info.nonce = state.nonce;
    info.nextNonce = state.nonce;
    for (const TransactionInfo& t : pending()) {
        if (t.from == info.address) {
            ++info.pendingOut;
            info.pendingSpend += t.amount + t.fee;
            info.nextNonce = std::max<quint64>(info.nextNonce, t.nonce + 1);
        }
        if (t.to == info.address) info.pendingIn += t.amount;
    }
    return info;
}

std::optional<TransactionInfo> TransferQueries::confirmed(const Hash256& id)
{
    const auto location = chain_.transactionLocation(id);
    if (!location) return std::nullopt;
    const auto bytes = chain_.blockBytes(location->block);
    if (!bytes) {
        // A mobile node pruned the block: the index still says where the transaction is.
        TransactionInfo info;
        info.id = hexText(id);
        info.status = "confirmed";
        info.blockHash = hexText(location->block);
        info.height = location->height;
        const auto header = chain_.headerBytes(location->block);
        const auto parsed = header ? BlockHeader::parse(header->data(), header->size()) : std::nullopt;
        if (parsed) info.time = parsed->time;
        return info;
    }
    const auto block = Block::parse(*bytes);
    if (!block || location->index >= block->transactions.size())
        throw StoreError("block " + toHex(location->block) + " of transaction " + toHex(id) + " is missing or damaged");
    const Bytes& raw = block->transactions[location->index];
    const auto tx = Transaction::parse(raw);
    if (!tx) throw StoreError("transaction " + toHex(id) + " in block " + toHex(location->block) + " does not decode");
    TransactionInfo info = describeTransaction(raw, *tx);
    info.status = "confirmed";
    info.blockHash = hexText(location->block);
    info.height = location->height;
    info.time = block->header.time;
    return info;
}

std::optional<TransactionInfo> TransferQueries::transaction(const Hash256& id)
{
    if (auto info = confirmed(id)) return info;
    const auto raw = mempool_.get(id);
    const auto tx = raw ? Transaction::parse(*raw) : std::nullopt;
    if (!tx) return std::nullopt;
    TransactionInfo info = describeTransaction(*raw, *tx);
    info.status = "pending";
    return info;
}

QList<TransactionInfo> TransferQueries::history(const crypto::AddressHash& a, int max)
{
    QList<TransactionInfo> out;
    const QString text = address(a);
    for (const TransactionInfo& t : pending())
        if (out.size() < max && (t.from == text || t.to == text)) out.push_back(t);
    for (const Hash256& id : chain_.addressHistory(a, size_t(std::max(0, max - int(out.size())))))
        if (auto info = confirmed(id)) out.push_back(*info);
    return out;
}

} // namespace pb
