#pragma once
// An in-memory ChainStore for unit tests of chain logic: the same contract as RedisChainStore
// (nullopt for "not found", applyUpdate all-or-nothing) with no Redis. failWrites makes every
// write throw StoreError, to show that a failing store leaves the chain's state intact. The
// integration tests keep running the chain over the real RedisChainStore.
#include "core/chain/ChainStore.h"
#include "core/crypto/Sha256.h"

#include <algorithm>
#include <map>
#include <set>

namespace pb::test {

class MemoryChainStore : public ChainStore {
public:
    bool failWrites = false;
    int updatesApplied = 0;
    int bodyReads = 0;

    std::optional<Hash256> tipHash() override { return tip_; }
    std::optional<BlockIndexEntry> indexEntry(const Hash256& hash) override { return find(index_, hash); }
    std::optional<Hash256> hashAtHeight(uint64_t height) override
    {
        return height < active_.size() ? std::optional<Hash256>(active_[height]) : std::nullopt;
    }
    std::vector<Hash256> activeChain() override { return active_; }
    std::optional<Bytes> headerBytes(const Hash256& hash) override { return find(headers_, hash); }
    std::optional<Bytes> blockBytes(const Hash256& hash) override
    {
        ++bodyReads;
        return find(blocks_, hash);
    }
    std::optional<std::vector<BalanceChange>> undoData(const Hash256& hash) override { return find(undo_, hash); }
    std::optional<Bytes> photo(const Hash256& photoHash) override { return find(photos_, photoHash); }
    std::optional<Hash256> photoBlock(const Hash256& photoHash) override { return find(photoBlocks_, photoHash); }
    AccountState account(const crypto::AddressHash& address) override { return find(accounts_, address).value_or(AccountState{}); }
    std::optional<TxLocation> transactionLocation(const Hash256& txId) override { return find(txs_, txId); }
    std::vector<Hash256> addressHistory(const crypto::AddressHash& address, size_t max) override
    {
        std::vector<Hash256> ids;
        const auto& history = histories_[address];  // (height, index) -> id, oldest first
        for (auto it = history.rbegin(); it != history.rend() && ids.size() < max; ++it) ids.push_back(it->second);
        return ids;
    }
    VoteTally votes(const Hash256& claimBlock) override { return find(votes_, claimBlock).value_or(VoteTally{}); }

    void storePhoto(const Bytes& photo) override
    {
        checkWritable();
        photos_[crypto::sha256(photo)] = photo;
    }
    void storeHeader(const BlockIndexEntry& entry, const Bytes& header) override
    {
        checkWritable();
        index_[entry.hash] = entry;
        headers_[entry.hash] = header;
    }
    void storeBlock(const BlockIndexEntry& entry, const Bytes& block) override
    {
        checkWritable();
        index_[entry.hash] = entry;
        headers_[entry.hash] = Bytes(block.begin(), block.begin() + long(std::min<size_t>(block.size(), 88)));
        blocks_[entry.hash] = block;
        sideBodies_.insert({entry.height, entry.hash});
    }
    void markInvalid(const Hash256& hash) override
    {
        checkWritable();
        index_[hash].status = BlockIndexEntry::Status::Invalid;
    }
    void applyUpdate(const ChainUpdate& update) override
    {
        checkWritable();
        for (const BlockDisconnection& d : update.disconnect) {
            active_.resize(d.entry.height);
            undo_.erase(d.entry.hash);
            sideBodies_.insert({d.entry.height, d.entry.hash});
            for (auto it = d.balances.rbegin(); it != d.balances.rend(); ++it)
                accounts_[it->address] = {it->before, it->nonceBefore};
            for (const TxRecord& t : d.txs) {
                txs_.erase(t.id);
                for (const auto& a : t.addresses) histories_[a].erase({d.entry.height, t.index});
            }
            if (d.photoHash) photoBlocks_.erase(*d.photoHash);
            if (d.vote) count(d.vote->on, d.vote->vote) -= 1;
            tip_ = d.entry.prevHash;
        }
        for (const BlockConnection& c : update.connect) {
            active_.resize(c.entry.height);
            active_.push_back(c.entry.hash);
            sideBodies_.erase({c.entry.height, c.entry.hash});
            undo_[c.entry.hash] = c.balances;
            for (const BalanceChange& b : c.balances) accounts_[b.address] = {b.after, b.nonceAfter};
            for (const TxRecord& t : c.txs) {
                txs_[t.id] = {c.entry.hash, c.entry.height, t.index};
                for (const auto& a : t.addresses) histories_[a][{c.entry.height, t.index}] = t.id;
            }
            if (c.photoHash) photoBlocks_[*c.photoHash] = c.entry.hash;
            if (c.vote) count(c.vote->on, c.vote->vote) += 1;
            tip_ = c.entry.hash;
        }
        ++updatesApplied;
    }
    std::vector<Hash256> sideBodiesBelow(uint64_t height, size_t max) override
    {
        std::vector<Hash256> hashes;
        for (auto it = sideBodies_.begin(); it != sideBodies_.end() && it->first < height && hashes.size() < max; ++it)
            hashes.push_back(it->second);
        return hashes;
    }
    void dropSideBodies(const std::vector<Hash256>& blocks, const std::vector<Hash256>& photos) override
    {
        checkWritable();
        for (const Hash256& block : blocks) {
            blocks_.erase(block);
            index_[block].status = BlockIndexEntry::Status::HeaderOnly;
            sideBodies_.erase({index_[block].height, block});
        }
        for (const Hash256& photo : photos) photos_.erase(photo);
    }

private:
    template <typename Map, typename Key>
    static std::optional<typename Map::mapped_type> find(const Map& map, const Key& key)
    {
        const auto it = map.find(key);
        return it == map.end() ? std::nullopt : std::optional<typename Map::mapped_type>(it->second);
    }
    void checkWritable() const
    {
        if (failWrites) throw StoreError("the memory store refuses writes (failWrites)");
    }
    uint64_t& count(const Hash256& claim, LabelVote vote)
    {
        VoteTally& t = votes_[claim];
        return vote == LabelVote::Agree ? t.agree : vote == LabelVote::Disagree ? t.disagree : t.abstain;
    }

    std::optional<Hash256> tip_;
    std::vector<Hash256> active_;
    std::map<Hash256, BlockIndexEntry> index_;
    std::map<Hash256, Bytes> headers_, blocks_, photos_;
    std::set<std::pair<uint64_t, Hash256>> sideBodies_;  // (height, hash)
    std::map<Hash256, std::vector<BalanceChange>> undo_;
    std::map<Hash256, Hash256> photoBlocks_;
    std::map<crypto::AddressHash, AccountState> accounts_;
    std::map<Hash256, TxLocation> txs_;
    std::map<crypto::AddressHash, std::map<std::pair<uint64_t, uint32_t>, Hash256>> histories_;
    std::map<Hash256, VoteTally> votes_;
};

} // namespace pb::test
