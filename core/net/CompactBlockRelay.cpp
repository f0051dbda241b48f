#include "core/net/CompactBlockRelay.h"

#include <algorithm>

namespace pb::net {

CompactBlockRelay::CompactBlockRelay(const NetworkParams& params, ChainStore& store, PeerChannel& channel, Logger& log,
                                     CompactRelayHooks hooks)
    : params_(params), store_(store), channel_(channel), log_(log), hooks_(std::move(hooks))
{
}

size_t CompactBlockRelay::pendingFor(PeerId peer) const
{
    const auto it = pending_.find(peer);
    return it == pending_.end() ? 0 : it->second.size();
}

bool CompactBlockRelay::haveBody(const Hash256& hash)
{
    try {
        const auto entry = store_.indexEntry(hash);
        return entry && entry->status != BlockIndexEntry::Status::HeaderOnly;
    } catch (const StoreError&) {
        return false;  // rebuilding it costs less than refusing a block we may lack
    }
}

void CompactBlockRelay::onCompactBlock(PeerId peer, const CompactBlock& message)
{
    PartialBlock partial(message, params_, hooks_.pendingTransfers);
    if (partial.state() != PartialBlock::State::Invalid && haveBody(partial.hash())) return;
    advance(peer, std::move(partial), false);
}

void CompactBlockRelay::advance(PeerId peer, PartialBlock partial, bool afterRequest)
{
    switch (partial.state()) {
    case PartialBlock::State::Complete:
        ++(afterRequest ? counts_.afterRequest : counts_.fromMempool);
        log_.info(QString("block %1 rebuilt from a compact block: %2 of %3 transfers from the mempool")
                      .arg(hexOf(partial.hash()).left(16))
                      .arg(partial.fromPool())
                      .arg(partial.transferCount()));
        hooks_.blockRebuilt(peer, BlockMessage{partial.blockBytes(), {}});
        return;
    case PartialBlock::State::Missing: {
        std::deque<PartialBlock>& waiting = pending_[peer];
        const auto same = std::find_if(waiting.begin(), waiting.end(), [&](const PartialBlock& p) { return p.hash() == partial.hash(); });
        if (same != waiting.end()) return;  // asked already
        if (waiting.size() >= kMaxPendingPerPeer) {
            askFullBlock(peer, waiting.front().hash(), "too many compact blocks waiting for transfers");
            waiting.pop_front();
        }
        channel_.send(peer, GetBlockTransactions{partial.hash(), partial.missing()});
        waiting.push_back(std::move(partial));
        return;
    }
    case PartialBlock::State::FullBlockNeeded:
        askFullBlock(peer, partial.hash(), partial.reason());
        return;
    case PartialBlock::State::Invalid:
        refuse(peer, partial.hash(), partial.reason());
        return;
    }
}

void CompactBlockRelay::onBlockTransactions(PeerId peer, const BlockTransactions& message)
{
    const auto it = pending_.find(peer);
    if (it == pending_.end()) return;
    std::deque<PartialBlock>& waiting = it->second;
    const auto found = std::find_if(waiting.begin(), waiting.end(), [&](const PartialBlock& p) { return p.hash() == message.block; });
    if (found == waiting.end()) return;  // given up for its full block meanwhile, or never asked: dropped
    PartialBlock partial = std::move(*found);
    waiting.erase(found);
    partial.fill(message.transactions);
    advance(peer, std::move(partial), true);
}

void CompactBlockRelay::onGetBlockTransactions(PeerId peer, const GetBlockTransactions& request)
{
    std::optional<Bytes> bytes;
    try {
        bytes = store_.blockBytes(request.block);
    } catch (const StoreError& e) {
        log_.warning(QString("cannot read block %1 for a peer's transfers: %2").arg(hexOf(request.block).left(16), e.what()));
    }
    const auto block = bytes ? Block::parse(*bytes) : std::nullopt;
    if (!block) {
        channel_.send(peer, NotFound{{request.block}});
        return;
    }
    BlockTransactions answer{request.block, {}};
    for (quint16 index : request.indexes) {
        // Positions count transfers: the coinbase, first in the block, travelled in the skeleton.
        if (size_t(index) + 1 >= block->transactions.size()) {
            refuse(peer, request.block, QString("asked for transfer %1 of a block with %2").arg(index).arg(block->transactions.size() - 1));
            return;
        }
        answer.transactions.push_back(block->transactions[size_t(index) + 1]);
    }
    channel_.send(peer, answer);
}

void CompactBlockRelay::refuse(PeerId peer, const Hash256& subject, const QString& reason)
{
    ++counts_.invalid;
    channel_.send(peer, Reject{"malformed_compact_block", reason, subject});
    channel_.misbehave(peer, kMalformedScore, "malformed compact block " + hexOf(subject).left(16) + ": " + reason);
}

void CompactBlockRelay::askFullBlock(PeerId peer, const Hash256& hash, const QString& why)
{
    ++counts_.fullBlocks;
    log_.info(QString("block %1: asking for the full block instead of a compact one: %2").arg(hexOf(hash).left(16), why));
    channel_.send(peer, GetBlocks{{hash}});
}

} // namespace pb::net
