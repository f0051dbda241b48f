#include "core/crypto/NonceScanner.h"

#include "core/crypto/BackendCalibration.h"
#include "core/crypto/NonceScanKernels.h"

#include <algorithm>
#if defined(PB_X86_KERNELS)
#include <cpuid.h>
#endif
#include <stdexcept>

namespace pb::crypto {

using detail::KernelJob;
using detail::kSha256K;

namespace {

uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
uint32_t bigSigma0(uint32_t x) { return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22); }
uint32_t bigSigma1(uint32_t x) { return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25); }
uint32_t sigma0(uint32_t x) { return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3); }
uint32_t sigma1(uint32_t x) { return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10); }
uint32_t choose(uint32_t e, uint32_t f, uint32_t g) { return (e & f) ^ (~e & g); }
uint32_t majority(uint32_t a, uint32_t b, uint32_t c) { return (a & b) ^ (a & c) ^ (b & c); }

// Extends w[0..15] to the full schedule where `varies` marks the words that differ between
// nonces. For every t >= 16, constant[t] gets the sum of the terms whose input is fixed; the
// kernels add the varying terms themselves.
void splitSchedule(uint32_t w[64], bool varies[64], uint32_t constant[64])
{
    for (int t = 16; t < 64; ++t) {
        uint32_t sum = 0;
        bool anyVaries = false;
        auto term = [&](int i, uint32_t value) {
            if (varies[i])
                anyVaries = true;
            else
                sum += value;
        };
        term(t - 2, sigma1(w[t - 2]));
        term(t - 7, w[t - 7]);
        term(t - 15, sigma0(w[t - 15]));
        term(t - 16, w[t - 16]);
        constant[t] = sum;
        varies[t] = anyVaries;
        w[t] = anyVaries ? 0 : sum;
    }
}

// One round on s[0..7] = a..h with K[t] + W[t] = kw.
void scalarRound(uint32_t s[8], uint32_t kw)
{
    uint32_t t1 = s[7] + bigSigma1(s[4]) + choose(s[4], s[5], s[6]) + kw;
    uint32_t t2 = bigSigma0(s[0]) + majority(s[0], s[1], s[2]);
    for (int i = 7; i > 0; --i)
        s[i] = s[i - 1];
    s[4] += t1;
    s[0] = t1 + t2;
}

// The round whose word W varies, done without it: a = t1 + t2 + W, e = d + t1 + W.
void partialRound(const uint32_t s[8], uint32_t k, uint32_t* a, uint32_t* e)
{
    uint32_t t1 = s[7] + bigSigma1(s[4]) + choose(s[4], s[5], s[6]) + k;
    *a = t1 + bigSigma0(s[0]) + majority(s[0], s[1], s[2]);
    *e = s[3] + t1;
}

KernelJob prepareKernelJob(const HeaderJob& job, uint32_t nonceHigh)
{
    KernelJob k{};
    std::memcpy(k.midstate, job.midstate.h, sizeof k.midstate);

    uint8_t block[64] = {};
    std::memcpy(block, job.tail, 16);
    putLE32(block + 20, nonceHigh);
    block[24] = 0x80;
    putBE32(block + 60, 88 * 8);
    uint32_t w[64];
    bool varies[64] = {};
    for (int t = 0; t < 16; ++t)
        k.w[t] = w[t] = getBE32(block + 4 * t);
    varies[4] = true;
    splitSchedule(w, varies, k.wc);

    std::memcpy(k.state3, k.midstate, sizeof k.state3);
    for (int t = 0; t < 4; ++t)
        scalarRound(k.state3, kSha256K[t] + w[t]);
    partialRound(k.state3, kSha256K[4], &k.round4A, &k.round4E);
    for (int t = 5; t < 19; ++t)
        k.kw[t] = kSha256K[t] + w[t];

    uint32_t outer[64] = {};
    bool outerVaries[64] = {true, true, true, true, true, true, true, true};
    outer[8] = 0x80000000;
    outer[15] = 32 * 8;
    splitSchedule(outer, outerVaries, k.outerWc);
    partialRound(kSha256Init, kSha256K[0], &k.outerRound0A, &k.outerRound0E);
    for (int t = 8; t < 16; ++t)
        k.outerKw[t] = kSha256K[t] + outer[t];
    return k;
}

#if defined(PB_X86_KERNELS)
// CPUID leaf 7, EBX bit 29: the SHA extensions (clang 15's __builtin_cpu_supports has no "sha").
bool cpuHasShaExtensions()
{
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    return __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & (1u << 29)) != 0;
}
#endif

bool cpuSupports(ShaBackend b)
{
#if defined(PB_X86_KERNELS)
    switch (b) {
    case ShaBackend::Portable:
        return true;
    case ShaBackend::ShaNi:
        return cpuHasShaExtensions() && __builtin_cpu_supports("sse4.1") && __builtin_cpu_supports("ssse3");
    case ShaBackend::Avx2:
        return __builtin_cpu_supports("avx2");
    case ShaBackend::Avx512x1:
    case ShaBackend::Avx512x2:
    case ShaBackend::Avx512x3:
        return __builtin_cpu_supports("avx512f");
    }
    return false;
#else
    return b == ShaBackend::Portable;
#endif
}

