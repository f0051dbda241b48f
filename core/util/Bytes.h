#pragma once
// Byte containers, hex text and little-endian codecs shared by the whole engine.
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pb {

using Bytes = std::vector<uint8_t>;
using Hash256 = std::array<uint8_t, 32>;

std::string toHex(const uint8_t* data, size_t size);
inline std::string toHex(const Bytes& b) { return toHex(b.data(), b.size()); }
template <size_t N>
std::string toHex(const std::array<uint8_t, N>& a) { return toHex(a.data(), N); }

// Lower- or upper-case hex, even length; nullopt on any other character.
std::optional<Bytes> fromHex(std::string_view hex);
std::optional<Hash256> hashFromHex(std::string_view hex);

inline void putLE32(uint8_t* p, uint32_t v) { for (int i = 0; i < 4; ++i) p[i] = uint8_t(v >> (8 * i)); }
inline void putLE64(uint8_t* p, uint64_t v) { for (int i = 0; i < 8; ++i) p[i] = uint8_t(v >> (8 * i)); }
inline uint32_t getLE32(const uint8_t* p) { uint32_t v = 0; for (int i = 3; i >= 0; --i) v = (v << 8) | p[i]; return v; }
inline uint64_t getLE64(const uint8_t* p) { uint64_t v = 0; for (int i = 7; i >= 0; --i) v = (v << 8) | p[i]; return v; }
inline void putBE32(uint8_t* p, uint32_t v) { for (int i = 0; i < 4; ++i) p[i] = uint8_t(v >> (24 - 8 * i)); }
inline uint32_t getBE32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

} // namespace pb
