#include "core/util/DurationHistogram.h"

#include <algorithm>

namespace pb {

void DurationHistogram::observe(std::chrono::nanoseconds duration)
{
    const double seconds = std::chrono::duration<double>(duration).count();
    size_t bucket = 0;
    while (bucket < kBounds.size() && seconds > kBounds[bucket]) ++bucket;
    buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
    sumNanoseconds_.fetch_add(std::uint64_t(std::max<std::int64_t>(0, duration.count())), std::memory_order_relaxed);
}

DurationHistogram::Snapshot DurationHistogram::snapshot() const
{
    Snapshot s;
    std::uint64_t running = 0;
    for (size_t i = 0; i < kBounds.size(); ++i) {
        running += buckets_[i].load(std::memory_order_relaxed);
        s.cumulative[i] = running;
    }
    // Read concurrently with observe(): the count is at least every bucket, so buckets never
    // exceed it (a format rule).
    s.count = running + buckets_[kBounds.size()].load(std::memory_order_relaxed);
    s.sumSeconds = double(sumNanoseconds_.load(std::memory_order_relaxed)) / 1e9;
    return s;
}

ProcessTimings& processTimings()
{
    static ProcessTimings timings;
    return timings;
}

} // namespace pb
