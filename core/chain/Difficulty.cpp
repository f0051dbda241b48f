#include "core/chain/Difficulty.h"

#include <algorithm>

namespace pb {

std::optional<uint64_t> retargetWindowStart(const NetworkParams& params, uint64_t nextHeight)
{
    if (params.retargetInterval == 0 || nextHeight == 0 || nextHeight % params.retargetInterval != 0)
        return std::nullopt;
    return nextHeight - params.retargetInterval;
}

uint32_t retargetBits(const NetworkParams& params, uint32_t parentBits, uint64_t windowStartTime,
                      uint64_t parentTime)
{
    const auto parentTarget = Uint256::fromCompact(parentBits);
    if (!parentTarget) return params.genesisBits;
    // Quarter-second units keep the factor-4 clamp exact for any intended span.
    const uint64_t intended = 4 * params.targetBlockSeconds * params.retargetInterval;
    const uint64_t measured = parentTime > windowStartTime ? 4 * (parentTime - windowStartTime) : 0;
    const uint64_t actual = std::clamp<uint64_t>(measured, intended / 4, intended * 4);

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
