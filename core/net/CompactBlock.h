#pragma once
// Compact blocks (Messages.h) as pure logic: the sender's side turns a block into its skeleton
// and short ids; the receiver's PartialBlock matches the ids against its mempool, says which
// transfers it still needs, and rebuilds the block once they arrive. A rebuilt block whose
// content root does not match its header means two transfers shared a short id (or the peer
// sent the wrong ones): the full block is needed. Compare Bitcoin Core's blockencodings.cpp.
#include "core/chain/Block.h"
#include "core/chain/NetworkParams.h"
#include "core/net/Messages.h"

#include <functional>

namespace pb::net {

// The 6-byte short id of each transaction id for one compact block: the low 48 bits of
// SHA-256(key | txid), key = SHA-256(block hash | salt). The key depends on the block, which
// nobody knows before it is mined, so transfers cannot be ground to collide beforehand.
class ShortIds {
public:
    ShortIds(const Hash256& blockHash, quint64 salt);
    quint64 of(const Hash256& txid) const;

private:
    Hash256 key_{};
};

// A block's compact form; its first transaction is the coinbase, which stays in the skeleton.
CompactBlock makeCompactBlock(const Block& block, quint64 salt);

// Visits every pending transfer: its id and encoding.
using PendingTransfers = std::function<void(const std::function<void(const Hash256& id, const Bytes& raw)>& visit)>;

class PartialBlock {
public:
    enum class State {
        Complete,         // every transfer is known: blockBytes() is the block
        Missing,          // ask the sender for missing()
        FullBlockNeeded,  // short ids collide: ask for the whole block
        Invalid,          // the message breaks the rules (reason() says how): the sender's fault
    };

    // Reads the skeleton (it must decode, hold only a coinbase, carry no photo and meet its own
    // proof of work) and fills what the pool has.
    PartialBlock(const CompactBlock& message, const NetworkParams& params, const PendingTransfers& pool);

    State state() const { return state_; }
    const QString& reason() const { return reason_; }
    const Hash256& hash() const { return hash_; }
    // Positions among the transfers still unknown, ascending.
    std::vector<quint16> missing() const;
    size_t transferCount() const { return transferCount_; }
    size_t fromPool() const { return fromPool_; }

    // The missing transfers, in missing() order: Complete, FullBlockNeeded when the rebuilt
    // block does not match its header, or Invalid when the count is wrong.
    State fill(const std::vector<Bytes>& transfers);
    // The rebuilt block's encoding (state() == Complete).
    Bytes blockBytes() const;

private:
    State settle(State state, QString reason = {});
    State finish();

    State state_ = State::Invalid;
    QString reason_;
    Hash256 hash_{};
    Block block_;               // the skeleton: header, photo, label, vote and coinbase
    std::vector<Bytes> slots_;  // transfers in block order; empty while unknown
    size_t transferCount_ = 0;
    size_t fromPool_ = 0;
};

const char* partialBlockStateName(PartialBlock::State state);

} // namespace pb::net
