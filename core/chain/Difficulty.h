#pragma once
// Difficulty retargeting and block-time rules: pure functions over header fields.
#include "core/chain/NetworkParams.h"

#include <vector>

namespace pb {

// When the block at `nextHeight` retargets, the height of the first block of the window whose
// time span is measured; nullopt when it keeps its parent's bits.
std::optional<uint64_t> retargetWindowStart(const NetworkParams& params, uint64_t nextHeight);

// Bits for the block after a parent with `parentBits`. At a retarget height, the target scales
// by the measured span (parent time - window start time) over the intended span, clamped to a
// factor of 4 each way and to the network's pow limit.
uint32_t retargetBits(const NetworkParams& params, uint32_t parentBits, uint64_t windowStartTime,
                      uint64_t parentTime);

// Median of the given block times (the last 11 blocks' times, or fewer near genesis).
uint64_t medianTimePast(std::vector<uint64_t> times);

constexpr size_t kMedianTimeSpan = 11;

// A confirmed photo label makes the target this many bits easier (2^4 = 16x).
constexpr unsigned kPhotoProofShift = 4;

// The target a header's hash must meet: its bits, or the photo target when it claims a label.
// nullopt when the bits do not encode a valid target.
std::optional<Uint256> blockTarget(const BlockHeader& header);

} // namespace pb
