#pragma once
// SHA-256 for the engine: one-shot and double hashing through OpenSSL, plus the raw
// compression function and midstate that the miner's nonce scanners build on.
#include "core/util/Bytes.h"

namespace pb::crypto {

// SHA-256 initial state (FIPS 180-4 section 5.3.3).
extern const uint32_t kSha256Init[8];

Hash256 sha256(const uint8_t* data, size_t size);
inline Hash256 sha256(const Bytes& b) { return sha256(b.data(), b.size()); }
Hash256 sha256d(const uint8_t* data, size_t size);
inline Hash256 sha256d(const Bytes& b) { return sha256d(b.data(), b.size()); }

// Portable compression of one 64-byte block into `state` (reference for every fast path).
void sha256CompressPortable(uint32_t state[8], const uint8_t block[64]);

// State after compressing the first 64 bytes of a message, starting from kSha256Init.
struct Midstate {
    uint32_t h[8];
};
Midstate sha256Midstate(const uint8_t first64[64]);

} // namespace pb::crypto
