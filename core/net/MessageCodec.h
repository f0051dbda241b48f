#pragma once
// The wire form of Messages.h: one CBOR map per WebSocket frame.
//
//   {"v": 1, "t": "<type>", <fields>...}
//
// "v" and "t" are the first two keys, in that order, so a reader knows the version before it
// interprets anything else. Other keys are text, in any order, each at most once. Hashes, keys,
// signatures, headers, blocks and photos are byte strings; counts and nonces are unsigned
// integers (full 64-bit range), lastSeen may be negative. Field names per type:
//
//   hello      genesis, pack, nonce           pack = {type, key, port, protocol, agent, height, sig}
//   ping/pong  nonce                          getpeers  (none)
//   peers      peers = [{host, port, id, type, seen}]
//   announce   pack, host                     inv       blocks, txs
//   getheaders locator, stop                  headers   headers (88-byte headers)
//   getblocks  hashes                         block     block, photo (empty: no photo)
//   notfound   hashes                         getphoto  hash
//   photo      hash, photo                    reject    code, reason, subject
//
// Decoding is strict: anything but exactly one well-formed map of the right shape is rejected
// with an error naming the field, e.g. "headers.headers[3]: 87 bytes, expected 88". Every
// length is checked against its limit before it is allocated. Unknown keys are skipped, so a
// newer peer may add optional fields without a version bump; changing a field's meaning or
// adding a required one needs a new version.
#include "core/net/Messages.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace pb::net {

constexpr qsizetype kDefaultMaxFrameBytes = 4 * 1024 * 1024;

// Text limits, in UTF-8 bytes.
constexpr qsizetype kMaxTypeNameBytes = 16;
constexpr qsizetype kMaxUserAgentBytes = 256;
constexpr qsizetype kMaxHostBytes = 255;
constexpr qsizetype kMaxRejectCodeBytes = 64;
constexpr qsizetype kMaxRejectReasonBytes = 1024;

// Encodes as given: limits are the sender's to respect (the receiver rejects oversized lists).
QByteArray encode(const Message& message);

// nullopt and *error set (when error is non-null) on any violation of the form above.
std::optional<Message> decode(const QByteArray& frame, QString* error,
                              qsizetype maxFrameBytes = kDefaultMaxFrameBytes);

// The wire type name ("hello", "inv", ...), for logs and errors.
QString messageName(const Message& message);

} // namespace pb::net
