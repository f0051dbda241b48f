#pragma once
// Hash counts bucketed per second, averaged over sliding windows (10 s, 60 s, 15 min).
// Thread-safe: miner threads add, the engine and GUI read.
#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace pb::mining {

class HashrateMeter {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr int kWindowSeconds = 15 * 60;

    void add(uint64_t hashes, Clock::time_point now = Clock::now());
    // Hashes per second over the last `seconds` complete-or-current seconds.
    double rate(int seconds, Clock::time_point now = Clock::now()) const;
    void reset();

private:
    int64_t secondOf(Clock::time_point t) const;
    void advanceTo(int64_t second);

    mutable std::mutex mutex_;
    std::array<uint64_t, kWindowSeconds> buckets_{};
    int64_t newestSecond_ = -1;   // bucket index base, seconds since `origin_`
    int64_t firstSecond_ = -1;    // first second with data, to not dilute a fresh start
    Clock::time_point origin_ = Clock::now();
};

} // namespace pb::mining
