#pragma once
// The receiving and serving side of compact blocks (Messages.h, CompactBlock.h): a peer's
// compact block is rebuilt from the mempool and handed on as if the whole block had come;
// transfers the mempool lacks are asked for (getblocktxn) and their answer completes it; a
// short-id collision asks for the whole block (getblocks) instead. Our own announcements go
// out from Relay. Bounded: at most kMaxPendingPerPeer blocks per peer wait for transfers (the
// oldest is given up for its full block), and a getblocktxn names at most the block's
// transfers. A message that breaks the rules costs its sender kMalformedScore and a reject.
// Engine thread only.
#include "core/chain/ChainStore.h"
#include "core/net/CompactBlock.h"
#include "core/net/PeerChannel.h"
#include "core/util/Logger.h"

#include <deque>
#include <map>

namespace pb::net {

struct CompactRelayHooks {
    PendingTransfers pendingTransfers;
    // A block rebuilt from a peer's compact block, to be taken as that peer's block message.
    std::function<void(PeerId from, const BlockMessage& block)> blockRebuilt;
};

class CompactBlockRelay {
public:
    static constexpr size_t kMaxPendingPerPeer = 2;
    static constexpr int kMalformedScore = 20;

    CompactBlockRelay(const NetworkParams& params, ChainStore& store, PeerChannel& channel, Logger& log,
                      CompactRelayHooks hooks);

    void peerGone(PeerId peer) { pending_.erase(peer); }

    void onCompactBlock(PeerId peer, const CompactBlock& message);
    void onGetBlockTransactions(PeerId peer, const GetBlockTransactions& request);
    void onBlockTransactions(PeerId peer, const BlockTransactions& message);

    // How compact blocks ended, since start: for logs and tests.
    struct Counts {
        quint64 fromMempool = 0;   // rebuilt without asking for anything
        quint64 afterRequest = 0;  // rebuilt once the missing transfers came
        quint64 fullBlocks = 0;    // fell back to asking for the whole block
        quint64 invalid = 0;       // refused as malformed
    };
    const Counts& counts() const { return counts_; }
    size_t pendingFor(PeerId peer) const;

private:
    // Acts on a partial block's state: hands it on, asks for transfers or the full block, or refuses it.
    void advance(PeerId peer, PartialBlock partial, bool afterRequest);
    void refuse(PeerId peer, const Hash256& subject, const QString& reason);
    void askFullBlock(PeerId peer, const Hash256& hash, const QString& why);
    bool haveBody(const Hash256& hash);

    const NetworkParams& params_;
    ChainStore& store_;
    PeerChannel& channel_;
    Logger& log_;
    CompactRelayHooks hooks_;
    std::map<PeerId, std::deque<PartialBlock>> pending_;  // by peer: blocks waiting for transfers, oldest first
    Counts counts_;
};

} // namespace pb::net
