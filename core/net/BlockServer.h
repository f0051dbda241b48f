#pragma once
// Serving peers the headers, blocks and photos they ask for. Each request is charged to the
// peer's ServeBudget by what it really cost us (bytes sent plus a price per store read); a peer
// in debt has its requests held, and one asking beyond those is scored. The other side of
// BlockSync, which gets blocks from peers.
// Engine thread only.
#include "core/chain/Chain.h"
#include "core/net/PeerChannel.h"
#include "core/net/ServeBudget.h"

namespace pb::net {

class BlockServer {
public:
    static constexpr int kOverBudgetScore = 10;  // a request beyond the held ones: ten make a ban

    // `blockServed` hears of each block sent to a peer that asked for it (PeerHeights).
    BlockServer(const ServeLimits& limits, Chain& chain, ChainStore& store, PeerChannel& channel,
                std::function<void(PeerId, const Hash256&)> blockServed = {});

    void onGetHeaders(PeerId peer, const GetHeaders& request);
    void onGetBlocks(PeerId peer, const GetBlocks& request);
    void onGetPhoto(PeerId peer, const GetPhoto& request);
    // Serves the requests held while their peers were over their serving budget.
    void serveHeld() { budget_.serveHeld(channel_.nowMs()); }
    void peerGone(PeerId peer) { budget_.forget(peer); }

private:
    // Serves now, holds or refuses (and scores the peer) as the peer's serving budget says.
    void serveWithinBudget(PeerId peer, const char* what, ServeBudget::Request request);
    // Each returns what it cost in budget bytes.
    double serveHeaders(PeerId peer, const GetHeaders& request);
    double serveBlocks(PeerId peer, const GetBlocks& request);
    double servePhoto(PeerId peer, const GetPhoto& request);

    ServeLimits limits_;
    Chain& chain_;
    ChainStore& store_;
    PeerChannel& channel_;
    ServeBudget budget_;
    std::function<void(PeerId, const Hash256&)> blockServed_;
};

} // namespace pb::net