// Running a kernel the CPU lacks would die on an illegal instruction, so refuse loudly.
const detail::KernelSet& kernelsFor(ShaBackend b)
{
    if (!cpuSupports(b))
        throw std::invalid_argument("SHA-256 backend " + backendName(b) + " is not supported by this CPU");
    switch (b) {
#if defined(PB_X86_KERNELS)
    case ShaBackend::ShaNi:
        return detail::kShaNiKernels;
    case ShaBackend::Avx2:
        return detail::kAvx2Kernels;
    case ShaBackend::Avx512x1:
        return detail::kAvx512x1Kernels;
    case ShaBackend::Avx512x2:
        return detail::kAvx512x2Kernels;
    case ShaBackend::Avx512x3:
        return detail::kAvx512x3Kernels;
#endif
    default:
        return detail::kPortableKernels;
    }
}

Hash256 hashFromWords(const uint32_t* out, int lanes, int lane)
{
    Hash256 h;
    for (int i = 0; i < 8; ++i)
        putBE32(h.data() + 4 * i, out[i * lanes + lane]);
    return h;
}

// Walks firstNonce .. firstNonce+count-1 in batches of `kernel` (digest or topWord of the
// backend). A batch never crosses a change of the nonce's high word (the kernel job depends on
// it); lanes past the range are ignored. `visit(nonce, job, low, out, lane)` returns true to stop.
template <class Visit>
uint64_t forEachBatch(const detail::KernelSet& kernels, detail::Kernel kernel, const HeaderJob& job,
                      uint64_t firstNonce, uint64_t count, Visit visit)
{
    alignas(64) uint32_t out[8 * detail::kMaxLanes];
    KernelJob kernelJob{};
    bool prepared = false;
    uint32_t preparedHigh = 0;
    uint64_t done = 0;
    while (done < count) {
        const uint64_t nonce = firstNonce + done;
        const uint32_t high = uint32_t(nonce >> 32), low = uint32_t(nonce);
        if (!prepared || high != preparedHigh) {
            kernelJob = prepareKernelJob(job, high);
            prepared = true;
            preparedHigh = high;
        }
        kernel(kernelJob, low, out);
        uint64_t valid = std::min<uint64_t>({uint64_t(kernels.lanes), count - done, (uint64_t(1) << 32) - low});
        for (uint64_t lane = 0; lane < valid; ++lane) {
            if (visit(nonce + lane, kernelJob, low, out, int(lane)))
                return done + lane + 1;
        }
        done += valid;
    }
    return done;
}

} // namespace

HeaderJob makeHeaderJob(const uint8_t header80[80], const Hash256& target)
{
    HeaderJob job;
    job.midstate = sha256Midstate(header80);
    std::memcpy(job.tail, header80 + 64, 16);
    job.target = target;
    return job;
}

std::string backendName(ShaBackend b)
{
    switch (b) {
    case ShaBackend::Portable:
        return "portable";
    case ShaBackend::ShaNi:
        return "sha-ni";
    case ShaBackend::Avx2:
        return "avx2";
    case ShaBackend::Avx512x1:
        return "avx512x1";
    case ShaBackend::Avx512x2:
        return "avx512x2";
    case ShaBackend::Avx512x3:
        return "avx512x3";
    }
    return "unknown";
}

std::vector<ShaBackend> availableBackends()
{
    std::vector<ShaBackend> result;
    for (ShaBackend b : {ShaBackend::Portable, ShaBackend::ShaNi, ShaBackend::Avx2, ShaBackend::Avx512x1,
                         ShaBackend::Avx512x2, ShaBackend::Avx512x3}) {
        if (cpuSupports(b))
            result.push_back(b);
    }
    return result;
}

// Not timed, to keep start-up short: portable when anything else runs, and AVX2 when AVX-512
// does. Each is the same lane code as a candidate on narrower or fewer-featured registers and
// several times slower (bench_mining prints every backend's rate; docs/mining-performance.md).
ShaBackend bestBackend()
{
    static const ShaBackend best = [] {
        std::vector<ShaBackend> candidates;
        for (ShaBackend b : availableBackends()) {
            if (b == ShaBackend::Portable || (b == ShaBackend::Avx2 && cpuSupports(ShaBackend::Avx512x1)))
                continue;
            candidates.push_back(b);
        }
        if (candidates.empty())
            return ShaBackend::Portable;
        return fastestBackend(candidates, measuredRate);
    }();
    return best;
}

ScanResult scanNonces(ShaBackend backend, const HeaderJob& job, uint64_t firstNonce, uint64_t count)
{
    const detail::KernelSet& kernels = kernelsFor(backend);
    const uint32_t targetHigh = getBE32(job.target.data());
    alignas(64) uint32_t digest[8 * detail::kMaxLanes];
    ScanResult result;
    result.hashesDone = forEachBatch(kernels, kernels.topWord, job, firstNonce, count,
        [&](uint64_t nonce, const KernelJob& kernelJob, uint32_t low, const uint32_t* top, int lane) {
            // The top word decides almost every comparison. Below targetHigh is a win (the scan
            // ends) and equal is a tie (1 in 2^32), so rehashing the batch in full for the other
            // words costs one extra batch per scan at most.
            if (top[lane] > targetHigh)
                return false;
            kernels.digest(kernelJob, low, digest);
            Hash256 h = hashFromWords(digest, kernels.lanes, lane);
            if (std::memcmp(h.data(), job.target.data(), 32) > 0)
                return false;
            result.found = true;
            result.nonce = nonce;
            return true;
        });
    return result;
}

void hashNonces(ShaBackend backend, const HeaderJob& job, uint64_t firstNonce, size_t count, Hash256* out)
{
    const detail::KernelSet& kernels = kernelsFor(backend);
    forEachBatch(kernels, kernels.digest, job, firstNonce, count,
        [&](uint64_t nonce, const KernelJob&, uint32_t, const uint32_t* words, int lane) {
            out[nonce - firstNonce] = hashFromWords(words, kernels.lanes, lane);
            return false;
        });
}

} // namespace pb::crypto
