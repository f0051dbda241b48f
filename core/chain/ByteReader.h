#pragma once
// Bounds-checked cursor over untrusted bytes: every read fails cleanly past the end.
#include "core/util/Bytes.h"

namespace pb {

class ByteReader {
public:
    ByteReader(const uint8_t* data, size_t size) : p_(data), end_(data + size) {}

    size_t remaining() const { return size_t(end_ - p_); }
    bool atEnd() const { return p_ == end_; }

    bool readU8(uint8_t& v) { return take(1, [&](const uint8_t* q) { v = *q; }); }
    bool readU32(uint32_t& v) { return take(4, [&](const uint8_t* q) { v = getLE32(q); }); }
    bool readU64(uint64_t& v) { return take(8, [&](const uint8_t* q) { v = getLE64(q); }); }
    template <size_t N>
    bool readArray(std::array<uint8_t, N>& a) { return take(N, [&](const uint8_t* q) { std::memcpy(a.data(), q, N); }); }
    bool readBytes(size_t n, Bytes& out) { return take(n, [&](const uint8_t* q) { out.assign(q, q + n); }); }
    bool readSpan(size_t n, const uint8_t*& out) { return take(n, [&](const uint8_t* q) { out = q; }); }

private:
    template <typename F>
    bool take(size_t n, F f)
    {
        if (remaining() < n) return false;
        f(p_);
        p_ += n;
        return true;
    }
    const uint8_t* p_;
    const uint8_t* end_;
};

inline void appendU8(Bytes& b, uint8_t v) { b.push_back(v); }
inline void appendU32(Bytes& b, uint32_t v) { uint8_t t[4]; putLE32(t, v); b.insert(b.end(), t, t + 4); }
inline void appendU64(Bytes& b, uint64_t v) { uint8_t t[8]; putLE64(t, v); b.insert(b.end(), t, t + 8); }
template <size_t N>
void appendArray(Bytes& b, const std::array<uint8_t, N>& a) { b.insert(b.end(), a.begin(), a.end()); }

} // namespace pb
