#include "core/chain/Difficulty.h"

#include <algorithm>

namespace pb {

std::optional<RetargetWindow> retargetWindow(const NetworkParams& params, uint64_t nextHeight)
{
    const uint64_t interval = params.retargetInterval;
    if (interval == 0 || nextHeight == 0 || nextHeight % interval != 0) return std::nullopt;
    // The parent is nextHeight - 1; the window reaches back `interval` gaps to the previous
    // window's last block. The first starts at block 1: genesis's time was fixed when the
    // network was defined, not mined, so a window from it would measure how old the network
    // is (and ease a fresh chain by the whole clamp).
    if (nextHeight == interval) return interval >= 2 ? RetargetWindow{1, interval - 2} : RetargetWindow{0, 0};
    return RetargetWindow{nextHeight - 1 - interval, interval};
}

uint32_t retargetBits(const NetworkParams& params, uint32_t parentBits, const RetargetWindow& window,
                      uint64_t windowStartTime, uint64_t parentTime)
{
    const auto parentTarget = Uint256::fromCompact(parentBits);
    if (!parentTarget) return params.genesisBits;
    if (window.gaps == 0) return parentBits;
    // Quarter-second units keep the clamp exact for any intended span.
    uint64_t intended = 4 * params.targetBlockSeconds * window.gaps;
    const uint64_t measured = parentTime > windowStartTime ? 4 * (parentTime - windowStartTime) : 0;
    uint64_t actual = std::clamp<uint64_t>(measured, intended / kRetargetClamp, intended * kRetargetClamp);
    // The multiplier is 32 bits: long windows (a day per block x 100,000 blocks) scale both
    // spans down alike instead of truncating the measured one.
    while (actual > UINT32_MAX) {
        actual >>= 1;
        intended >>= 1;
    }

    Uint256 target = *parentTarget;
    // Scale before dividing, keeping a bit of headroom so the multiply cannot overflow.
    const unsigned headroom = std::max(0, target.bits() + 34 - 256);
    target >>= headroom;
    target *= uint32_t(actual);
    target /= Uint256(intended);
    target <<= headroom;
    if (target > params.powLimit || target.isZero()) target = params.powLimit;
    return target.toCompact();
}

uint64_t medianTimePast(std::vector<uint64_t> times)
{
    if (times.empty()) return 0;
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace pb

namespace pb {

std::optional<Uint256> blockTarget(const BlockHeader& header)
{
    auto target = Uint256::fromCompact(header.bits);
    if (!target || !header.claimsLabel()) return target;
    // Saturate rather than wrap: a target this easy already accepts almost any hash.
    if (!(*target >> (256 - kPhotoProofShift)).isZero()) {
        Hash256 all;
        all.fill(0xff);
        return Uint256::fromBigEndian(all);
    }
    return *target << kPhotoProofShift;
}

} // namespace pb
