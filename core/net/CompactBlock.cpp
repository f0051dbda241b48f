#include "core/net/CompactBlock.h"

#include "core/chain/Transaction.h"
#include "core/chain/Validation.h"
#include "core/crypto/Sha256.h"

#include <algorithm>
#include <unordered_map>

namespace pb::net {

namespace {

constexpr quint64 kShortIdMask = (quint64(1) << (8 * kShortIdBytes)) - 1;

quint64 lowBytes(const Hash256& h)
{
    quint64 v = 0;
    for (size_t i = 0; i < 8; ++i) v |= quint64(h[i]) << (8 * i);
    return v;
}

} // namespace

ShortIds::ShortIds(const Hash256& blockHash, quint64 salt)
{
    Bytes seed(blockHash.begin(), blockHash.end());
    for (size_t i = 0; i < 8; ++i) seed.push_back(uint8_t(salt >> (8 * i)));
    key_ = crypto::sha256(seed);
}

quint64 ShortIds::of(const Hash256& txid) const
{
    uint8_t message[64];
    std::copy(key_.begin(), key_.end(), message);
    std::copy(txid.begin(), txid.end(), message + 32);
    return lowBytes(crypto::sha256(message, sizeof message)) & kShortIdMask;
}

CompactBlock makeCompactBlock(const Block& block, quint64 salt)
{
    Block skeleton = block;
    skeleton.transactions.resize(std::min<size_t>(1, block.transactions.size()));
    CompactBlock out{skeleton.serialize(), salt, {}};
    const ShortIds ids(block.hash(), salt);
    for (size_t i = 1; i < block.transactions.size(); ++i) out.shortIds.push_back(ids.of(txId(block.transactions[i])));
    return out;
}

PartialBlock::PartialBlock(const CompactBlock& message, const NetworkParams& params, const PendingTransfers& pool)
{
    auto skeleton = Block::parse(message.skeleton);
    if (!skeleton) {
        settle(State::Invalid, "the skeleton does not decode as a block");
        return;
    }
    block_ = std::move(*skeleton);
    hash_ = block_.hash();
    if (block_.transactions.size() != 1) {
        settle(State::Invalid, QString("the skeleton holds %1 transactions, not just the coinbase").arg(block_.transactions.size()));
        return;
    }
    if (block_.photoHash) {
        settle(State::Invalid, "a photo block cannot travel compact");
        return;
    }
    if (message.shortIds.size() > kMaxCompactTransfers) {
        settle(State::Invalid, QString("%1 short ids, at most %2").arg(message.shortIds.size()).arg(kMaxCompactTransfers));
        return;
    }
    if (const ValidationResult header = checkHeader(block_.header, params); !header.ok()) {
        settle(State::Invalid, QString("header: %1: %2").arg(blockErrorCode(header.error), QString::fromStdString(header.detail)));
        return;
    }
    slots_.resize(message.shortIds.size());
    transferCount_ = slots_.size();
    std::unordered_map<quint64, size_t> position;
    position.reserve(message.shortIds.size());
    for (size_t i = 0; i < message.shortIds.size(); ++i) {
        if (!position.emplace(message.shortIds[i], i).second) {
            settle(State::FullBlockNeeded, "two of the block's transfers share a short id");
            return;
        }
    }
    // A slot two pending transfers match stays empty and is asked for: cheaper than guessing.
    std::vector<bool> ambiguous(slots_.size());
    const ShortIds ids(hash_, message.salt);
    pool([&](const Hash256& id, const Bytes& raw) {
        const auto it = position.find(ids.of(id));
        if (it == position.end() || ambiguous[it->second]) return;
        Bytes& slot = slots_[it->second];
        if (slot.empty()) {
            slot = raw;
            ++fromPool_;
        } else {
            slot.clear();
            --fromPool_;
            ambiguous[it->second] = true;
        }
    });
    if (fromPool_ == slots_.size()) finish();
    else settle(State::Missing);
}

PartialBlock::State PartialBlock::settle(State state, QString reason)
{
    state_ = state;
    reason_ = std::move(reason);
    return state_;
}

std::vector<quint16> PartialBlock::missing() const
{
    std::vector<quint16> out;
    for (size_t i = 0; i < slots_.size(); ++i)
        if (slots_[i].empty()) out.push_back(quint16(i));
    return out;
}

PartialBlock::State PartialBlock::fill(const std::vector<Bytes>& transfers)
{
    if (state_ != State::Missing) return state_;
    const std::vector<quint16> wanted = missing();
    if (transfers.size() != wanted.size())
        return settle(State::Invalid, QString("%1 transfers sent for %2 asked").arg(transfers.size()).arg(wanted.size()));
    for (size_t i = 0; i < wanted.size(); ++i) {
        if (transfers[i].empty()) return settle(State::Invalid, QString("transfer %1 is empty").arg(i));
        slots_[wanted[i]] = transfers[i];
    }
    return finish();
}

PartialBlock::State PartialBlock::finish()
{
    Block full = block_;
    full.transactions.insert(full.transactions.end(), slots_.begin(), slots_.end());
    if (full.computeContentRoot() != full.header.contentRoot)
        return settle(State::FullBlockNeeded, "the rebuilt block does not match its header (a short-id collision)");
    block_ = std::move(full);
    slots_.clear();
    return settle(State::Complete);
}

Bytes PartialBlock::blockBytes() const { return block_.serialize(); }

const char* partialBlockStateName(PartialBlock::State state)
{
    switch (state) {
    case PartialBlock::State::Complete: return "complete";
    case PartialBlock::State::Missing: return "missing";
    case PartialBlock::State::FullBlockNeeded: return "full_block_needed";
    case PartialBlock::State::Invalid: return "invalid";
    }
    return "unknown";
}

} // namespace pb::net
