#pragma once
// Pending transfers, validated against the active tip. Per sender they form a gap-free nonce
// sequence starting at the account's next nonce, all affordable together; templates take them
// by fee rate (a sender's in nonce order); the pool is bounded in count and bytes, evicting the
// lowest fee rate first; a higher fee replaces a pending transfer with the same sender and
// nonce. Pure logic over an account lookup: storage and relay belong to the engine.
#include "core/chain/Accounts.h"
#include "core/chain/NetworkParams.h"

#include <functional>
#include <map>
#include <set>

namespace pb {

struct MempoolPolicy {
    size_t maxCount = 5000;
    size_t maxBytes = 1 << 20;
    uint64_t minimumFee = 1000;  // units; the node's relay and mining minimum
};

struct MempoolEntry {
    Hash256 id{};
    Bytes raw;
    TransferTx tx;
    crypto::AddressHash from{};
    uint64_t sequence = 0;  // arrival order: older wins ties
    // Units per 1000 bytes: what a block's space earns the miner.
    uint64_t feeRate() const { return tx.fee * 1000 / raw.size(); }
};

struct MempoolAdmission {
    TxCheck check;
    Hash256 id{};
    std::optional<Hash256> replaced;  // the transfer this one replaced
    std::vector<Hash256> dropped;     // evicted to make room, or no longer affordable after a replacement
    bool ok() const { return check.ok(); }
};

class Mempool {
public:
    using Listener = std::function<void(const MempoolEntry& entry, bool added)>;

    // Transfer signatures are checked through `signatures`, which must outlive the pool.
    Mempool(const NetworkParams& params, MempoolPolicy policy, SignatureVerifier& signatures = verifyEverySignature());

    const MempoolPolicy& policy() const { return policy_; }
    // Told about every entry that joins or leaves, e.g. to persist the pool.
    void setListener(Listener listener) { listener_ = std::move(listener); }

    // Every rule: encoding, network, amounts, signature, fee minimum, nonce sequence, balance
    // (with the sender's pending transfers), replacement and room.
    MempoolAdmission add(const Bytes& raw, const AccountLookup& confirmed);

    // After the tip moved: keeps what is still valid on it, then admits `returning` (transfers
    // of undone blocks). Returns the ids that left the pool.
    std::vector<Hash256> revalidate(const AccountLookup& confirmed, const std::vector<Bytes>& returning = {});

    // Transfers for a block, highest fee rate first with each sender's in nonce order, whose
    // encodings (plus a 4-byte length each) fit in `maxBytes`.
    std::vector<Bytes> selectForBlock(size_t maxBytes) const;

    const MempoolEntry* find(const Hash256& id) const;
    // Highest fee rate first.
    std::vector<const MempoolEntry*> entries() const;
    // Pending transfers of one sender, in nonce order.
    std::vector<const MempoolEntry*> pendingFrom(const crypto::AddressHash& sender) const;
    size_t size() const { return byId_.size(); }
    size_t bytes() const { return bytes_; }

private:
    using FeeKey = std::tuple<uint64_t, uint64_t, Hash256>;  // fee rate, reversed sequence, id: lowest first
    static FeeKey feeKey(const MempoolEntry& e) { return {e.feeRate(), UINT64_MAX - e.sequence, e.id}; }

    // The rules after the stateless ones, for a decoded transfer.
    MempoolAdmission admit(const Bytes& raw, const TransferTx& tx, const AccountLookup& confirmed, uint64_t sequence);
    void insert(MempoolEntry entry);
    // Removes an entry and every later-nonce entry of its sender; appends their ids.
    void removeWithSuccessors(const Hash256& id, std::vector<Hash256>* removed);
    void removeOne(const Hash256& id);
    // The lowest fee-rate entry whose removal keeps `keep` (and its ancestors) in the pool.
    std::optional<Hash256> evictionVictim(const MempoolEntry& keep) const;
    bool overLimits() const { return byId_.size() > policy_.maxCount || bytes_ > policy_.maxBytes; }

    const NetworkParams& params_;
    const Hash256 network_;
    MempoolPolicy policy_;
    SignatureVerifier& signatures_;
    Listener listener_;
    std::map<Hash256, MempoolEntry> byId_;
    std::map<crypto::AddressHash, std::map<uint64_t, Hash256>> bySender_;
    std::set<FeeKey> byFee_;
    size_t bytes_ = 0;
    uint64_t nextSequence_ = 0;
};

} // namespace pb
