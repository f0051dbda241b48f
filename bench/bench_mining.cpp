// Measures the nonce-scan kernels against this CPU's single-stream SHA-256 speed and, with
// --peer, against cpuminer-opt on the same machine; see bench/README.md.
#include "PeerMiner.h"
#include "core/crypto/NonceScanner.h"
#include "core/mining/Miner.h"

#include <openssl/sha.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

using namespace pb;
using namespace pb::crypto;
using namespace pb::mining;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// "31.2 MH/s", or "24.0 M compressions/s" for a unit that is a word.
std::string perSecond(double rate, const char* unit)
{
    const char* prefixes[] = {"", "k", "M", "G"};
    int i = 0;
    while (rate >= 1000 && i < 3) {
        rate /= 1000;
        ++i;
    }
    char buf[64];
    const bool word = std::strlen(unit) > 3;
    std::snprintf(buf, sizeof buf, "%.1f %s%s%s", rate, prefixes[i], word && i > 0 ? " " : "", unit);
    return buf;
}

// OpenSSL over a 16 KiB buffer: per-call overhead is negligible, so bytes/s / 64 is the rate of
// one dependent chain of compressions on one core.
double compressionsPerSecond(double seconds)
{
    std::vector<uint8_t> buffer(16 * 1024, 0x5a);
    uint8_t digest[SHA256_DIGEST_LENGTH];
    uint64_t bytes = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    while (elapsed < seconds) {
        for (int i = 0; i < 16; ++i) {
            SHA256(buffer.data(), buffer.size(), digest);
            buffer[0] ^= digest[0];
        }
        bytes += 16 * buffer.size();
        elapsed = secondsSince(start);
    }
    return double(bytes) / 64 / elapsed;
}

HeaderJob benchJob()
{
    uint8_t header[80];
    for (int i = 0; i < 80; ++i)
        header[i] = uint8_t(i * 13 + 7);
    // An all-zero target is never met (short of a hash of zero), so every scan runs its range.
    return makeHeaderJob(header, Hash256{});
}

struct Rate {
    double hashesPerSecond;
    double cpusUsed;  // process CPU time / wall time: below the thread count, cores were not free
};

// Hashes per second of `threads` threads scanning disjoint nonce ranges for `seconds`.
Rate hashrate(ShaBackend backend, unsigned threads, double seconds)
{
    const HeaderJob job = benchJob();
    std::atomic<uint64_t> total{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> workers;
    const auto start = Clock::now();
    const std::clock_t cpuStart = std::clock();
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            uint64_t nonce = uint64_t(t) << 48, done = 0;
            while (!stop.load(std::memory_order_relaxed)) {
                ScanResult r = scanNonces(backend, job, nonce, 1 << 16);
                nonce += r.hashesDone;
                done += r.hashesDone;
            }
            total += done;
        });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& w : workers)
        w.join();
    const double wall = secondsSince(start);
    return {double(total) / wall, double(std::clock() - cpuStart) / CLOCKS_PER_SEC / wall};
}

// The engine's Miner (job hand-off, slices, hashrate meter) on `threads` threads, with a job
// whose all-zero target is never met.
Rate minerHashrate(unsigned threads, double seconds)
{
    Miner miner([](uint64_t, uint64_t) {});
    WorkUnit job;
    job.id = 1;
    for (size_t i = 0; i < job.header.size(); ++i)
        job.header[i] = uint8_t(i * 29 + 3);
    miner.setWork(job);
    const std::clock_t cpuStart = std::clock();
    const auto start = Clock::now();
    const uint64_t before = miner.totalHashes();
    miner.start(int(threads));
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const uint64_t hashes = miner.totalHashes() - before;
    const double wall = secondsSince(start);
    const double cpus = double(std::clock() - cpuStart) / CLOCKS_PER_SEC / wall;
    miner.stop();
    return {double(hashes) / wall, cpus};
}

// Every N up to 8, then doubling, and always the machine's full count: large machines stay
// within a few measurements.
std::vector<unsigned> threadCounts(unsigned max)
{
    std::vector<unsigned> counts;
    for (unsigned n = 1; n <= max; n = n < 8 ? n + 1 : n * 2)
        counts.push_back(n);
    if (counts.back() != max)
        counts.push_back(max);
    return counts;
}

