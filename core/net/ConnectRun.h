#pragma once
// Initial sync far behind the best header: the blocks peers were asked for are stored as they
// come (Chain::Connect::Later) and connected in runs, one store transaction, one chain-change
// report and one round of new requests per run instead of per block. The run remembers who
// sent each block, so a block found invalid while the run is connected is charged to its sender.
// Near the best header blocks connect one by one again, as pushed blocks must.
// Engine thread only.
#include "core/chain/Chain.h"
#include "core/net/PeerLink.h"

#include <map>

namespace pb::net {

class ConnectRun {
public:
    // How far below the best header the tip must be for blocks to be connected in runs.
    static constexpr uint64_t kFarBehind = 64;

    ConnectRun(Chain& chain, size_t length) : chain_(chain), length_(length) {}

    // Whether a requested block should join the run rather than be connected on its own.
    bool wanted() const { return chain_.bestHeader().height >= chain_.tip().height + kFarBehind; }
    // A block stored by Chain::submitBlock(..., Connect::Later), sent by `from`.
    void add(const Hash256& hash, PeerId from);
    bool full() const { return senders_.size() >= length_; }
    bool empty() const { return senders_.empty(); }

    struct Outcome {
        AcceptResult result;  // of Chain::connectStored
        PeerId sender = 0;    // who sent the invalid block, when one was found; else the run's last block
    };
    // Connects the run (and whatever else stored can be) and starts the next one.
    Outcome connect(uint64_t now);

private:
    Chain& chain_;
    const size_t length_;
    std::map<Hash256, PeerId> senders_;
    PeerId lastSender_ = 0;
};

} // namespace pb::net
