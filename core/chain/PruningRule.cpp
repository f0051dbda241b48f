#include "core/chain/PruningRule.h"

#include <algorithm>

namespace pb {

PrunePlan planPruning(uint64_t tip, uint64_t window, uint64_t prunedBelow, const std::set<uint64_t>& keep,
                      uint64_t maxBatch)
{
    PrunePlan plan;
    plan.prunedBelow = prunedBelow;
    window = std::max<uint64_t>(window, 1);
    if (tip + 1 <= window) return plan;  // the whole chain fits in the window
    const uint64_t windowStart = tip + 1 - window;
    for (uint64_t h = prunedBelow; h < windowStart && plan.heights.size() < maxBatch; ++h) {
        plan.prunedBelow = h + 1;
        if (!keep.count(h)) plan.heights.push_back(h);
    }
    return plan;
}

std::vector<Hash256> photosToDelete(const std::vector<Hash256>& photosOfPruned, const std::set<Hash256>& stillReferenced)
{
    std::vector<Hash256> out;
    std::set<Hash256> seen;
    for (const Hash256& p : photosOfPruned)
        if (!stillReferenced.count(p) && seen.insert(p).second) out.push_back(p);
    return out;
}

} // namespace pb
