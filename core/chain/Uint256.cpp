#include "core/chain/Uint256.h"

#include <cmath>
#include <optional>
#include <utility>

namespace pb {

Uint256::Uint256(uint64_t v)
{
    limb[0] = uint32_t(v);
    limb[1] = uint32_t(v >> 32);
}

Uint256 Uint256::fromBigEndian(const Hash256& bytes)
{
    Uint256 r;
    for (int i = 0; i < 8; ++i) r.limb[7 - i] = getBE32(bytes.data() + 4 * i);
    return r;
}

Hash256 Uint256::toBigEndian() const
{
    Hash256 out;
    for (int i = 0; i < 8; ++i) putBE32(out.data() + 4 * i, limb[7 - i]);
    return out;
}

std::string Uint256::toHex() const { return pb::toHex(toBigEndian()); }

std::optional<Uint256> Uint256::fromHex(std::string_view hex)
{
    auto h = hashFromHex(hex);
    if (!h) return std::nullopt;
    return fromBigEndian(*h);
}

std::optional<Uint256> Uint256::fromCompact(uint32_t bits)
{
    const unsigned exponent = bits >> 24;
    const uint32_t mantissa = bits & 0x007fffff;
    if (bits & 0x00800000) return std::nullopt;
    Uint256 r(mantissa);
    if (exponent <= 3) {
        r >>= 8 * (3 - exponent);
    } else {
        if (mantissa != 0 && (exponent > 34 || r.bits() + 8 * (exponent - 3) > 256)) return std::nullopt;
        r <<= 8 * (exponent - 3);
    }
    if (r.isZero()) return std::nullopt;
    return r;
}

uint32_t Uint256::toCompact() const
{
    unsigned size = (bits() + 7) / 8;
    uint32_t mantissa;
    if (size <= 3) {
        mantissa = uint32_t(limb[0] << (8 * (3 - size)));
    } else {
        mantissa = (*this >> (8 * (size - 3))).limb[0];
    }
    // A set 0x00800000 bit would read back as a sign; move it into the exponent instead.
    if (mantissa & 0x00800000) {
        mantissa >>= 8;
        ++size;
    }
    return (size << 24) | (mantissa & 0x007fffff);
}

bool Uint256::isZero() const
{
    for (uint32_t l : limb)
        if (l) return false;
    return true;
}

int Uint256::bits() const
{
    for (int i = 7; i >= 0; --i)
        if (limb[i]) return 32 * i + 32 - __builtin_clz(limb[i]);
    return 0;
}

double Uint256::toDouble() const
{
    double r = 0;
    for (int i = 7; i >= 0; --i) r = r * 4294967296.0 + limb[i];
    return r;
}

Uint256& Uint256::operator+=(const Uint256& o)
{
    uint64_t carry = 0;
    for (int i = 0; i < 8; ++i) {
        uint64_t s = uint64_t(limb[i]) + o.limb[i] + carry;
        limb[i] = uint32_t(s);
        carry = s >> 32;
    }
    return *this;
}

Uint256& Uint256::operator-=(const Uint256& o)
{
    Uint256 neg = ~o;
    neg += Uint256(1);
    return *this += neg;
}

Uint256 Uint256::operator~() const
{
    Uint256 r;
    for (int i = 0; i < 8; ++i) r.limb[i] = ~limb[i];
    return r;
}

Uint256& Uint256::operator<<=(unsigned n)
{
    Uint256 r;
    const unsigned words = n / 32, shift = n % 32;
    for (int i = 7; i >= 0; --i) {
        if (i - int(words) < 0) break;
        uint64_t v = uint64_t(limb[i - words]) << shift;
        r.limb[i] |= uint32_t(v);
        if (i + 1 < 8) r.limb[i + 1] |= uint32_t(v >> 32);
    }
    return *this = r;
}

Uint256& Uint256::operator>>=(unsigned n)
{
    Uint256 r;
    const unsigned words = n / 32, shift = n % 32;
    for (unsigned i = words; i < 8; ++i) {
        uint64_t v = (uint64_t(limb[i]) << 32) >> shift;
        r.limb[i - words] |= uint32_t(v >> 32);
        if (i - words >= 1) r.limb[i - words - 1] |= uint32_t(v);
    }
    return *this = r;
}

Uint256& Uint256::operator*=(uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < 8; ++i) {
        uint64_t p = uint64_t(limb[i]) * m + carry;
        limb[i] = uint32_t(p);
        carry = p >> 32;
    }
    return *this;
}

Uint256& Uint256::operator/=(const Uint256& d)
{
    // Shift-subtract long division; only used for work and retargeting, never per hash.
    Uint256 quotient, remainder;
    for (int bit = bits() - 1; bit >= 0; --bit) {
        remainder <<= 1;
        if (limb[bit / 32] >> (bit % 32) & 1) remainder.limb[0] |= 1;
        if (remainder >= d) {
            remainder -= d;
            quotient.limb[bit / 32] |= 1u << (bit % 32);
        }
    }
    return *this = quotient;
}

int compare(const Uint256& a, const Uint256& b)
{
    for (int i = 7; i >= 0; --i) {
        if (a.limb[i] != b.limb[i]) return a.limb[i] < b.limb[i] ? -1 : 1;
    }
    return 0;
}

Uint256 workForTarget(const Uint256& target)
{
    // Blocks between two retargets share their target, and the division is a 256-step loop
    // that sync would otherwise run for every header and block: the last answer is kept (per
    // thread, so without a lock).
    thread_local std::optional<std::pair<Uint256, Uint256>> last;
    if (!last || last->first != target) {
        // 2^256 / (t+1) == (~t / (t+1)) + 1, computed without a 257th bit.
        last = std::pair{target, (~target / (target + Uint256(1))) + Uint256(1)};
    }
    return last->second;
}

} // namespace pb
