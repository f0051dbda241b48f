#pragma once
// Runs an external miner's own benchmark (cpuminer-opt: `--benchmark -a sha256d -t N`) for a
// fixed time and reads the rate it prints, so bench_mining can compare our kernels with it.
// Only bench_mining --peer uses this; nothing in the build or CI needs the peer binary.
#include <string>

namespace pb::bench {

struct PeerRate {
    double hashesPerSecond = 0;  // sum over threads of each thread's mean steady rate
    int reports = 0;             // steady per-thread rate lines averaged
    double cpusUsed = 0;         // the peer's CPU time / wall time after its warm-up; 0 if unknown
    std::string lastTotalLine;   // the peer's own "Total: ..." line, shown for reference
    std::string error;           // non-empty when no rate could be read
};

// One per-thread line of cpuminer-opt's --hash-meter output, e.g.
// "[2026-12-07 01:41:42] Thread 1, CPU 1: 9018.72 kh/s" (colour escapes around it are fine).
// Returns false for any other line.
bool parsePeerThreadLine(const std::string& line, int* thread, double* hashesPerSecond);

// Starts `path --benchmark -a sha256d -t threads --hash-meter`, reads its output for `seconds`,
// then stops it (SIGINT, SIGKILL if it lingers).
PeerRate runPeerMiner(const std::string& path, unsigned threads, double seconds);

} // namespace pb::bench
