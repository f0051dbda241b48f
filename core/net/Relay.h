#pragma once
// Passing news on: blocks that joined our active chain and transactions that joined our
// mempool are announced to every ready peer except the one they came from. A single new block
// without a photo is pushed to peers that do not have its height yet (saving them the
// inventory / headers / download round trips): as a compact block to a peer known to hold all
// its transfers (CompactBlockRelay rebuilds those), else whole; everything else goes out as
// inventory. The
// other side of inventory: a peer's announced transactions we lack are asked for (gettxs),
// each received one is handed to the mempool hook, and a transaction invalid anywhere costs its
// sender. Blocks in a peer's inventory are BlockSync's business.
// Compare Bitcoin Core's net_processing relay (inv / getdata / tx). Engine thread only.
#include "core/chain/ChainStore.h"
#include "core/chain/TransferRules.h"
#include "core/net/BlockSync.h"
#include "core/net/KnownTransactions.h"
#include "core/net/PeerChannel.h"
#include "core/util/Logger.h"

#include <map>
#include <optional>
#include <set>

namespace pb::net {

struct RelayHooks {
    // A peer's transaction for the mempool (the engine relays it when accepted).
    std::function<TxCheck(const Bytes& raw, PeerId from)> transactionReceived;
    // The pending transaction with this id, to answer requests and skip what we have.
    std::function<std::optional<Bytes>(const Hash256& id)> pendingTransaction;
};

class Relay {
public:
    // `sync` knows how far each peer's chain reaches, which decides push or inventory.
    Relay(ChainStore& store, BlockSync& sync, PeerChannel& channel, Logger& log, RelayHooks hooks);

    void peerReady(PeerId peer);
    void peerGone(PeerId peer);

    // Blocks that joined our active chain (mined here or relayed), ascending.
    void announce(const std::vector<Hash256>& blocks, PeerId except = 0);
    void announceTransactions(const std::vector<Hash256>& ids, PeerId except = 0);

    // The transaction half of a peer's inventory.
    void onInventory(PeerId peer, const Inventory& inventory);
    void onGetTransactions(PeerId peer, const GetTransactions& request);
    void onTransaction(PeerId peer, const TransactionMessage& message);
    void onNotFound(PeerId peer, const NotFound& message);

private:
    // A lone photo-less block pushed whole; false when it must be announced as inventory.
    bool pushSingleBlock(const Hash256& hash, PeerId except);
    void sendInventory(const Inventory& inventory, PeerId except);

    ChainStore& store_;
    BlockSync& sync_;
    PeerChannel& channel_;
    Logger& log_;
    RelayHooks hooks_;
    std::map<PeerId, std::set<Hash256>> txsInFlight_;  // by ready peer: transactions asked for
    std::map<PeerId, KnownTransactions> known_;        // by ready peer: transactions it holds
};

} // namespace pb::net
