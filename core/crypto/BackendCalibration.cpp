#include "core/crypto/BackendCalibration.h"

#include <algorithm>
#include <ctime>

namespace pb::crypto {

ShaBackend fastestBackend(const std::vector<ShaBackend>& candidates, const std::function<double(ShaBackend)>& rateOf)
{
    ShaBackend best = candidates.front();
    double bestRate = rateOf(best);
    for (size_t i = 1; i < candidates.size(); ++i) {
        const double rate = rateOf(candidates[i]);
        if (rate > bestRate) {
            best = candidates[i];
            bestRate = rate;
        }
    }
    return best;
}

namespace {

// This thread's CPU time: time the thread spent preempted by other processes does not count.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

} // namespace

double measuredRate(ShaBackend backend)
{
    // An all-zero target is never met, so every scan hashes its whole range: about 0.5 ms at
    // 30 MH/s, a multiple of every kernel's batch (8, 16, 32, 48), so no lane is wasted.
    constexpr uint64_t kNonces = 48 * 342;
    constexpr int kTries = 3;
    uint8_t header[80] = {};
    const HeaderJob job = makeHeaderJob(header, Hash256{});
    double best = 0;
    for (int i = 0; i < kTries; ++i) {
        const double start = threadCpuSeconds();
        scanNonces(backend, job, uint64_t(i) * kNonces, kNonces);
        const double seconds = threadCpuSeconds() - start;
        if (seconds > 0)
            best = std::max(best, double(kNonces) / seconds);
    }
    return best;
}

} // namespace pb::crypto
