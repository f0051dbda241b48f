#pragma once
// Internal to pb_crypto: the sha256d header kernel written once over a "vector of lanes" type V
// (one nonce per lane) and instantiated by each backend file with its own compile flags. All of
// it is templated on V, whose types are private to each file, so no instantiation is shared.
//
// V provides kLanes, set1, load, store, operator+, rotr<n>, shr<n>, xor3, choose (e ? f : g
// bitwise) and majority.
//
// The round loops are deliberately left rolled: fully unrolled, the AVX-512 kernel is tens of
// kilobytes of long EVEX instructions and measured slower than the loops.
#include "core/crypto/NonceScanKernels.h"

namespace pb::crypto::detail {

// GCC stops inlining round() once a vector is three zmm wide, and then passes the state through
// memory: an out-of-line round ran at half the speed.
#define PB_LANES_INLINE __attribute__((always_inline)) inline

// N independent vectors per operation, so that N nonce groups' dependency chains interleave
// and fill each other's latency gaps. The loops are over a compile-time N and fully unrolled,
// so the groups stay in registers as separate variables would.
template <class V, int N>
struct Groups {
    static constexpr int kLanes = N * V::kLanes;
    V g[N];

    template <class F>
    PB_LANES_INLINE static Groups each(F f)
    {
        Groups r;
#pragma GCC unroll 4
        for (int i = 0; i < N; ++i)
            r.g[i] = f(i);
        return r;
    }
    static Groups set1(uint32_t v) { return each([&](int) { return V::set1(v); }); }
    static Groups load(const uint32_t* p) { return each([&](int i) { return V::load(p + i * V::kLanes); }); }
    static void store(uint32_t* p, Groups v)
    {
#pragma GCC unroll 4
        for (int i = 0; i < N; ++i)
            V::store(p + i * V::kLanes, v.g[i]);
    }
    friend Groups operator+(Groups a, Groups b) { return each([&](int i) { return a.g[i] + b.g[i]; }); }
    template <int S>
    static Groups rotr(Groups a) { return each([&](int i) { return V::template rotr<S>(a.g[i]); }); }
    template <int S>
    static Groups shr(Groups a) { return each([&](int i) { return V::template shr<S>(a.g[i]); }); }
    static Groups xor3(Groups a, Groups b, Groups c) { return each([&](int i) { return V::xor3(a.g[i], b.g[i], c.g[i]); }); }
    static Groups choose(Groups a, Groups b, Groups c) { return each([&](int i) { return V::choose(a.g[i], b.g[i], c.g[i]); }); }
    static Groups majority(Groups a, Groups b, Groups c)
    {
        return each([&](int i) { return V::majority(a.g[i], b.g[i], c.g[i]); });
    }
};

template <class V>
struct Sha256dLanes {
    struct State {
        V a, b, c, d, e, f, g, h;
    };

    PB_LANES_INLINE static V bigSigma0(V x) { return V::xor3(V::template rotr<2>(x), V::template rotr<13>(x), V::template rotr<22>(x)); }
    PB_LANES_INLINE static V bigSigma1(V x) { return V::xor3(V::template rotr<6>(x), V::template rotr<11>(x), V::template rotr<25>(x)); }
    PB_LANES_INLINE static V sigma0(V x) { return V::xor3(V::template rotr<7>(x), V::template rotr<18>(x), V::template shr<3>(x)); }
    PB_LANES_INLINE static V sigma1(V x) { return V::xor3(V::template rotr<17>(x), V::template rotr<19>(x), V::template shr<10>(x)); }

    // One round, with the sums ordered so that terms computed from this round's e and a are
    // added last: consecutive rounds are a dependency chain through e and a, and on this CPU
    // (AMD Zen 5) even vector adds have two cycles of latency. That costs one extra add (e and t1 both
    // sum hk + ch) but shortens each round's chain from eight to six cycles.
    PB_LANES_INLINE static void round(State& s, V kw)
    {
        V hk = s.h + kw;
        V ch = V::choose(s.e, s.f, s.g);
        V s1 = bigSigma1(s.e);
        V en = ((s.d + hk) + ch) + s1;
        V t1 = (hk + ch) + s1;
        V an = (t1 + V::majority(s.a, s.b, s.c)) + bigSigma0(s.a);
        s.h = s.g;
        s.g = s.f;
        s.f = s.e;
        s.e = en;
        s.d = s.c;
        s.c = s.b;
        s.b = s.a;
        s.a = an;
    }

    // The new a of a round, without the new e nor the shift of the other words.
    PB_LANES_INLINE static V roundA(const State& s, V kw)
    {
        V t1 = ((s.h + kw) + V::choose(s.e, s.f, s.g)) + bigSigma1(s.e);
        return (t1 + V::majority(s.a, s.b, s.c)) + bigSigma0(s.a);
    }

