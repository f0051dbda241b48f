#pragma once
// The wire form of the compact block messages (Messages.h), kept apart from MessageCodec,
// which frames them: MessageCodec writes {"v", "t"} and hands over the rest of the map.
//
//   cmpctblock   skeleton (bytes), salt (uint), ids (bytes: 6 per transfer, little-endian)
//   getblocktxn  block (32 bytes), indexes (bytes: 2 per position, big-endian, ascending)
//   blocktxn     block (32 bytes), txs ([bytes], each at most kMaxTransactionBytes)
//
// Id and position lists are packed byte strings: one allocation of a checked length instead
// of thousands of CBOR items. At most kMaxCompactTransfers entries in each list.
#include "core/net/MessageWriter.h"
#include "core/net/Messages.h"
#include "core/net/StrictCborReader.h"


namespace pb::net::compact_codec {

// Fields after "v" and "t".
constexpr quint64 fieldCount(const CompactBlock&) { return 3; }
constexpr quint64 fieldCount(const GetBlockTransactions&) { return 2; }
constexpr quint64 fieldCount(const BlockTransactions&) { return 2; }

void write(MessageWriter& w, const CompactBlock& m);
void write(MessageWriter& w, const GetBlockTransactions& m);
void write(MessageWriter& w, const BlockTransactions& m);

// Read the rest of an entered message map whose "v" and "t" were read; false with the
// reader's error naming the field on any violation.
bool read(StrictCborReader& r, const QString& path, CompactBlock* out);
bool read(StrictCborReader& r, const QString& path, GetBlockTransactions* out);
bool read(StrictCborReader& r, const QString& path, BlockTransactions* out);

} // namespace pb::net::compact_codec
