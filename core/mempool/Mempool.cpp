#include "core/mempool/Mempool.h"

#include <algorithm>
#include <queue>

namespace pb {

namespace {

TxCheck fail(TxError e, std::string detail) { return {e, std::move(detail)}; }

} // namespace

Mempool::Mempool(const NetworkParams& params, MempoolPolicy policy, SignatureVerifier& signatures)
    : params_(params), network_(params.genesisHash()), policy_(policy), signatures_(signatures)
{
}

MempoolAdmission Mempool::add(const Bytes& raw, const AccountLookup& confirmed)
{
    MempoolAdmission result;
    result.id = txId(raw);
    if (byId_.count(result.id)) {
        result.check = fail(TxError::AlreadyKnown, "the transfer is already pending");
        return result;
    }
    TransferTx tx;
    result.check = checkTransfer(raw, network_, params_.dustLimit, &tx, signatures_);
    if (!result.check.ok()) return result;
    return admit(raw, tx, confirmed, nextSequence_++);
}

MempoolAdmission Mempool::admit(const Bytes& raw, const TransferTx& tx, const AccountLookup& confirmed, uint64_t sequence)
{
    MempoolAdmission result;
    result.id = txId(raw);
    result.check = checkFee(tx, policy_.minimumFee);
    if (!result.check.ok()) return result;

    MempoolEntry entry{result.id, raw, tx, tx.from(), sequence};
    const AccountState account = confirmed(entry.from);
    const auto senderIt = bySender_.find(entry.from);
    const std::map<uint64_t, Hash256> none;
    const auto& pending = senderIt != bySender_.end() ? senderIt->second : none;
    const uint64_t next = account.nonce + pending.size();
    if (tx.nonce < account.nonce) {
        result.check = checkAgainstAccount(tx, account);
        return result;
    }
    if (tx.nonce > next) {
        result.check = fail(TxError::NonceGap, "nonce " + std::to_string(tx.nonce) + " skips ahead: the sender's next is "
                                                   + std::to_string(next) + " (" + std::to_string(pending.size())
                                                   + " pending)");
        return result;
    }
    const auto same = pending.find(tx.nonce);
    if (same != pending.end() && tx.fee <= byId_.at(same->second).tx.fee) {
        result.check = fail(TxError::ReplacementFeeTooLow, "a pending transfer with nonce " + std::to_string(tx.nonce)
                                                               + " pays " + std::to_string(byId_.at(same->second).tx.fee)
                                                               + " units; a replacement must pay more");
        return result;
    }
    std::optional<uint64_t> committed = 0;  // what the sender's earlier pending transfers spend
    for (auto it = pending.begin(); it != pending.end() && it->first < tx.nonce && committed; ++it) {
        const TransferTx& earlier = byId_.at(it->second).tx;
        committed = addChecked(*committed, earlier.amount + earlier.fee);
    }
    const auto total = committed ? addChecked(*committed, tx.amount + tx.fee) : std::nullopt;
    if (!total || *total > account.balance) {
        result.check = fail(TxError::InsufficientBalance,
                            "needs " + std::to_string(tx.amount + tx.fee) + " units after "
                                + std::to_string(committed.value_or(0)) + " pending, the sender has "
                                + std::to_string(account.balance));
        return result;
    }
    if (same == pending.end() && (byId_.size() + 1 > policy_.maxCount || bytes_ + raw.size() > policy_.maxBytes)) {
        const auto victim = evictionVictim(entry);
        if (!victim || byId_.at(*victim).feeRate() >= entry.feeRate()) {
            result.check = fail(TxError::MempoolFull, "the pool is full of transfers paying at least "
                                                          + std::to_string(entry.feeRate()) + " units per 1000 bytes");
            return result;
        }
    }

    if (same != pending.end()) {
        result.replaced = same->second;
        removeOne(*result.replaced);
    }
    insert(std::move(entry));
    // A replacement that costs more may leave later transfers of the sender unaffordable.
    const auto& chain = bySender_.at(tx.from());
    uint64_t spent = 0;
    for (const auto& [nonce, id] : chain) {
        const TransferTx& t = byId_.at(id).tx;
        const auto sum = addChecked(spent, t.amount + t.fee);
        if (!sum || *sum > account.balance) {
            removeWithSuccessors(id, &result.dropped);
            break;
        }
        spent = *sum;
    }
    while (overLimits()) {
        const auto victim = evictionVictim(byId_.at(result.id));
        if (!victim) break;
        removeWithSuccessors(*victim, &result.dropped);
    }
    return result;
}

std::optional<Hash256> Mempool::evictionVictim(const MempoolEntry& keep) const
{
    for (const FeeKey& key : byFee_) {
        const MempoolEntry& e = byId_.at(std::get<2>(key));
        const bool ancestor = e.from == keep.from && e.tx.nonce <= keep.tx.nonce;
        if (!ancestor) return e.id;
    }
    return std::nullopt;
}

void Mempool::insert(MempoolEntry entry)
{
    bySender_[entry.from][entry.tx.nonce] = entry.id;
    byFee_.insert(feeKey(entry));
    bytes_ += entry.raw.size();
    const Hash256 id = entry.id;
    const MempoolEntry& stored = byId_.emplace(id, std::move(entry)).first->second;
    if (listener_) listener_(stored, true);
}

void Mempool::removeOne(const Hash256& id)
{
    const auto it = byId_.find(id);
    if (it == byId_.end()) return;
    const MempoolEntry entry = std::move(it->second);
    byId_.erase(it);
    byFee_.erase(feeKey(entry));
    bytes_ -= entry.raw.size();
    auto& chain = bySender_[entry.from];
    chain.erase(entry.tx.nonce);
    if (chain.empty()) bySender_.erase(entry.from);
    if (listener_) listener_(entry, false);
}

void Mempool::removeWithSuccessors(const Hash256& id, std::vector<Hash256>* removed)
{
    const auto it = byId_.find(id);
    if (it == byId_.end()) return;
    std::vector<Hash256> doomed;
    for (const auto& [nonce, later] : bySender_.at(it->second.from))
        if (nonce >= it->second.tx.nonce) doomed.push_back(later);
    for (const Hash256& d : doomed) {
        removeOne(d);
        if (removed) removed->push_back(d);
    }
}

std::vector<Hash256> Mempool::revalidate(const AccountLookup& confirmed, const std::vector<Bytes>& returning)
{
    struct Candidate {
        Bytes raw;
        TransferTx tx;
        uint64_t sequence;
    };
    std::vector<Candidate> candidates;
    std::set<Hash256> before;
    for (const auto& [id, e] : byId_) {
        candidates.push_back({e.raw, e.tx, e.sequence});
        before.insert(id);
    }
    for (const Bytes& raw : returning) {
        TransferTx tx;
        if (before.count(txId(raw)) || !checkTransfer(raw, network_, params_.dustLimit, &tx, signatures_).ok()) continue;
        candidates.push_back({raw, tx, nextSequence_++});
    }
    // Per sender, nonces ascending; the rest by arrival.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.tx.nonce, a.sequence) < std::tie(b.tx.nonce, b.sequence);
    });
    // Rebuilt quietly, then the listener hears only the difference.
    const Listener listener = std::exchange(listener_, nullptr);
    std::map<Hash256, MempoolEntry> old = std::exchange(byId_, {});
    bySender_.clear();
    byFee_.clear();
    bytes_ = 0;
    std::map<crypto::AddressHash, AccountState> accounts;  // one lookup per sender
    const AccountLookup cached = [&](const crypto::AddressHash& a) {
        const auto it = accounts.find(a);
        return it != accounts.end() ? it->second : accounts.emplace(a, confirmed(a)).first->second;
    };
    for (const Candidate& c : candidates) admit(c.raw, c.tx, cached, c.sequence);
    listener_ = listener;

    std::vector<Hash256> removed;
    for (const auto& [id, e] : old) {
        if (byId_.count(id)) continue;
        removed.push_back(id);
        if (listener_) listener_(e, false);
    }
    for (const auto& [id, e] : byId_)
        if (!before.count(id) && listener_) listener_(e, true);
    return removed;
}

