#pragma once
// Durations counted into fixed buckets with atomics, cheap enough for every Redis command, and
// the process-wide ones /metrics exposes (Prometheus-style: one set per process, which runs one
// node outside of tests).
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace pb {

class DurationHistogram {
public:
    // Upper bounds in seconds, ascending; a last, implicit bucket holds everything above.
    static constexpr std::array<double, 12> kBounds = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                       0.01,   0.025,   0.05,   0.1,   0.5,    2.5};

    struct Snapshot {
        std::array<std::uint64_t, kBounds.size()> cumulative{};  // observations <= each bound
        std::uint64_t count = 0;
        double sumSeconds = 0;
    };

    void observe(std::chrono::nanoseconds duration);
    Snapshot snapshot() const;

private:
    std::array<std::atomic<std::uint64_t>, kBounds.size() + 1> buckets_{};
    std::atomic<std::uint64_t> sumNanoseconds_{0};
};

// Observes the time from construction to destruction.
class ScopedDuration {
public:
    explicit ScopedDuration(DurationHistogram& histogram) : histogram_(histogram), start_(std::chrono::steady_clock::now()) {}
    ~ScopedDuration() { histogram_.observe(std::chrono::steady_clock::now() - start_); }
    ScopedDuration(const ScopedDuration&) = delete;
    ScopedDuration& operator=(const ScopedDuration&) = delete;

private:
    DurationHistogram& histogram_;
    std::chrono::steady_clock::time_point start_;
};

struct ProcessTimings {
    DurationHistogram redisCommand;  // one Redis command's round trip (RedisClient)
    DurationHistogram recognizer;    // one photo through the recognizer
    // Every RedisClient round trip: a command, or a pipeline or transaction of any length.
    std::atomic<std::uint64_t> redisRoundTrips{0};
};
ProcessTimings& processTimings();

} // namespace pb
