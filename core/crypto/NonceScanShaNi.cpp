// Several nonces per call on the SHA extensions. One stream is bound by the latency of
// sha256rnds2 (each depends on the previous); independent nonces interleaved instruction by
// instruction keep the SHA unit busy instead. Measured here (MH/s per thread) with 2, 4, 8, 12
// and 16 streams: 12, 18, 22, 24, 21; 8 is nearly the best and spills less than 12.
// Compiled with -msha -msse4.1; only called after a run-time check.
#include "core/crypto/NonceScanKernels.h"

#include <immintrin.h>

namespace pb::crypto::detail {

namespace {

constexpr int kStreams = 8;

// The SHA-NI state registers: abef holds (f, e, b, a) and cdgh (h, g, d, c) from lane 0 up.
struct PackedState {
    __m128i abef, cdgh;
};

PackedState pack(const uint32_t s[8])
{
    return {_mm_set_epi32(int(s[0]), int(s[1]), int(s[4]), int(s[5])),
            _mm_set_epi32(int(s[2]), int(s[3]), int(s[6]), int(s[7]))};
}

// Back to words in order: abcd = (a, b, c, d) and efgh = (e, f, g, h) from lane 0 up.
void unpack(PackedState s, __m128i* abcd, __m128i* efgh)
{
    __m128i feba = _mm_shuffle_epi32(s.abef, 0x1b);
    __m128i dchg = _mm_shuffle_epi32(s.cdgh, 0xb1);
    *abcd = _mm_blend_epi16(feba, dchg, 0xf0);
    *efgh = _mm_alignr_epi8(dchg, feba, 8);
}

// Four rounds; kw holds K[t] + W[t] for them.
void rounds4(PackedState& s, __m128i kw)
{
    s.cdgh = _mm_sha256rnds2_epu32(s.cdgh, s.abef, kw);
    s.abef = _mm_sha256rnds2_epu32(s.abef, s.cdgh, _mm_shuffle_epi32(kw, 0x0e));
}

// Schedule words 4g .. 4g+3 from the previous sixteen.
__m128i expand(const __m128i* m, int g)
{
    __m128i x = _mm_add_epi32(_mm_sha256msg1_epu32(m[g - 4], m[g - 3]), _mm_alignr_epi8(m[g - 1], m[g - 2], 4));
    return _mm_sha256msg2_epu32(x, m[g - 1]);
}

__m128i load(const uint32_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
__m128i k4(int g) { return load(kSha256K + 4 * g); }

// Rounds 16..63 of every stream, interleaved.
void finishStreams(PackedState* s, __m128i (*m)[16])
{
#pragma GCC unroll 12
    for (int g = 4; g < 16; ++g) {
#pragma GCC unroll 8
        for (int j = 0; j < kStreams; ++j) {
            m[j][g] = expand(m[j], g);
            rounds4(s[j], _mm_add_epi32(m[j][g], k4(g)));
        }
    }
}

void kernelShaNi(const KernelJob& job, uint32_t lo, uint32_t* out)
{
    __m128i m[kStreams][16];
    PackedState s[kStreams];

    // Inner compression from the precomputed state after round 3; only W4 differs per stream.
    const PackedState start = pack(job.state3);
    const __m128i kw8 = load(job.kw + 8), kw12 = load(job.kw + 12);
#pragma GCC unroll 8
    for (int j = 0; j < kStreams; ++j) {
        m[j][0] = load(job.w);
        m[j][1] = _mm_insert_epi32(load(job.w + 4), int(__builtin_bswap32(lo + uint32_t(j))), 0);
        m[j][2] = load(job.w + 8);
        m[j][3] = load(job.w + 12);
        s[j] = start;
        rounds4(s[j], _mm_add_epi32(m[j][1], k4(1)));
        rounds4(s[j], kw8);
        rounds4(s[j], kw12);
    }
    finishStreams(s, m);

    // Outer hash of the digest; its second half of the block is fixed padding.
    const PackedState mid = pack(job.midstate), init = pack(kSha256Init);
    const __m128i pad8 = _mm_set_epi32(0, 0, 0, int(0x80000000)), pad12 = _mm_set_epi32(256, 0, 0, 0);
    const __m128i okw8 = load(job.outerKw + 8), okw12 = load(job.outerKw + 12);
#pragma GCC unroll 8
    for (int j = 0; j < kStreams; ++j) {
        PackedState digest = {_mm_add_epi32(s[j].abef, mid.abef), _mm_add_epi32(s[j].cdgh, mid.cdgh)};
        unpack(digest, &m[j][0], &m[j][1]);
        m[j][2] = pad8;
        m[j][3] = pad12;
        s[j] = init;
        rounds4(s[j], _mm_add_epi32(m[j][0], k4(0)));
        rounds4(s[j], _mm_add_epi32(m[j][1], k4(1)));
        rounds4(s[j], okw8);
        rounds4(s[j], okw12);
    }
    finishStreams(s, m);

    alignas(16) uint32_t words[8];
#pragma GCC unroll 8
    for (int j = 0; j < kStreams; ++j) {
        PackedState final = {_mm_add_epi32(s[j].abef, init.abef), _mm_add_epi32(s[j].cdgh, init.cdgh)};
        __m128i abcd, efgh;
        unpack(final, &abcd, &efgh);
        _mm_store_si128(reinterpret_cast<__m128i*>(words), abcd);
        _mm_store_si128(reinterpret_cast<__m128i*>(words + 4), efgh);
        for (int i = 0; i < 8; ++i)
            out[i * kStreams + j] = words[i];
    }
}

} // namespace

// sha256rnds2 does two rounds at once, so there is nothing to skip for the top word alone.
const KernelSet kShaNiKernels = {kernelShaNi, kernelShaNi, kStreams};

} // namespace pb::crypto::detail
