#include "core/net/Relay.h"

#include "core/chain/Transaction.h"
#include "core/net/CompactBlock.h"

#include <QRandomGenerator>

#include <algorithm>

namespace pb::net {

namespace {

// Inventory carries at most kMaxInventoryPerMessage ids: the newest ones.
std::vector<Hash256> newest(const std::vector<Hash256>& ids)
{
    const size_t from = ids.size() > kMaxInventoryPerMessage ? ids.size() - kMaxInventoryPerMessage : 0;
    return {ids.begin() + long(from), ids.end()};
}

} // namespace

Relay::Relay(ChainStore& store, BlockSync& sync, PeerChannel& channel, Logger& log, RelayHooks hooks)
    : store_(store), sync_(sync), channel_(channel), log_(log), hooks_(std::move(hooks))
{
}

void Relay::peerReady(PeerId peer)
{
    txsInFlight_[peer];
    known_[peer];
}

void Relay::peerGone(PeerId peer)
{
    txsInFlight_.erase(peer);
    known_.erase(peer);
}

void Relay::announce(const std::vector<Hash256>& blocks, PeerId except)
{
    if (blocks.empty()) return;
    if (blocks.size() == 1 && pushSingleBlock(blocks.front(), except)) return;
    Inventory inventory;
    inventory.blocks = newest(blocks);
    sendInventory(inventory, except);
}

bool Relay::pushSingleBlock(const Hash256& hash, PeerId except)
{
    // Store reads only for a peer that may get the block: while a node syncs, each connected
    // block comes here, and its peers are all ahead of it.
    const auto others = [&](const std::function<bool(PeerId)>& want) {
        return std::any_of(txsInFlight_.begin(), txsInFlight_.end(), [&](const auto& peer) { return peer.first != except && want(peer.first); });
    };
    if (!others([](PeerId) { return true; })) return true;
    std::optional<BlockIndexEntry> entry;
    std::optional<Bytes> bytes;
    try {
        entry = store_.indexEntry(hash);
        if (entry && others([&](PeerId id) { return sync_.knownHeight(id) + 1 == entry->height; })) bytes = store_.blockBytes(hash);
    } catch (const StoreError& e) {
        log_.warning(QString("cannot read block %1 to push it; announcing it instead: %2").arg(hexOf(hash), e.what()));
    }
    const auto block = bytes ? Block::parse(*bytes) : std::nullopt;
    if (!entry || !block || block->photoHash) return false;
    // A peer holding every transfer gets their short ids instead of the transfers.
    std::vector<Hash256> transfers;
    for (size_t i = 1; i < block->transactions.size(); ++i) transfers.push_back(txId(block->transactions[i]));
    const Message whole = BlockMessage{*bytes, {}};
    const Message compact = transfers.empty() ? whole : Message(makeCompactBlock(*block, QRandomGenerator::global()->generate64()));
    for (const auto& [id, txs] : txsInFlight_) {
        if (id == except) continue;
        // Pushed only to a peer one block behind, which most likely has its parent; others may
        // be on another branch or still syncing (a push would not connect and cost it time): told.
        if (sync_.knownHeight(id) + 1 != entry->height) {
            channel_.send(id, Inventory{{hash}, {}});
            continue;
        }
        channel_.send(id, known_[id].containsAll(transfers) ? compact : whole);
        sync_.notePeerHeight(id, entry->height);
    }
    return true;
}

void Relay::announceTransactions(const std::vector<Hash256>& ids, PeerId except)
{
    if (ids.empty()) return;
    Inventory inventory;
    inventory.transactions = newest(ids);
    sendInventory(inventory, except);
}

void Relay::sendInventory(const Inventory& inventory, PeerId except)
{
    for (const auto& [id, txs] : txsInFlight_)
        if (id != except) channel_.send(id, inventory);
}

void Relay::onInventory(PeerId peer, const Inventory& inventory)
{
    const auto it = txsInFlight_.find(peer);
    if (it == txsInFlight_.end()) return;
    std::set<Hash256>& inFlight = it->second;
    KnownTransactions& known = known_[peer];
    GetTransactions wanted;
    for (const Hash256& id : inventory.transactions) known.add(id);
    for (const Hash256& id : inventory.transactions) {
        if (inFlight.size() >= kMaxInventoryPerMessage) break;
        if (hooks_.pendingTransaction(id) || !inFlight.insert(id).second) continue;
        wanted.hashes.push_back(id);
    }
    if (!wanted.hashes.empty()) channel_.send(peer, wanted);
}

void Relay::onGetTransactions(PeerId peer, const GetTransactions& request)
{
    NotFound missing;
    for (const Hash256& id : request.hashes) {
        if (const auto raw = hooks_.pendingTransaction(id)) {
            channel_.send(peer, TransactionMessage{*raw});
            if (const auto known = known_.find(peer); known != known_.end()) known->second.add(id);
        } else {
            missing.hashes.push_back(id);
        }
    }
    if (!missing.hashes.empty()) channel_.send(peer, missing);
}

void Relay::onTransaction(PeerId peer, const TransactionMessage& message)
{
    const Hash256 id = txId(message.tx);
    if (const auto it = txsInFlight_.find(peer); it != txsInFlight_.end()) it->second.erase(id);
    if (const auto known = known_.find(peer); known != known_.end()) known->second.add(id);
    const TxCheck check = hooks_.transactionReceived(message.tx, peer);
    switch (check.error) {
    // Invalid everywhere, whatever the sender's account: the peer should never have relayed it.
    case TxError::Malformed:
    case TxError::Oversize:
    case TxError::NotATransfer:
    case TxError::WrongNetwork:
    case TxError::BadSignature:
    case TxError::ZeroAmount:
    case TxError::Dust:
    case TxError::Overflow:
        channel_.send(peer, Reject{txErrorCode(check.error), QString::fromStdString(check.detail), id});
        channel_.misbehave(peer, 50, QString("invalid transaction %1: %2: %3")
                                         .arg(hexOf(id).left(16), txErrorCode(check.error), QString::fromStdString(check.detail)));
        return;
    // Our policy or a race with blocks and other transfers: not the peer's fault.
    default: return;
    }
}

void Relay::onNotFound(PeerId peer, const NotFound& message)
{
    const auto it = txsInFlight_.find(peer);
    if (it == txsInFlight_.end()) return;
    for (const Hash256& h : message.hashes) it->second.erase(h);
}

} // namespace pb::net
