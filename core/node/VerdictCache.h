#pragma once
// The recognizer's recent verdicts on (photo, claimed label), so a block seen again (a reorg, a
// re-request, a second peer sending it, a block refused only for its time) costs no second
// recognition. The key holds the recognizer's identity: a verdict of one model never answers for
// another. Bounded: the least recently used verdict goes first. Engine thread only.
#include "core/chain/Validation.h"
#include "core/util/Bytes.h"

#include <list>
#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace pb {

struct VerdictKey {
    Hash256 photoHash{};
    std::string label;
    std::string recognizerIdentity;
    bool operator<(const VerdictKey& o) const
    {
        return std::tie(photoHash, label, recognizerIdentity) < std::tie(o.photoHash, o.label, o.recognizerIdentity);
    }
};

class VerdictCache {
public:
    static constexpr size_t kDefaultCapacity = 1024;

    explicit VerdictCache(size_t capacity = kDefaultCapacity) : capacity_(capacity > 0 ? capacity : 1) {}

    // The verdict, now the most recently used; none when it was never stored or was evicted.
    std::optional<PhotoVerdict> find(const VerdictKey& key)
    {
        const auto it = entries_.find(key);
        if (it == entries_.end()) return std::nullopt;
        recency_.splice(recency_.begin(), recency_, it->second.place);
        return it->second.verdict;
    }

    void store(const VerdictKey& key, const PhotoVerdict& verdict)
    {
        if (const auto it = entries_.find(key); it != entries_.end()) {
            it->second.verdict = verdict;
            recency_.splice(recency_.begin(), recency_, it->second.place);
            return;
        }
        if (entries_.size() >= capacity_) {
            entries_.erase(recency_.back());
            recency_.pop_back();
        }
        recency_.push_front(key);
        entries_.emplace(key, Entry{verdict, recency_.begin()});
    }

    size_t size() const { return entries_.size(); }
    size_t capacity() const { return capacity_; }

private:
    struct Entry {
        PhotoVerdict verdict;
        std::list<VerdictKey>::iterator place;  // in recency_
    };
    const size_t capacity_;
    std::list<VerdictKey> recency_;  // most recently used first
    std::map<VerdictKey, Entry> entries_;
};

} // namespace pb
