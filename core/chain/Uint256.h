#pragma once
// Unsigned 256-bit integers for targets and cumulative work, with Bitcoin-style compact
// "bits" encoding. Byte conversions are big-endian: a hash's bytes read as a number.
#include "core/util/Bytes.h"

namespace pb {

class Uint256 {
public:
    Uint256() = default;
    explicit Uint256(uint64_t v);
    static Uint256 fromBigEndian(const Hash256& bytes);
    Hash256 toBigEndian() const;
    std::string toHex() const;  // 64 hex digits, big-endian
    static std::optional<Uint256> fromHex(std::string_view hex);

    // Compact form: exponent byte + 23-bit mantissa. nullopt when the sign bit is set, the
    // value overflows 256 bits or is zero — all invalid as a target.
    static std::optional<Uint256> fromCompact(uint32_t bits);
    uint32_t toCompact() const;

    bool isZero() const;
    int bits() const;  // index of the highest set bit + 1; 0 for zero
    double toDouble() const;

    Uint256& operator+=(const Uint256& o);
    Uint256& operator-=(const Uint256& o);
    Uint256& operator<<=(unsigned n);
    Uint256& operator>>=(unsigned n);
    Uint256& operator*=(uint32_t m);
    Uint256& operator/=(const Uint256& d);
    Uint256 operator~() const;

    friend Uint256 operator+(Uint256 a, const Uint256& b) { return a += b; }
    friend Uint256 operator-(Uint256 a, const Uint256& b) { return a -= b; }
    friend Uint256 operator/(Uint256 a, const Uint256& b) { return a /= b; }
    friend Uint256 operator<<(Uint256 a, unsigned n) { return a <<= n; }
    friend Uint256 operator>>(Uint256 a, unsigned n) { return a >>= n; }
    friend int compare(const Uint256& a, const Uint256& b);
    friend bool operator<(const Uint256& a, const Uint256& b) { return compare(a, b) < 0; }
    friend bool operator>(const Uint256& a, const Uint256& b) { return compare(a, b) > 0; }
    friend bool operator<=(const Uint256& a, const Uint256& b) { return compare(a, b) <= 0; }
    friend bool operator>=(const Uint256& a, const Uint256& b) { return compare(a, b) >= 0; }
    friend bool operator==(const Uint256& a, const Uint256& b) { return compare(a, b) == 0; }
    friend bool operator!=(const Uint256& a, const Uint256& b) { return compare(a, b) != 0; }

private:
    uint32_t limb[8] = {};  // little-endian limbs: limb[0] is least significant
};

// Expected number of hashes to find a block at `target`: 2^256 / (target + 1).
Uint256 workForTarget(const Uint256& target);

} // namespace pb