    PB_LANES_INLINE static V expand(const V* w, int t) { return sigma1(w[t - 2]) + w[t - 7] + sigma0(w[t - 15]) + w[t - 16]; }
    static V set1(uint32_t x) { return V::set1(x); }

    // kTopWordOnly: write only word 0 (out[lane]); word 0 is a after round 63 plus the initial
    // value, so round 63 computes nothing else and the other seven words are never added up.
    template <bool kTopWordOnly>
    static void run(const KernelJob& job, uint32_t lo, uint32_t* out)
    {
        alignas(64) uint32_t nonceWords[V::kLanes];
        for (int i = 0; i < V::kLanes; ++i)
            nonceWords[i] = __builtin_bswap32(lo + uint32_t(i));
        V w[64];

        // Inner compression of the header's second block. Only W4 varies; each schedule word
        // below is written as job.wc[t] plus exactly the terms that depend on W4.
        const V w4 = V::load(nonceWords);
        const uint32_t* wc = job.wc;
        w[19] = sigma0(w4) + set1(wc[19]);
        w[20] = w4 + set1(wc[20]);
        for (int t = 21; t < 26; ++t)
            w[t] = sigma1(w[t - 2]) + set1(wc[t]);
        for (int t = 26; t < 34; ++t)
            w[t] = sigma1(w[t - 2]) + w[t - 7] + set1(wc[t]);
        w[34] = sigma1(w[32]) + w[27] + sigma0(w[19]) + set1(wc[34]);
        for (int t = 35; t < 64; ++t)
            w[t] = expand(w, t);

        const uint32_t* s3 = job.state3;
        State s{set1(job.round4A) + w4, set1(s3[0]), set1(s3[1]), set1(s3[2]),
                set1(job.round4E) + w4, set1(s3[4]), set1(s3[5]), set1(s3[6])};
        for (int t = 5; t < 19; ++t)
            round(s, set1(job.kw[t]));
        for (int t = 19; t < 64; ++t)
            round(s, w[t] + set1(kSha256K[t]));

        // Outer hash: the digest words are W0..W7, W8..W15 are constant padding.
        const uint32_t* mid = job.midstate;
        w[0] = s.a + set1(mid[0]);
        w[1] = s.b + set1(mid[1]);
        w[2] = s.c + set1(mid[2]);
        w[3] = s.d + set1(mid[3]);
        w[4] = s.e + set1(mid[4]);
        w[5] = s.f + set1(mid[5]);
        w[6] = s.g + set1(mid[6]);
        w[7] = s.h + set1(mid[7]);
        const uint32_t* owc = job.outerWc;
        w[16] = sigma0(w[1]) + w[0] + set1(owc[16]);
        w[17] = sigma0(w[2]) + w[1] + set1(owc[17]);
        for (int t = 18; t < 23; ++t)
            w[t] = sigma1(w[t - 2]) + sigma0(w[t - 15]) + w[t - 16] + set1(owc[t]);
        w[23] = sigma1(w[21]) + w[16] + w[7] + set1(owc[23]);
        for (int t = 24; t < 31; ++t)
            w[t] = sigma1(w[t - 2]) + w[t - 7] + set1(owc[t]);
        w[31] = sigma1(w[29]) + w[24] + sigma0(w[16]) + set1(owc[31]);
        for (int t = 32; t < 64; ++t)
            w[t] = expand(w, t);

        const uint32_t* iv = kSha256Init;
        State o{set1(job.outerRound0A) + w[0], set1(iv[0]), set1(iv[1]), set1(iv[2]),
                set1(job.outerRound0E) + w[0], set1(iv[4]), set1(iv[5]), set1(iv[6])};
        for (int t = 1; t < 8; ++t)
            round(o, w[t] + set1(kSha256K[t]));
        for (int t = 8; t < 16; ++t)
            round(o, set1(job.outerKw[t]));
        for (int t = 16; t < 63; ++t)
            round(o, w[t] + set1(kSha256K[t]));
        if constexpr (kTopWordOnly) {
            V::store(out, roundA(o, w[63] + set1(kSha256K[63])) + set1(iv[0]));
            return;
        }
        round(o, w[63] + set1(kSha256K[63]));

        const V result[8] = {o.a, o.b, o.c, o.d, o.e, o.f, o.g, o.h};
        for (int i = 0; i < 8; ++i)
            V::store(out + i * V::kLanes, result[i] + set1(iv[i]));
    }
};

// The kernel pair for lane type V (one of the file-private types, like every instantiation here).
template <class V>
constexpr KernelSet kernelSetOf()
{
    return {&Sha256dLanes<V>::template run<false>, &Sha256dLanes<V>::template run<true>, V::kLanes};
}

} // namespace pb::crypto::detail
