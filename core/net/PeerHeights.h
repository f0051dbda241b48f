#pragma once
// How far a peer's chain reaches, learnt from what it asks and says after its handshake: the
// first hash of its getheaders locator that is on our active chain (it has that block), a block
// we served it by getblocks (it has it once connected) and the tip of its `tip` answer. A late
// joiner that synced from us is otherwise never known to be one block behind, so Relay would
// only ever announce new blocks to it (an extra round trip per hop). BlockSync keeps the height
// (notePeerHeight: it only grows). Only blocks of our active chain count, and heights are ours,
// never the peer's claims: a peer that lies gets a block pushed instead of announced, bandwidth
// it asked for, its requests still charged to its serving budget.
// Compare Bitcoin Core's pindexBestKnownBlock (UpdateBlockAvailability). Engine thread only.
#include "core/chain/Chain.h"
#include "core/net/BlockSync.h"

namespace pb::net {

class PeerHeights {
public:
    PeerHeights(Chain& chain, BlockSync& sync) : chain_(chain), sync_(sync) {}

    void onGetHeaders(PeerId peer, const GetHeaders& request);
    void blockServed(PeerId peer, const Hash256& block) { noteActive(peer, block); }
    void onTip(PeerId peer, const TipMessage& answer) { noteActive(peer, answer.tip); }

private:
    void noteActive(PeerId peer, const Hash256& block);

    Chain& chain_;
    BlockSync& sync_;
};

} // namespace pb::net
