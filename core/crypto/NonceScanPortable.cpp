// The baseline kernel: the shared lane code on plain 32-bit integers, one nonce per call.
#include "core/crypto/NonceScanLanes.h"

namespace pb::crypto::detail {

namespace {

struct Scalar {
    static constexpr int kLanes = 1;
    uint32_t v;

    static Scalar set1(uint32_t x) { return {x}; }
    static Scalar load(const uint32_t* p) { return {*p}; }
    static void store(uint32_t* p, Scalar x) { *p = x.v; }
    friend Scalar operator+(Scalar a, Scalar b) { return {a.v + b.v}; }
    template <int N>
    static Scalar rotr(Scalar x) { return {(x.v >> N) | (x.v << (32 - N))}; }
    template <int N>
    static Scalar shr(Scalar x) { return {x.v >> N}; }
    static Scalar xor3(Scalar a, Scalar b, Scalar c) { return {a.v ^ b.v ^ c.v}; }
    static Scalar choose(Scalar e, Scalar f, Scalar g) { return {(e.v & f.v) ^ (~e.v & g.v)}; }
    static Scalar majority(Scalar a, Scalar b, Scalar c) { return {(a.v & b.v) | (c.v & (a.v | b.v))}; }
};

} // namespace

const KernelSet kPortableKernels = kernelSetOf<Scalar>();

} // namespace pb::crypto::detail