std::vector<Bytes> Mempool::selectForBlock(size_t maxBytes) const
{
    // A max-heap of each sender's next transfer; taking one exposes the sender's following nonce.
    using Head = std::pair<FeeKey, const MempoolEntry*>;
    const auto lower = [](const Head& a, const Head& b) { return a.first < b.first; };
    std::priority_queue<Head, std::vector<Head>, decltype(lower)> heads(lower);
    for (const auto& [sender, chain] : bySender_) {
        const MempoolEntry& first = byId_.at(chain.begin()->second);
        heads.push({feeKey(first), &first});
    }
    std::vector<Bytes> chosen;
    size_t used = 0;
    while (!heads.empty()) {
        const MempoolEntry* e = heads.top().second;
        heads.pop();
        if (used + e->raw.size() + 4 > maxBytes) continue;  // the sender's later nonces wait too
        used += e->raw.size() + 4;
        chosen.push_back(e->raw);
        const auto& chain = bySender_.at(e->from);
        const auto next = chain.upper_bound(e->tx.nonce);
        if (next != chain.end()) {
            const MempoolEntry& n = byId_.at(next->second);
            heads.push({feeKey(n), &n});
        }
    }
    return chosen;
}

const MempoolEntry* Mempool::find(const Hash256& id) const
{
    const auto it = byId_.find(id);
    return it != byId_.end() ? &it->second : nullptr;
}

std::vector<const MempoolEntry*> Mempool::entries() const
{
    std::vector<const MempoolEntry*> out;
    for (auto it = byFee_.rbegin(); it != byFee_.rend(); ++it) out.push_back(&byId_.at(std::get<2>(*it)));
    return out;
}

std::vector<const MempoolEntry*> Mempool::pendingFrom(const crypto::AddressHash& sender) const
{
    std::vector<const MempoolEntry*> out;
    if (const auto it = bySender_.find(sender); it != bySender_.end())
        for (const auto& [nonce, id] : it->second) out.push_back(&byId_.at(id));
    return out;
}

} // namespace pb
