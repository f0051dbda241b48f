#include "core/mining/HashrateMeter.h"

#include <algorithm>

namespace pb::mining {

int64_t HashrateMeter::secondOf(Clock::time_point t) const
{
    return std::chrono::duration_cast<std::chrono::seconds>(t - origin_).count();
}

void HashrateMeter::advanceTo(int64_t second)
{
    if (newestSecond_ < 0) {
        newestSecond_ = second;
        return;
    }
    const int64_t steps = std::min<int64_t>(second - newestSecond_, kWindowSeconds);
    for (int64_t i = 1; i <= steps; ++i) buckets_[(newestSecond_ + i) % kWindowSeconds] = 0;
    newestSecond_ = std::max(newestSecond_, second);
}

void HashrateMeter::add(uint64_t hashes, Clock::time_point now)
{
    std::lock_guard lock(mutex_);
    const int64_t second = secondOf(now);
    if (second < 0) return;
    advanceTo(second);
    if (newestSecond_ - second >= kWindowSeconds) return;
    if (firstSecond_ < 0) firstSecond_ = second;
    buckets_[second % kWindowSeconds] += hashes;
}

double HashrateMeter::rate(int seconds, Clock::time_point now) const
{
    std::lock_guard lock(mutex_);
    if (firstSecond_ < 0 || seconds <= 0) return 0.0;
    seconds = std::min(seconds, kWindowSeconds);
    const int64_t current = secondOf(now);
    const double elapsedInCurrent =
        std::chrono::duration<double>(now - origin_).count() - double(current);
    uint64_t total = 0;
    for (int64_t s = current - seconds + 1; s <= current; ++s) {
        if (s < 0 || s > newestSecond_ || newestSecond_ - s >= kWindowSeconds) continue;
        total += buckets_[s % kWindowSeconds];
    }
    // Divide by the time actually covered: a window reaching before the first sample or into
    // a partial current second would otherwise understate the rate.
    const int64_t windowStart = std::max<int64_t>(current - seconds + 1, firstSecond_);
    const double covered = double(current - windowStart) + std::max(elapsedInCurrent, 0.001);
    return covered > 0 ? double(total) / covered : 0.0;
}

void HashrateMeter::reset()
{
    std::lock_guard lock(mutex_);
    buckets_.fill(0);
    newestSecond_ = -1;
    firstSecond_ = -1;
}

} // namespace pb::mining
