#include "core/crypto/BackendCalibration.h"

#include <algorithm>
#include <chrono>

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

double measuredRate(ShaBackend backend)
{
    using Clock = std::chrono::steady_clock;
    // An all-zero target is never met, so every scan hashes its whole range: about 0.5 ms at
    // 30 MH/s, a multiple of every kernel's batch (8, 16, 32, 48), so no lane is wasted.
    constexpr uint64_t kNonces = 48 * 342;
    constexpr int kTries = 3;
    uint8_t header[80] = {};
    const HeaderJob job = makeHeaderJob(header, Hash256{});
    double best = 0;
    for (int i = 0; i < kTries; ++i) {
        const auto start = Clock::now();
        scanNonces(backend, job, uint64_t(i) * kNonces, kNonces);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (seconds > 0)
            best = std::max(best, double(kNonces) / seconds);
    }
    return best;
}

} // namespace pb::crypto
