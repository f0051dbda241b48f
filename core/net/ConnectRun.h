#pragma once
// Initial sync far behind the best header: the blocks peers were asked for are stored as they
// come (Chain::Connect::Later) and connected in runs, one store transaction, one chain-change
// report and one round of new requests per run instead of per block. The run remembers who
// sent each block, so a block found invalid while the run is connected is charged to its sender,
// and how large the blocks were, so that the download window can fit their size.
// Near the best header blocks connect one by one again, as pushed blocks must.
// Engine thread only.
#include "core/chain/Chain.h"
#include "core/net/PeerLink.h"

#include <algorithm>
#include <map>

namespace pb::net {

class ConnectRun {
public:
    // How far below the best header the tip must be for blocks to be connected in runs.
    static constexpr uint64_t kFarBehind = 64;
    // The most a peer's wide download window may hold, by the largest recent block's size.
    static constexpr size_t kSyncWindowBytes = 16 * 1024 * 1024;

    explicit ConnectRun(Chain& chain) : chain_(chain) {}

    // Whether a requested block should join the run rather than be connected on its own.
    bool wanted() const { return chain_.bestHeader().height >= chain_.tip().height + kFarBehind; }
    // A block stored by Chain::submitBlock(..., Connect::Later), sent by `from`, of `bytes` with its photo.
    void add(const Hash256& hash, PeerId from, size_t bytes);
    size_t size() const { return senders_.size(); }
    bool empty() const { return senders_.empty(); }
    // The largest block (with its photo) of this run and the last; 0 before any.
    size_t largestBlockBytes() const { return std::max(largestInRun_, largestInLastRun_); }
    // The download window per peer: `normal`, or while blocks are connected in runs as many as
    // kSyncWindowBytes of the largest recent block allow, between `normal` and `wide`.
    int window(int normal, int wide) const;

    struct Outcome {
        AcceptResult result;  // of Chain::connectStored
        PeerId sender = 0;    // who sent the invalid block, when one was found; else the run's last block
    };
    // Connects the run (and whatever else stored can be) and starts the next one.
    Outcome connect(uint64_t now);

private:
    Chain& chain_;
    std::map<Hash256, PeerId> senders_;
    PeerId lastSender_ = 0;
    size_t largestInRun_ = 0;
    size_t largestInLastRun_ = 0;
};

} // namespace pb::net
