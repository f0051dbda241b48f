#include "core/node/ChainQueries.h"

#include "core/chain/Transaction.h"
#include "core/node/TransferQueries.h"
#include "core/storage/RedisPeerStore.h"
#include "core/storage/RedisPruneStore.h"
#include "core/util/HexText.h"

namespace pb {

namespace {

BlockInfo describeHeader(const BlockHeader& header, const BlockIndexEntry& entry)
{
    BlockInfo info;
    info.height = entry.height;
    info.hash = hexText(entry.hash);
    info.prevHash = hexText(header.prevHash);
    info.headerHex = hexText(header.serialize());
    info.version = header.version;
    info.contentRoot = hexText(header.contentRoot);
    info.time = qint64(header.time);
    info.bits = header.bits;
    info.nonce = header.nonce;
    info.chainWork = QString::fromStdString(entry.chainWork.toHex());
    return info;
}

BlockInfo describeBlock(const Block& block, const BlockIndexEntry& entry, int size)
{
    BlockInfo info = describeHeader(block.header, entry);
    if (block.photoHash) info.photoHash = hexText(*block.photoHash);
    info.label = QString::fromStdString(block.label);
    info.vote = labelVoteName(block.vote);
    info.sizeBytes = size;
    for (const Bytes& raw : block.transactions) {
        // Stored blocks were validated: every transaction decodes.
        if (const auto parsed = Transaction::parse(raw)) info.transactions.push_back(describeTransaction(raw, *parsed));
    }
    return info;
}

} // namespace

std::optional<BlockInfo> ChainQueries::block(const Hash256& hash, QueryError* error)
{
    const auto fail = [error](QueryError::Kind kind, const QString& message) {
        if (error) *error = {kind, message};
        return std::nullopt;
    };
    const auto entry = chain_.indexEntry(hash);
    const auto bytes = chain_.blockBytes(hash);
    if (entry && !bytes && entry->status == BlockIndexEntry::Status::HaveBody) return prunedBlock(*entry, error);
    if (!entry || !bytes) return fail(QueryError::NotFound, QString("no block with hash %1").arg(hexText(hash)));
    const auto block = Block::parse(*bytes);
    if (!block) return fail(QueryError::Unavailable, QString("stored block %1 does not decode").arg(hexText(hash)));
    BlockInfo info = describeBlock(*block, *entry, int(bytes->size()));
    if (block->header.claimsLabel()) {
        const VoteTally t = chain_.votes(hash);
        info.votes = {t.agree, t.disagree, t.abstain};
    }
    return info;
}

std::optional<BlockInfo> ChainQueries::prunedBlock(const BlockIndexEntry& entry, QueryError* error)
{
    const auto raw = chain_.headerBytes(entry.hash);
    const auto header = raw ? BlockHeader::parse(raw->data(), raw->size()) : std::nullopt;
    if (!header) {
        if (error) *error = {QueryError::Unavailable, QString("the stored header of block %1 does not decode").arg(hexText(entry.hash))};
        return std::nullopt;
    }
    BlockInfo info = describeHeader(*header, entry);
    info.bodyPruned = true;
    if (const auto summary = pruning_.summary(entry.hash)) {
        if (summary->photo) info.photoHash = hexText(*summary->photo);
        info.label = QString::fromStdString(summary->label);
        info.vote = QString::fromStdString(summary->vote);
        info.sizeBytes = int(summary->size);
    }
    return info;
}

QList<BlockInfo> ChainQueries::blocksFrom(uint64_t from, int count, QueryError* error)
{
    QList<BlockInfo> blocks;
    for (uint64_t height = from; height < from + uint64_t(std::max(count, 0)); ++height) {
        const auto hash = chain_.hashAtHeight(height);
        if (!hash) break;
        auto info = block(*hash, error);
        if (!info) return {};
        blocks.append(std::move(*info));
    }
    return blocks;
}

QList<KnownNodeInfo> ChainQueries::knownNodes(int max)
{
    QList<KnownNodeInfo> nodes;
    for (const storage::NodeRecord& record : catalogue_.nodes(size_t(std::max(max, 0))))
        nodes.append({hexText(record.id), record.type, record.host, record.port, record.seen});
    return nodes;
}

} // namespace pb
