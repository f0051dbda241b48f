#pragma once
// Internal to pb_crypto: the contract between NonceScanner.cpp and the per-CPU kernels.
//
// Kernel files are compiled with SIMD flags (-mavx512f, -msha, ...). Anything they share with
// baseline code must be plain data or a template instantiated on a type private to that file;
// a shared non-template inline function would be emitted by every file, and the linker could
// keep the SIMD-compiled copy for callers that run on CPUs without those instructions.
#include "core/crypto/Sha256.h"

namespace pb::crypto::detail {

extern const uint32_t kSha256K[64];

// Everything a kernel needs for one job and one value of the nonce's high 32 bits. In the
// header's second block only W4 (the byte-swapped low nonce word) differs between nonces, so
// the first four rounds and most of the message schedule are computed once here.
struct KernelJob {
    uint32_t midstate[8];
    uint32_t w[16];          // the second block as big-endian words; w[4] is 0 (per lane)
    uint32_t state3[8];      // a..h after rounds 0..3, which only see constant words
    uint32_t round4A;        // after round 4: a = round4A + W4, e = round4E + W4
    uint32_t round4E;
    uint32_t kw[64];         // K[t] + W[t] for rounds 5..18, whose words are constant
    uint32_t wc[64];         // t >= 16: the sum of W[t]'s schedule terms that do not vary
    // The outer hash of the 32-byte digest: W0..W7 vary, W8..W15 are the fixed padding.
    uint32_t outerRound0A;   // after round 0 from the initial state: a = outerRound0A + W0,
    uint32_t outerRound0E;   // e = outerRound0E + W0
    uint32_t outerKw[64];    // K[t] + W[t] for rounds 8..15
    uint32_t outerWc[64];    // t >= 16: like wc
};

// A kernel hashes `lanes` consecutive nonces (high word fixed by the job, low words lo, lo+1, ...
// wrapping mod 2^32) and writes final sha256d state words: out[word * lanes + lane].
using Kernel = void (*)(const KernelJob& job, uint32_t lo, uint32_t* out);

// Each backend has two kernels: `digest` writes all eight words; `topWord` writes only word 0
// (the hash's most significant word, which decides nearly every target comparison) and skips
// the work only the other words need. Scanning runs topWord and reruns digest on the rare batch
// with a candidate.
struct KernelSet {
    Kernel digest;
    Kernel topWord;
    int lanes;
};

constexpr int kMaxLanes = 48;

extern const KernelSet kPortableKernels;
#if defined(PB_X86_KERNELS)
extern const KernelSet kShaNiKernels;
extern const KernelSet kAvx2Kernels;
// One, two or three independent 16-lane zmm groups interleaved per call.
extern const KernelSet kAvx512x1Kernels;
extern const KernelSet kAvx512x2Kernels;
extern const KernelSet kAvx512x3Kernels;
#endif

} // namespace pb::crypto::detail
