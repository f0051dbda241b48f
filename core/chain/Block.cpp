#include "core/chain/Block.h"

#include "core/chain/ByteReader.h"
#include "core/chain/Transaction.h"
#include "core/crypto/Sha256.h"

namespace pb {

namespace {
constexpr uint8_t kFlagPhoto = 1;
constexpr uint32_t kMaxTransactions = 100'000;
} // namespace

Bytes Block::serialize() const
{
    const auto head = header.serialize();
    Bytes out(head.begin(), head.end());
    appendU8(out, photoHash ? kFlagPhoto : 0);
    if (photoHash) {
        appendArray(out, *photoHash);
        appendU8(out, uint8_t(label.size()));
        out.insert(out.end(), label.begin(), label.end());
    }
    appendU8(out, uint8_t(vote));
    appendU32(out, uint32_t(transactions.size()));
    for (const Bytes& tx : transactions) {
        appendU32(out, uint32_t(tx.size()));
        out.insert(out.end(), tx.begin(), tx.end());
    }
    return out;
}

std::optional<Block> Block::parse(const Bytes& bytes)
{
    ByteReader r(bytes.data(), bytes.size());
    const uint8_t* head = nullptr;
    if (!r.readSpan(BlockHeader::kSize, head)) return std::nullopt;
    Block b;
    b.header = *BlockHeader::parse(head, BlockHeader::kSize);

    uint8_t flags = 0;
    if (!r.readU8(flags) || (flags & ~kFlagPhoto)) return std::nullopt;
    if (flags & kFlagPhoto) {
        Hash256 photo;
        uint8_t labelLength = 0;
        const uint8_t* labelBytes = nullptr;
        if (!r.readArray(photo) || !r.readU8(labelLength) || !r.readSpan(labelLength, labelBytes))
            return std::nullopt;
        b.photoHash = photo;
        b.label.assign(reinterpret_cast<const char*>(labelBytes), labelLength);
    }
    uint8_t vote = 0;
    if (!r.readU8(vote) || vote > uint8_t(LabelVote::Disagree)) return std::nullopt;
    b.vote = LabelVote(vote);

    uint32_t count = 0;
    if (!r.readU32(count) || count > kMaxTransactions) return std::nullopt;
    b.transactions.reserve(std::min<size_t>(count, r.remaining() / 4));
    for (uint32_t i = 0; i < count; ++i) {
        uint32_t length = 0;
        Bytes tx;
        if (!r.readU32(length) || !r.readBytes(length, tx)) return std::nullopt;
        b.transactions.push_back(std::move(tx));
    }
    if (!r.atEnd()) return std::nullopt;
    return b;
}

Hash256 merkleRoot(const std::vector<Hash256>& leaves)
{
    if (leaves.empty()) return Hash256{};
    std::vector<Hash256> level = leaves;
    while (level.size() > 1) {
        if (level.size() % 2) level.push_back(level.back());
        std::vector<Hash256> next(level.size() / 2);
        for (size_t i = 0; i < next.size(); ++i) {
            uint8_t pair[64];
            std::memcpy(pair, level[2 * i].data(), 32);
            std::memcpy(pair + 32, level[2 * i + 1].data(), 32);
            next[i] = crypto::sha256d(pair, sizeof pair);
        }
        level.swap(next);
    }
    return level.front();
}

Hash256 Block::merkleRoot() const
{
    std::vector<Hash256> ids;
    ids.reserve(transactions.size());
    for (const Bytes& tx : transactions) ids.push_back(txId(tx));
    return pb::merkleRoot(ids);
}

Hash256 Block::computeContentRoot() const
{
    Bytes material;
    appendArray(material, merkleRoot());
    appendArray(material, photoHash.value_or(Hash256{}));
    appendU8(material, uint8_t(label.size()));
    material.insert(material.end(), label.begin(), label.end());
    appendU8(material, uint8_t(vote));
    return crypto::sha256d(material);
}

const char* labelVoteName(LabelVote vote)
{
    switch (vote) {
    case LabelVote::Agree: return "agree";
    case LabelVote::Disagree: return "disagree";
    case LabelVote::Abstain: break;
    }
    return "abstain";
}

LabelVote labelVoteFromName(const std::string& name)
{
    if (name == "agree") return LabelVote::Agree;
    if (name == "disagree") return LabelVote::Disagree;
    return LabelVote::Abstain;
}

} // namespace pb
