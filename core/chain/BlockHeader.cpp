#include "core/chain/BlockHeader.h"

#include "core/crypto/Sha256.h"

namespace pb {

std::array<uint8_t, BlockHeader::kSize> BlockHeader::serialize() const
{
    std::array<uint8_t, kSize> out{};
    putLE32(out.data(), version);
    std::memcpy(out.data() + 4, prevHash.data(), 32);
    std::memcpy(out.data() + 36, contentRoot.data(), 32);
    putLE64(out.data() + 68, time);
    putLE32(out.data() + 76, bits);
    putLE64(out.data() + kNonceOffset, nonce);
    return out;
}

std::optional<BlockHeader> BlockHeader::parse(const uint8_t* data, size_t size)
{
    if (size != kSize) return std::nullopt;
    BlockHeader h;
    h.version = getLE32(data);
    std::memcpy(h.prevHash.data(), data + 4, 32);
    std::memcpy(h.contentRoot.data(), data + 36, 32);
    h.time = getLE64(data + 68);
    h.bits = getLE32(data + 76);
    h.nonce = getLE64(data + kNonceOffset);
    return h;
}

Hash256 BlockHeader::hash() const
{
    const auto bytes = serialize();
    return crypto::sha256d(bytes.data(), bytes.size());
}

} // namespace pb