const char* verdict(bool ok) { return ok ? "met" : "NOT met"; }

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// cpuminer-opt reports each thread's rate once per scan (about 5 s once warmed up, see
// PeerMiner.cpp): 20 s gives two or three steady reports per thread.
constexpr double kMinPeerSeconds = 20;
constexpr double kPeerTargetRatio = 1.15;

// Hashes per CPU-second: on a machine others use, what the side would do with the cores it got.
double perCpu(double rate, double cpus) { return cpus > 0 ? rate / cpus : 0; }

// Ours and the peer back to back on 1 and `threads` threads, `repeats` times, alternating which
// runs first so that a change in the machine's load does not always favour the same side. The
// wall-clock ratio is the target's; the per-CPU ratio shows how much of it was the load.
// Returns false when the peer's rate could not be read.
bool compareWithPeer(const std::string& peer, unsigned threads, int repeats, double seconds)
{
    const ShaBackend best = bestBackend();
    std::printf("\npeer comparison: ours (%s) vs %s --benchmark -a sha256d, %.0f s per run, %d runs per thread count\n",
                backendName(best).c_str(), peer.c_str(), seconds, repeats);
    std::vector<unsigned> counts{1};
    if (threads > 1)
        counts.push_back(threads);
    bool allMet = true;
    for (unsigned n : counts) {
        std::vector<double> oursRates, peerRates, ratios, cpuRatios;
        for (int run = 0; run < repeats; ++run) {
            Rate ours{};
            bench::PeerRate theirs;
            if (run % 2 == 0) {
                ours = hashrate(best, n, seconds);
                theirs = bench::runPeerMiner(peer, n, seconds);
            } else {
                theirs = bench::runPeerMiner(peer, n, seconds);
                ours = hashrate(best, n, seconds);
            }
            if (!theirs.error.empty()) {
                std::fprintf(stderr, "peer: %s\n", theirs.error.c_str());
                return false;
            }
            const double ratio = ours.hashesPerSecond / theirs.hashesPerSecond;
            const double oursPerCpu = perCpu(ours.hashesPerSecond, ours.cpusUsed);
            const double peerPerCpu = perCpu(theirs.hashesPerSecond, theirs.cpusUsed);
            oursRates.push_back(ours.hashesPerSecond);
            peerRates.push_back(theirs.hashesPerSecond);
            ratios.push_back(ratio);
            if (peerPerCpu > 0)
                cpuRatios.push_back(oursPerCpu / peerPerCpu);
            std::printf("  %u thread%s run %d: ours %s (%.2f CPUs, %s per CPU)   peer %s (%.2f CPUs, %s per CPU; "
                        "%d reports; its %s)   ratio %.2f, per CPU %.2f\n",
                        n, n == 1 ? " " : "s", run + 1, perSecond(ours.hashesPerSecond, "H/s").c_str(), ours.cpusUsed,
                        perSecond(oursPerCpu, "H/s").c_str(), perSecond(theirs.hashesPerSecond, "H/s").c_str(),
                        theirs.cpusUsed, perSecond(peerPerCpu, "H/s").c_str(), theirs.reports,
                        theirs.lastTotalLine.empty() ? "Total: -" : theirs.lastTotalLine.c_str(), ratio,
                        peerPerCpu > 0 ? oursPerCpu / peerPerCpu : 0.0);
        }
        const double mid = median(ratios);
        const bool met = mid >= kPeerTargetRatio;
        allMet = allMet && met;
        std::printf("  %u thread%s median: ours %s, peer %s, ratio %.2f (runs %.2f .. %.2f), per CPU %.2f (runs %.2f .. %.2f); "
                    "ours >= %.2fx peer: %s\n",
                    n, n == 1 ? " " : "s", perSecond(median(oursRates), "H/s").c_str(),
                    perSecond(median(peerRates), "H/s").c_str(), mid, *std::min_element(ratios.begin(), ratios.end()),
                    *std::max_element(ratios.begin(), ratios.end()), cpuRatios.empty() ? 0.0 : median(cpuRatios),
                    cpuRatios.empty() ? 0.0 : *std::min_element(cpuRatios.begin(), cpuRatios.end()),
                    cpuRatios.empty() ? 0.0 : *std::max_element(cpuRatios.begin(), cpuRatios.end()), kPeerTargetRatio,
                    verdict(met));
    }
    std::printf("target ours >= %.2fx peer per thread count (median wall-clock ratio): %s\n", kPeerTargetRatio,
                verdict(allMet));
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    double seconds = 2.0;
    std::string peer;
    int peerThreads = 2, repeats = 3;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (std::strcmp(argv[i], "--peer") == 0 && i + 1 < argc) {
            peer = argv[++i];
        } else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
            peerThreads = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeats = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr,
                         "usage: %s [--seconds S] [--peer PATH [--threads N] [--repeat R]]\n"
                         "  each measurement runs S seconds (default 2); with --peer, ours and the cpuminer-opt\n"
                         "  binary at PATH run back to back on 1 and N threads (default 2), R times (default 3),\n"
                         "  max(S, %.0f) seconds each\n",
                         argv[0], kMinPeerSeconds);
            return 2;
        }
    }
    if (seconds <= 0 || peerThreads < 1 || repeats < 1) {
        std::fprintf(stderr, "--seconds, --threads and --repeat must be positive\n");
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // a long --peer run shows its progress in a pipe or file
    double load[1] = {0};
    if (getloadavg(load, 1) == 1)
        std::printf("system load average (1 min) before the run: %.2f (other processes skew every number)\n", load[0]);

    const double compressions = compressionsPerSecond(seconds);
    std::printf("single-stream SHA-256 (OpenSSL, 16 KiB buffer, 1 thread): %s\n",
                perSecond(compressions, "compressions/s").c_str());

    std::printf("\n1-thread nonce scan per backend:\n");
    for (ShaBackend b : availableBackends()) {
        const double rate = hashrate(b, 1, seconds).hashesPerSecond;
        std::printf("  %-9s %12s   ratio %.2f\n", backendName(b).c_str(), perSecond(rate, "H/s").c_str(),
                    rate / (compressions / 2));
    }

    const ShaBackend best = bestBackend();
    const unsigned maxThreads = std::max(1u, std::thread::hardware_concurrency());
    std::printf("\nbest backend (%s) on N threads:\n", backendName(best).c_str());
    double one = 0, two = 0;
    for (unsigned n : threadCounts(maxThreads)) {
        const Rate r = hashrate(best, n, seconds);
        const double rate = r.hashesPerSecond;
        if (n == 1)
            one = rate;
        if (n == 2)
            two = rate;
        std::printf("  %2u threads %12s   x%.2f   (process got %.2f CPUs)\n", n, perSecond(rate, "H/s").c_str(),
                    rate / one, r.cpusUsed);
    }

    std::printf("\nengine miner (pb::mining::Miner, %s):\n", backendName(best).c_str());
    const Rate minerOne = minerHashrate(1, seconds);
    std::printf("   1 thread  %12s   ratio %.2f\n", perSecond(minerOne.hashesPerSecond, "H/s").c_str(),
                minerOne.hashesPerSecond / (compressions / 2));
    if (maxThreads > 1) {
        const Rate minerAll = minerHashrate(maxThreads, seconds);
        std::printf("  %2u threads %12s   x%.2f   (process got %.2f CPUs)\n", maxThreads,
                    perSecond(minerAll.hashesPerSecond, "H/s").c_str(),
                    minerAll.hashesPerSecond / minerOne.hashesPerSecond, minerAll.cpusUsed);
    }

    const double ratio = one / (compressions / 2);
    std::printf("\nratio = hashrate_1thread_best / (compressions_per_s / 2) = %.2f\n", ratio);
    std::printf("target ratio >= 2.0: %s\n", verdict(ratio >= 2.0));
    if (maxThreads >= 2)
        std::printf("target 2-thread >= 1.8x 1-thread: %s (x%.2f)\n", verdict(two >= 1.8 * one), two / one);
    else
        std::printf("target 2-thread >= 1.8x 1-thread: not measurable on 1 hardware thread\n");
    if (!peer.empty() && !compareWithPeer(peer, unsigned(peerThreads), repeats, std::max(seconds, kMinPeerSeconds)))
        return 1;
    return 0;
}
