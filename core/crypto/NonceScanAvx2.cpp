// 8 nonces per call, one per 32-bit lane of a ymm register. Compiled with -mavx2; only called
// after a run-time check. Unlike AVX-512, two interleaved groups is slower here: with 16 registers
// and no rotate instruction it spills.
#include "core/crypto/NonceScanLanes.h"

#include <immintrin.h>

namespace pb::crypto::detail {

namespace {

struct Ymm {
    static constexpr int kLanes = 8;
    __m256i v;

    static Ymm set1(uint32_t x) { return {_mm256_set1_epi32(int(x))}; }
    static Ymm load(const uint32_t* p) { return {_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p))}; }
    static void store(uint32_t* p, Ymm x) { _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), x.v); }
    friend Ymm operator+(Ymm a, Ymm b) { return {_mm256_add_epi32(a.v, b.v)}; }
    template <int N>
    static Ymm rotr(Ymm x) { return {_mm256_or_si256(_mm256_srli_epi32(x.v, N), _mm256_slli_epi32(x.v, 32 - N))}; }
    template <int N>
    static Ymm shr(Ymm x) { return {_mm256_srli_epi32(x.v, N)}; }
    static Ymm xor3(Ymm a, Ymm b, Ymm c) { return {_mm256_xor_si256(_mm256_xor_si256(a.v, b.v), c.v)}; }
    static Ymm choose(Ymm e, Ymm f, Ymm g)
    {
        return {_mm256_xor_si256(_mm256_and_si256(e.v, _mm256_xor_si256(f.v, g.v)), g.v)};
    }
    static Ymm majority(Ymm a, Ymm b, Ymm c)
    {
        return {_mm256_or_si256(_mm256_and_si256(a.v, b.v), _mm256_and_si256(c.v, _mm256_or_si256(a.v, b.v)))};
    }
};

} // namespace

const KernelSet kAvx2Kernels = kernelSetOf<Ymm>();

} // namespace pb::crypto::detail
