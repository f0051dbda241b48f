#pragma once
// The fixed 88-byte block header (little-endian fields):
//   version u32 | prev hash 32 | content root 32 | time u64 | bits u32 | nonce u64
// The nonce is the last 8 bytes, inside the header's second SHA-256 block, so miners hash
// each nonce from a midstate of bytes 0..63.
#include "core/util/Bytes.h"

namespace pb {

struct BlockHeader {
    static constexpr size_t kSize = 88;
    static constexpr size_t kNonceOffset = 80;

    static constexpr uint32_t kVersion = 1;
    // Set when the block claims a photo label: its proof of work then only has to meet the
    // photo target (16x easier), which a header-only peer must know to check it.
    static constexpr uint32_t kLabelClaimFlag = 0x100;

    uint32_t version = kVersion;
    Hash256 prevHash{};
    Hash256 contentRoot{};
    uint64_t time = 0;  // seconds since the Unix epoch
    uint32_t bits = 0;  // compact target
    uint64_t nonce = 0;

    std::array<uint8_t, kSize> serialize() const;
    static std::optional<BlockHeader> parse(const uint8_t* data, size_t size);
    Hash256 hash() const;  // block id: sha256d of the serialized header
    bool claimsLabel() const { return (version & kLabelClaimFlag) != 0; }

    friend bool operator==(const BlockHeader& a, const BlockHeader& b)
    {
        return a.serialize() == b.serialize();
    }
};

} // namespace pb
