#pragma once
// Mobile nodes keep the bodies of the newest `window` active blocks only (headers, the block
// index, accounts and the transaction index stay). Which bodies and photos go is decided here,
// as pure functions of the chain's shape, so the rule is tested without storage.
#include "core/util/Bytes.h"

#include <cstdint>
#include <set>
#include <vector>

namespace pb {

constexpr uint64_t kDefaultPruneWindow = 288;  // about a day of 5-minute blocks
// Below this a reorganisation of a few blocks could need a body that is gone.
constexpr uint64_t kMinPruneWindow = 16;

struct PrunePlan {
    std::vector<uint64_t> heights;  // active heights whose bodies go, ascending
    uint64_t prunedBelow = 0;       // the new mark: every height under it has been dealt with
};

// The bodies that fell out of the window of `window` blocks ending at `tip` (heights tip-window+1
// .. tip stay), from `prunedBelow` (the previous mark) on, at most `maxBatch` of them. Heights in
// `keep` (e.g. genesis) are passed over but count as dealt with.
PrunePlan planPruning(uint64_t tip, uint64_t window, uint64_t prunedBelow, const std::set<uint64_t>& keep,
                      uint64_t maxBatch);

// The photos of pruned bodies that may be deleted: those no mining job and no kept block still
// references, each once.
std::vector<Hash256> photosToDelete(const std::vector<Hash256>& photosOfPruned, const std::set<Hash256>& stillReferenced);

} // namespace pb
