#include "core/crypto/Address.h"

#include "core/crypto/Sha256.h"

namespace pb::crypto {

namespace {

constexpr char kCharset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr uint32_t kBech32mConst = 0x2bc830a3;
constexpr size_t kMaxLength = 90;
constexpr size_t kChecksumLength = 6;
constexpr std::string_view kAddressHrp = "pb";

uint32_t polymod(const std::vector<uint8_t>& values)
{
    static const uint32_t gen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    uint32_t chk = 1;
    for (uint8_t v : values) {
        uint32_t top = chk >> 25;
        chk = (chk & 0x1ffffff) << 5 ^ v;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1)
                chk ^= gen[i];
        }
    }
    return chk;
}

std::vector<uint8_t> hrpExpand(std::string_view hrp)
{
    std::vector<uint8_t> out;
    out.reserve(hrp.size() * 2 + 1);
    for (char c : hrp)
        out.push_back(uint8_t(c) >> 5);
    out.push_back(0);
    for (char c : hrp)
        out.push_back(uint8_t(c) & 31);
    return out;
}

int charsetIndex(char c)
{
    for (int i = 0; i < 32; ++i) {
        if (kCharset[i] == c)
            return i;
    }
    return -1;
}

// Regroups bits (8 -> 5 with padding to encode; 5 -> 8 without, to decode). Decoding refuses
// a leftover of 5 or more bits or non-zero padding, so every payload has one spelling.
std::optional<std::vector<uint8_t>> convertBits(const uint8_t* in, size_t size, int fromBits, int toBits, bool pad)
{
    std::vector<uint8_t> out;
    uint32_t acc = 0;
    int bits = 0;
    const uint32_t maxValue = (1u << toBits) - 1;
    for (size_t i = 0; i < size; ++i) {
        acc = (acc << fromBits) | in[i];
        bits += fromBits;
        while (bits >= toBits) {
            bits -= toBits;
            out.push_back(uint8_t((acc >> bits) & maxValue));
        }
    }
    if (pad) {
        if (bits > 0)
            out.push_back(uint8_t((acc << (toBits - bits)) & maxValue));
    } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) != 0) {
        return std::nullopt;
    }
    return out;
}

} // namespace

std::string bech32mEncode(std::string_view hrp, const std::vector<uint8_t>& data)
{
    std::vector<uint8_t> values = hrpExpand(hrp);
    values.insert(values.end(), data.begin(), data.end());
    values.insert(values.end(), kChecksumLength, 0);
    const uint32_t mod = polymod(values) ^ kBech32mConst;
    std::string out(hrp);
    out += '1';
    for (uint8_t d : data)
        out += kCharset[d];
    for (size_t i = 0; i < kChecksumLength; ++i)
        out += kCharset[(mod >> (5 * (kChecksumLength - 1 - i))) & 31];
    return out;
}

std::optional<Bech32mParts> bech32mDecode(std::string_view text)
{
    if (text.size() > kMaxLength)
        return std::nullopt;
    bool lower = false, upper = false;
    for (char c : text) {
        if (c < 33 || c > 126)
            return std::nullopt;
        lower |= c >= 'a' && c <= 'z';
        upper |= c >= 'A' && c <= 'Z';
    }
    if (lower && upper)
        return std::nullopt;
    const size_t sep = text.rfind('1');
    if (sep == std::string_view::npos || sep == 0 || sep + 1 + kChecksumLength > text.size())
        return std::nullopt;

    Bech32mParts parts;
    for (char c : text.substr(0, sep))
        parts.hrp += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    std::vector<uint8_t> values;
    for (char c : text.substr(sep + 1)) {
        int v = charsetIndex(char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        if (v < 0)
            return std::nullopt;
        values.push_back(uint8_t(v));
    }
    std::vector<uint8_t> check = hrpExpand(parts.hrp);
    check.insert(check.end(), values.begin(), values.end());
    if (polymod(check) != kBech32mConst)
        return std::nullopt;
    parts.data.assign(values.begin(), values.end() - kChecksumLength);
    return parts;
}

AddressHash addressFromPublicKey(const PublicKey& key)
{
    const Hash256 h = sha256(key.data(), key.size());
    AddressHash a;
    std::memcpy(a.data(), h.data(), a.size());
    return a;
}

std::string encodeAddress(const AddressHash& a)
{
    return bech32mEncode(kAddressHrp, *convertBits(a.data(), a.size(), 8, 5, true));
}

std::optional<AddressHash> decodeAddress(std::string_view text)
{
    auto parts = bech32mDecode(text);
    if (!parts || parts->hrp != kAddressHrp)
        return std::nullopt;
    auto bytes = convertBits(parts->data.data(), parts->data.size(), 5, 8, false);
    if (!bytes || bytes->size() != AddressHash().size())
        return std::nullopt;
    AddressHash a;
    std::memcpy(a.data(), bytes->data(), a.size());
    return a;
}

} // namespace pb::crypto
