#pragma once
// Difficulty retargeting and block-time rules: pure functions over header fields.
#include "core/chain/NetworkParams.h"

#include <vector>

namespace pb {

// The blocks whose time span a retarget measures: from `startHeight` to the parent of the
// retargeting block, `gaps` block intervals.
struct RetargetWindow {
    uint64_t startHeight = 0;
    uint64_t gaps = 0;
};

// When the block at `nextHeight` retargets, the window it measures; nullopt when it keeps its
// parent's bits. Each window starts at the last block of the previous one, so consecutive
// windows share a block: every interval between blocks is measured by some retarget, and a
// time stamped far ahead at the end of one window is the start of the next (the time-warp that
// Bitcoin's non-overlapping windows allow cannot repeat). The first window starts at genesis
// and so has one gap fewer.
std::optional<RetargetWindow> retargetWindow(const NetworkParams& params, uint64_t nextHeight);

// Retarget clamp: the target moves by at most this factor each way per retarget.
constexpr uint64_t kRetargetClamp = 4;

// Bits for the block after a parent with `parentBits`. At a retarget height, the target scales
// by the measured span (parent time - window start time) over the intended span (the window's
// gaps x the block time), clamped to kRetargetClamp each way and to the network's pow limit.
uint32_t retargetBits(const NetworkParams& params, uint32_t parentBits, const RetargetWindow& window,
                      uint64_t windowStartTime, uint64_t parentTime);

// Median of the given block times (the last 11 blocks' times, or fewer near genesis).
uint64_t medianTimePast(std::vector<uint64_t> times);

constexpr size_t kMedianTimeSpan = 11;

// A confirmed photo label makes the target this many bits easier (2^4 = 16x).
constexpr unsigned kPhotoProofShift = 4;

// The target a header's hash must meet: its bits, or the photo target when it claims a label.
// nullopt when the bits do not encode a valid target.
std::optional<Uint256> blockTarget(const BlockHeader& header);

} // namespace pb
