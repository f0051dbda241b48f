#include "core/net/AddressTable.h"

#include <algorithm>

namespace pb::net {

namespace {

constexpr size_t npos = size_t(-1);

} // namespace

AddressEntry* AddressTable::find(const QString& key)
{
    const auto it = index_.find(key);
    return it == index_.end() ? nullptr : &entries_[it->second];
}

size_t AddressTable::newFrom(const QByteArray& source) const
{
    const auto it = newBySource_.find(source);
    return it == newBySource_.end() ? 0 : it->second.size();
}

void AddressTable::insert(AddressEntry entry)
{
    const QString key = entry.endpoint.key();
    if (entry.tried) ++triedCount_;
    else newBySource_[entry.source].insert(key);
    index_[key] = entries_.size();
    entries_.push_back(std::move(entry));
}

void AddressTable::eraseAt(size_t index)
{
    AddressEntry& gone = entries_[index];
    const QString key = gone.endpoint.key();
    if (gone.tried) {
        --triedCount_;
    } else {
        auto bySource = newBySource_.find(gone.source);
        bySource->second.erase(key);
        if (bySource->second.empty()) newBySource_.erase(bySource);
    }
    index_.erase(key);
    if (index != entries_.size() - 1) {
        entries_[index] = std::move(entries_.back());
        index_[entries_[index].endpoint.key()] = index;
    }
    entries_.pop_back();
}

void AddressTable::remove(const QString& key)
{
    const auto it = index_.find(key);
    if (it != index_.end()) eraseAt(it->second);
}

bool AddressTable::isTerrible(const AddressEntry& e, qint64 nowMs) const
{
    if (e.seed) return false;
    if (nowMs - e.lastSeenMs > kHorizonMs) return true;
    if (!e.tried) return e.failures >= kMaxNewFailures;
    return e.failures >= kMaxTriedFailures && nowMs - e.lastSuccessMs > kTriedGraceMs;
}

size_t AddressTable::worstOf(const std::vector<size_t>& candidates, qint64 nowMs) const
{
    size_t worst = npos;
    for (size_t i : candidates) {
        const AddressEntry& e = entries_[i];
        if (e.seed) continue;
        if (worst == npos) {
            worst = i;
            continue;
        }
        const AddressEntry& w = entries_[worst];
        const bool terrible = isTerrible(e, nowMs), worstTerrible = isTerrible(w, nowMs);
        if (terrible != worstTerrible ? terrible : e.lastSeenMs < w.lastSeenMs) worst = i;
    }
    return worst;
}

bool AddressTable::makeRoomInNew(const QByteArray& source, qint64 nowMs)
{
    // The source's own share first: a flood from one group displaces only that group. What we
    // learnt ourselves (the catalogue, a tried entry moved back) has no share of its own.
    if (!source.isEmpty() && newFrom(source) >= kMaxNewPerSource) {
        std::vector<size_t> own;
        for (const QString& key : newBySource_[source]) own.push_back(index_.at(key));
        const size_t worst = worstOf(own, nowMs);
        if (worst == npos) return false;
        eraseAt(worst);
        return true;
    }
    if (newCount() < kMaxNew) return true;
    std::vector<size_t> picks;
    for (int i = 0; i < kEvictionPicks * 4 && picks.size() < size_t(kEvictionPicks); ++i) {
        const size_t pick = size_t(random_(entries_.size()));
        if (!entries_[pick].tried) picks.push_back(pick);
    }
    const size_t worst = worstOf(picks, nowMs);
    if (worst == npos) return false;
    eraseAt(worst);
    return true;
}

bool AddressTable::add(const AddressEntry& entry, qint64 nowMs)
{
    if (AddressEntry* known = find(entry.endpoint.key())) {
        known->lastSeenMs = std::max(known->lastSeenMs, nowMs);
        known->seed = known->seed || entry.seed;
        // Only a verified claim may change who is said to live there.
        if (entry.verified || !known->verified) {
            known->nodeId = entry.nodeId;
            if (!entry.type.isEmpty()) known->type = entry.type;
            known->verified = known->verified || entry.verified;
        }
        return true;
    }
    if (!entry.seed && !makeRoomInNew(entry.source, nowMs)) return false;
    AddressEntry added = entry;
    added.tried = false;
    added.lastSeenMs = nowMs;
    insert(std::move(added));
    return true;
}

void AddressTable::moveToNew(size_t index)
{
    AddressEntry entry = entries_[index];
    eraseAt(index);
    entry.tried = false;
    entry.source.clear();
    if (makeRoomInNew(entry.source, entry.lastSeenMs)) insert(std::move(entry));
}

void AddressTable::markGood(const AddressEntry& entry, qint64 nowMs)
{
    AddressEntry good = entry;
    if (const AddressEntry* known = find(entry.endpoint.key())) {
        good.seed = good.seed || known->seed;
        remove(entry.endpoint.key());
    }
    good.tried = true;
    good.verified = true;
    good.failures = 0;
    good.lastSeenMs = good.lastSuccessMs = nowMs;
    if (triedCount_ >= kMaxTried) {
        size_t oldest = npos;
        for (size_t i = 0; i < entries_.size(); ++i)
            if (entries_[i].tried && (oldest == npos || entries_[i].lastSuccessMs < entries_[oldest].lastSuccessMs)) oldest = i;
        moveToNew(oldest);
    }
    insert(std::move(good));
}

AddressEntry* AddressTable::markFailed(const QString& key)
{
    AddressEntry* entry = find(key);
    if (!entry) return nullptr;
    ++entry->failures;
    if (!entry->tried && !entry->seed && entry->failures >= kMaxNewFailures) {
        remove(key);
        return nullptr;
    }
    return entry;
}

void AddressTable::pruneTerrible(qint64 nowMs)
{
    for (size_t i = entries_.size(); i-- > 0;)
        if (isTerrible(entries_[i], nowMs)) eraseAt(i);
}

std::vector<AddressEntry*> AddressTable::shuffled()
{
    std::vector<AddressEntry*> all;
    all.reserve(entries_.size());
    for (AddressEntry& e : entries_) all.push_back(&e);
    for (size_t i = all.size(); i > 1; --i) std::swap(all[i - 1], all[size_t(random_(i))]);
    return all;
}

std::vector<AddressEntry> AddressTable::sample(size_t max, qint64 nowMs)
{
    std::vector<AddressEntry> picked;
    for (const AddressEntry* e : shuffled()) {
        if (picked.size() >= max) break;
        if (e->verified && !isTerrible(*e, nowMs)) picked.push_back(*e);
    }
    return picked;
}

} // namespace pb::net
