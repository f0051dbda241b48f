#pragma once
// A block: header plus body. Body wire form (after the 88-byte header):
//   u8 flags (bit 0: carries a photo) | [photo hash 32 | u8 label length | label bytes]
//   | u8 vote | u32 tx count | per tx: u32 length | tx bytes
// The photo's bytes travel and are stored beside the block, addressed by the photo hash.
// The content root commits to the Merkle root of the transactions, the photo hash, the
// claimed label and the vote on the previous photo block's label.
#include "core/chain/BlockHeader.h"

#include <string>
#include <vector>

namespace pb {

enum class LabelVote : uint8_t { Abstain = 0, Agree = 1, Disagree = 2 };
// "abstain", "agree", "disagree": the names the API, the storage and the GUI use.
const char* labelVoteName(LabelVote vote);
// The vote a name stands for; anything else is an abstention.
LabelVote labelVoteFromName(const std::string& name);
constexpr size_t kMaxLabelLength = 32;

struct Block {
    BlockHeader header;
    std::optional<Hash256> photoHash;
    std::string label;  // the label claimed for the photo; empty when no claim; < 256 bytes
    LabelVote vote = LabelVote::Abstain;
    std::vector<Bytes> transactions;  // raw encodings; the first is the coinbase

    Bytes serialize() const;
    // nullopt on any truncation, trailing bytes, unknown flag/vote values or excess counts.
    static std::optional<Block> parse(const Bytes& bytes);

    Hash256 hash() const { return header.hash(); }
    Hash256 merkleRoot() const;
    Hash256 computeContentRoot() const;
};

// Bitcoin-style Merkle root over transaction ids (odd levels duplicate the last entry).
Hash256 merkleRoot(const std::vector<Hash256>& leaves);

} // namespace pb
