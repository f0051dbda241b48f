#pragma once
// Choosing a nonce-scan backend by timing it on this CPU. Which kernel variant is fastest
// (SHA-NI, or one, two or three interleaved AVX-512 groups) depends on the microarchitecture,
// so bestBackend() times the candidates once per process instead of trusting a fixed order.
#include "core/crypto/NonceScanner.h"

#include <functional>
#include <vector>

namespace pb::crypto {

// The candidate with the highest rate; on a tie the earlier one. `candidates` must not be empty.
ShaBackend fastestBackend(const std::vector<ShaBackend>& candidates, const std::function<double(ShaBackend)>& rateOf);

// Nonces per CPU-second of one thread scanning with `backend`: the best of a few scans of about
// half a millisecond each, timed on the thread's CPU clock, so that other processes on a
// shared machine (preemption, a noisy moment) do not decide the choice.
double measuredRate(ShaBackend backend);

} // namespace pb::crypto
