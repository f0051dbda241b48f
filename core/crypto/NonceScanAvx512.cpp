// 16, 32 or 48 nonces per call: one, two or three zmm groups per value, one nonce per 32-bit
// lane. Compiled with -mavx512f; only called after a run-time check. AVX-512F alone gives
// rotates (vprord) and three-input logic (vpternlogd), which make a round about half the
// instructions of the AVX2 one. One group is latency-bound; more groups hide the latency but
// need more of the 32 registers, and where they start to spill depends on the CPU and compiler,
// so all three are built and bestBackend() times them (see docs/mining-performance.md).
#include "core/crypto/NonceScanLanes.h"

#include <immintrin.h>

namespace pb::crypto::detail {

namespace {

struct Zmm {
    static constexpr int kLanes = 16;
    __m512i v;

    static Zmm set1(uint32_t x) { return {_mm512_set1_epi32(int(x))}; }
    static Zmm load(const uint32_t* p) { return {_mm512_loadu_si512(p)}; }
    static void store(uint32_t* p, Zmm x) { _mm512_storeu_si512(p, x.v); }
    friend Zmm operator+(Zmm a, Zmm b) { return {_mm512_add_epi32(a.v, b.v)}; }
    // Masked forms with a full mask compile to the plain vprord/vpsrld; the unmasked intrinsics
    // trip a false -Wuninitialized inside GCC 12's header (GCC bug 105593).
    template <int N>
    static Zmm rotr(Zmm x) { return {_mm512_mask_ror_epi32(x.v, 0xffff, x.v, N)}; }
    template <int N>
    static Zmm shr(Zmm x) { return {_mm512_mask_srli_epi32(x.v, 0xffff, x.v, N)}; }
    // vpternlogd immediates are the truth tables of the three-input functions.
    static Zmm xor3(Zmm a, Zmm b, Zmm c) { return {_mm512_ternarylogic_epi32(a.v, b.v, c.v, 0x96)}; }
    static Zmm choose(Zmm e, Zmm f, Zmm g) { return {_mm512_ternarylogic_epi32(e.v, f.v, g.v, 0xca)}; }
    static Zmm majority(Zmm a, Zmm b, Zmm c) { return {_mm512_ternarylogic_epi32(a.v, b.v, c.v, 0xe8)}; }
};

} // namespace

const KernelSet kAvx512x1Kernels = kernelSetOf<Zmm>();
const KernelSet kAvx512x2Kernels = kernelSetOf<Groups<Zmm, 2>>();
const KernelSet kAvx512x3Kernels = kernelSetOf<Groups<Zmm, 3>>();

} // namespace pb::crypto::detail
