#include "core/mempool/SignatureCache.h"

#include "core/crypto/Sha256.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cstring>

namespace pb {

SignatureCache::SignatureCache(size_t capacity, Verify verify)
    : capacity_(std::max<size_t>(1, capacity)), verify_(std::move(verify)), random_(QRandomGenerator::system()->generate64())
{
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(salt_.data()), salt_.size() / sizeof(quint32));
    entries_.reserve(capacity_);
    where_.reserve(capacity_);
}

size_t SignatureCache::EntryHash::operator()(const Hash256& h) const
{
    size_t v = 0;
    std::memcpy(&v, h.data(), sizeof v);
    return v;
}

Hash256 SignatureCache::entryFor(const TransferTx& tx) const
{
    Bytes message(salt_.begin(), salt_.end());
    const Bytes encoded = tx.serialize();
    message.insert(message.end(), encoded.begin(), encoded.end());
    return crypto::sha256(message);
}

bool SignatureCache::valid(const TransferTx& tx)
{
    const Hash256 entry = entryFor(tx);
    {
        std::lock_guard lock(mutex_);
        if (where_.count(entry)) {
            ++hits_;
            return true;
        }
    }
    // Verified outside the lock: concurrent callers do not queue behind a verification.
    if (!verify_(tx)) return false;
    std::lock_guard lock(mutex_);
    remember(entry);
    return true;
}

void SignatureCache::remember(const Hash256& entry)
{
    if (where_.count(entry)) return;
    if (entries_.size() >= capacity_) {
        const size_t victim = size_t(random_() % entries_.size());
        where_.erase(entries_[victim]);
        entries_[victim] = entries_.back();
        entries_.pop_back();
        if (victim < entries_.size()) where_[entries_[victim]] = victim;
    }
    where_.emplace(entry, entries_.size());
    entries_.push_back(entry);
}

size_t SignatureCache::size() const
{
    std::lock_guard lock(mutex_);
    return entries_.size();
}

uint64_t SignatureCache::hits() const
{
    std::lock_guard lock(mutex_);
    return hits_;
}

} // namespace pb
