#include "core/net/CompactBlockCodec.h"

#include "core/net/StrictCborFields.h"

#include <limits>

namespace pb::net::compact_codec {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype kIndexBytes = 2;
// A skeleton is a block with one transaction: header, flags, photo hash and label, vote,
// count and the coinbase take well under this.
constexpr qsizetype kMaxSkeletonBytes = 1024;

// A byte string of `count` packed entries of `width` bytes, `count` at most kMaxCompactTransfers.
bool readPacked(StrictCborReader& r, const QString& path, qsizetype width, Bytes* out)
{
    if (!r.readBytes(path, qsizetype(kMaxCompactTransfers) * width, out)) return false;
    if (qsizetype(out->size()) % width != 0)
        return r.fail(QString("%1: %2 bytes, not a whole number of %3-byte entries").arg(path).arg(out->size()).arg(width));
    return true;
}

} // namespace

void write(MessageWriter& w, const CompactBlock& m)
{
    w.bytes("skeleton"_L1, m.skeleton);
    w.uint("salt"_L1, m.salt);
    Bytes ids;
    ids.reserve(m.shortIds.size() * kShortIdBytes);
    for (quint64 id : m.shortIds)
        for (size_t i = 0; i < kShortIdBytes; ++i) ids.push_back(uint8_t(id >> (8 * i)));
    w.bytes("ids"_L1, ids);
}

void write(MessageWriter& w, const GetBlockTransactions& m)
{
    w.hash("block"_L1, m.block);
    Bytes indexes;
    indexes.reserve(m.indexes.size() * kIndexBytes);
    for (quint16 i : m.indexes) {
        indexes.push_back(uint8_t(i >> 8));
        indexes.push_back(uint8_t(i));
    }
    w.bytes("indexes"_L1, indexes);
}

void write(MessageWriter& w, const BlockTransactions& m)
{
    w.hash("block"_L1, m.block);
    w.list("txs"_L1, m.transactions);
}

bool read(StrictCborReader& r, const QString& path, CompactBlock* out)
{
    Bytes ids;
    if (!r.readEntries(path,
                       {{"skeleton"_L1, [&](const QString& p) { return r.readBytes(p, kMaxSkeletonBytes, &out->skeleton); }},
                        {"salt"_L1, [&](const QString& p) { return r.readUnsigned(p, std::numeric_limits<quint64>::max(), &out->salt); }},
                        {"ids"_L1, [&](const QString& p) { return readPacked(r, p, kShortIdBytes, &ids); }}},
                       {"v"_L1, "t"_L1}))
        return false;
    out->shortIds.resize(ids.size() / kShortIdBytes);
    for (size_t n = 0; n < out->shortIds.size(); ++n) {
        quint64 id = 0;
        for (size_t i = 0; i < kShortIdBytes; ++i) id |= quint64(ids[n * kShortIdBytes + i]) << (8 * i);
        out->shortIds[n] = id;
    }
    return true;
}

bool read(StrictCborReader& r, const QString& path, GetBlockTransactions* out)
{
    Bytes indexes;
    if (!r.readEntries(path,
                       {hashField(r, "block"_L1, &out->block),
                        {"indexes"_L1, [&](const QString& p) { return readPacked(r, p, kIndexBytes, &indexes); }}},
                       {"v"_L1, "t"_L1}))
        return false;
    for (size_t n = 0; n * kIndexBytes < indexes.size(); ++n) {
        const quint16 index = quint16(indexes[n * kIndexBytes] << 8 | indexes[n * kIndexBytes + 1]);
        if (!out->indexes.empty() && index <= out->indexes.back())
            return r.fail(QString("%1.indexes[%2]: %3 does not follow %4 (positions must ascend)")
                              .arg(path).arg(n).arg(index).arg(out->indexes.back()));
        out->indexes.push_back(index);
    }
    return true;
}

bool read(StrictCborReader& r, const QString& path, BlockTransactions* out)
{
    return r.readEntries(path,
                         {hashField(r, "block"_L1, &out->block),
                          {"txs"_L1, [&](const QString& p) {
                               return r.readArray(p, kMaxCompactTransfers, [&](const QString& elementPath) {
                                   Bytes tx;
                                   if (!r.readBytes(elementPath, qsizetype(kMaxTransactionBytes), &tx)) return false;
                                   out->transactions.push_back(std::move(tx));
                                   return true;
                               });
                           }}},
                         {"v"_L1, "t"_L1});
}

} // namespace pb::net::compact_codec
