#pragma once
// Proof-of-work nonce search over an 88-byte block header.
//
// Header layout (little-endian fields): version u32 | prev 32 | content root 32 | time u64 |
// bits u32 | nonce u64. Bytes 0..63 are constant per job and are folded into a midstate;
// bytes 64..79 ("tail") are constant too; the nonce is bytes 80..87. Each nonce costs two
// compressions: the header's second block from the midstate, then the outer hash of the
// 32-byte digest. The header hash is sha256d(header) and meets the target when its 32 bytes,
// read as a big-endian number, are <= the 32-byte big-endian target.
#include "core/crypto/Sha256.h"

#include <string>
#include <vector>

namespace pb::crypto {

struct HeaderJob {
    Midstate midstate;   // sha256Midstate(header bytes 0..63)
    uint8_t tail[16];    // header bytes 64..79
    Hash256 target;      // big-endian; a hash <= target wins
};

// Builds a job from the first 80 header bytes (the nonce is supplied by the scan).
HeaderJob makeHeaderJob(const uint8_t header80[80], const Hash256& target);

// Avx512xN interleaves N groups of 16 nonces; which N is fastest depends on the CPU.
enum class ShaBackend { Portable, ShaNi, Avx2, Avx512x1, Avx512x2, Avx512x3 };
std::string backendName(ShaBackend b);

struct ScanResult {
    bool found = false;
    uint64_t nonce = 0;       // the winning nonce when found
    uint64_t hashesDone = 0;  // nonces actually hashed
};

// Backends this CPU can run (Portable always), in no particular order.
std::vector<ShaBackend> availableBackends();
// The fastest backend this CPU can run, timed once per process on first use (a few ms; see
// BackendCalibration.h). Every backend computes the same hashes; only the speed differs.
ShaBackend bestBackend();

// Hashes nonces firstNonce .. firstNonce+count-1 (wrapping mod 2^64), returns at the first
// nonce whose header hash meets the target, or after all `count`.
ScanResult scanNonces(ShaBackend backend, const HeaderJob& job, uint64_t firstNonce, uint64_t count);

// Writes the full sha256d header hash for `count` consecutive nonces (for tests and benches).
void hashNonces(ShaBackend backend, const HeaderJob& job, uint64_t firstNonce, size_t count, Hash256* out);

} // namespace pb::crypto
