#include "core/net/MessageCodec.h"

#include "core/net/CompactBlockCodec.h"
#include "core/net/MessageWriter.h"
#include "core/net/StrictCborFields.h"
#include "core/net/StrictCborReader.h"

#include <iterator>
#include <limits>

namespace pb::net {

using namespace Qt::Literals::StringLiterals;

namespace {

// Serialized block header size (BlockHeader::kSize); repeated here because the wire layer
// does not depend on the chain library.
constexpr qsizetype kHeaderBytes = 88;
constexpr qsizetype kKeyBytes = 32;
constexpr qsizetype kSignatureBytes = 64;

// Indexed by Message::index(): adding a type to the variant without a name fails to compile.
constexpr const char* kTypeNames[] = {"hello",    "ping",    "pong",      "getpeers", "peers",
                                      "announce", "inv",     "getheaders", "headers",  "getblocks",
                                      "block",    "notfound", "getphoto",  "photo",    "reject",
                                      "gettxs",   "tx",      "gettip",    "tip",      "proof",
                                      "cmpctblock", "getblocktxn", "blocktxn"};
static_assert(std::size(kTypeNames) == std::variant_size_v<Message>);

// ---- encoding ---------------------------------------------------------------------------


void put(MessageWriter& w, const Hello& m)
{
    w.start(3);
    w.hash("genesis"_L1, m.genesis);
    w.pack("pack"_L1, m.pack);
    w.uint("nonce"_L1, m.nonce);
}
void put(MessageWriter& w, const HelloProof& m) { w.start(1); w.bytes("sig"_L1, m.signature); }
void put(MessageWriter& w, const Ping& m) { w.start(1); w.uint("nonce"_L1, m.nonce); }
void put(MessageWriter& w, const Pong& m) { w.start(1); w.uint("nonce"_L1, m.nonce); }
void put(MessageWriter& w, const GetPeers&) { w.start(0); }
void put(MessageWriter& w, const Peers& m) { w.start(1); w.peers("peers"_L1, m.peers); }
void put(MessageWriter& w, const Announce& m) { w.start(2); w.pack("pack"_L1, m.pack); w.text("host"_L1, m.host); }
void put(MessageWriter& w, const Inventory& m) { w.start(2); w.list("blocks"_L1, m.blocks); w.list("txs"_L1, m.transactions); }
void put(MessageWriter& w, const GetHeaders& m) { w.start(2); w.list("locator"_L1, m.locator); w.hash("stop"_L1, m.stop); }
void put(MessageWriter& w, const Headers& m) { w.start(1); w.list("headers"_L1, m.headers); }
void put(MessageWriter& w, const GetBlocks& m) { w.start(1); w.list("hashes"_L1, m.hashes); }
void put(MessageWriter& w, const BlockMessage& m) { w.start(2); w.bytes("block"_L1, m.block); w.bytes("photo"_L1, m.photo); }
void put(MessageWriter& w, const NotFound& m) { w.start(1); w.list("hashes"_L1, m.hashes); }
void put(MessageWriter& w, const GetPhoto& m) { w.start(1); w.hash("hash"_L1, m.hash); }
void put(MessageWriter& w, const PhotoMessage& m) { w.start(2); w.hash("hash"_L1, m.hash); w.bytes("photo"_L1, m.photo); }
void put(MessageWriter& w, const GetTransactions& m) { w.start(1); w.list("hashes"_L1, m.hashes); }
void put(MessageWriter& w, const TransactionMessage& m) { w.start(1); w.bytes("tx"_L1, m.tx); }
void put(MessageWriter& w, const GetTip& m) { w.start(1); w.uint("height"_L1, m.height); }
void put(MessageWriter& w, const TipMessage& m)
{
    w.start(3);
    w.uint("height"_L1, m.height);
    w.hash("tip"_L1, m.tip);
    w.hash("at"_L1, m.atHeight);
}
// The compact block messages, whose fields CompactBlockCodec writes.
template <class T, class = decltype(compact_codec::fieldCount(std::declval<const T&>()))>
void put(MessageWriter& w, const T& m)
{
    w.start(compact_codec::fieldCount(m));
    compact_codec::write(w, m);
}
void put(MessageWriter& w, const Reject& m)
{
    w.start(3);
    w.text("code"_L1, m.code);
    w.text("reason"_L1, m.reason);
    w.hash("subject"_L1, m.subject);
}

// ---- decoding ---------------------------------------------------------------------------


Field headerListField(StrictCborReader& r, QLatin1StringView key, std::vector<Bytes>* out)
{
    return {key, [&r, out](const QString& path) {
                return r.readArray(path, kMaxHeadersPerMessage, [&r, out](const QString& elementPath) {
                    Bytes header;
                    if (!r.readBytesExactly(elementPath, kHeaderBytes, &header))
                        return false;
                    out->push_back(std::move(header));
                    return true;
                });
            }};
}

bool readPack(StrictCborReader& r, const QString& path, WirePack* p)
{
    return r.enterMap(path)
        && r.readEntries(path, {textField(r, "type"_L1, kMaxTypeNameBytes, &p->type),
                                exactBytesField(r, "key"_L1, kKeyBytes, &p->key),
                                uintField(r, "port"_L1, &p->port),
                                uintField(r, "protocol"_L1, &p->protocolVersion),
                                textField(r, "agent"_L1, kMaxUserAgentBytes, &p->userAgent),
                                uintField(r, "height"_L1, &p->bestHeight),
                                exactBytesField(r, "sig"_L1, kSignatureBytes, &p->signature)});
}

Field packField(StrictCborReader& r, QLatin1StringView key, WirePack* out)
{
    return {key, [&r, out](const QString& path) { return readPack(r, path, out); }};
}

Field peerListField(StrictCborReader& r, QLatin1StringView key, std::vector<PeerAddress>* out)
{
    return {key, [&r, out](const QString& path) {
                return r.readArray(path, kMaxPeersPerMessage, [&r, out](const QString& elementPath) {
                    PeerAddress a;
                    const bool ok = r.enterMap(elementPath)
                        && r.readEntries(elementPath, {textField(r, "host"_L1, kMaxHostBytes, &a.host),
                                                       uintField(r, "port"_L1, &a.port),
                                                       hashField(r, "id"_L1, &a.nodeId),
                                                       textField(r, "type"_L1, kMaxTypeNameBytes, &a.type),
                                                       sintField(r, "seen"_L1, &a.lastSeen)});
                    if (ok)
                        out->push_back(std::move(a));
                    return ok;
                });
            }};
}

// The fields after "v" and "t", which must not come again.
bool readBody(StrictCborReader& r, const QString& path, std::initializer_list<Field> fields)
{
    return r.readEntries(path, fields, {"v"_L1, "t"_L1});
}

// Each reads the fields of one message type (the map is already entered, "v" and "t" read)
// and leaves the map.
template <class T>
bool deliver(bool ok, T&& message, Message* out)
{
    if (ok)
        *out = std::forward<T>(message);
    return ok;
}

bool readHello(StrictCborReader& r, const QString& path, Message* out)
{
    Hello m;
    return deliver(readBody(r, path, {hashField(r, "genesis"_L1, &m.genesis), packField(r, "pack"_L1, &m.pack),
                                        uintField(r, "nonce"_L1, &m.nonce)}),
                   std::move(m), out);
}

bool readHelloProof(StrictCborReader& r, const QString& path, Message* out)
{
    HelloProof m;
    return deliver(readBody(r, path, {exactBytesField(r, "sig"_L1, kSignatureBytes, &m.signature)}), std::move(m), out);
}

template <class PingOrPong>
bool readNonceOnly(StrictCborReader& r, const QString& path, Message* out)
{
    PingOrPong m;
    return deliver(readBody(r, path, {uintField(r, "nonce"_L1, &m.nonce)}), std::move(m), out);
}

bool readGetPeers(StrictCborReader& r, const QString& path, Message* out)
{
    return deliver(readBody(r, path, {}), GetPeers{}, out);
}

bool readPeers(StrictCborReader& r, const QString& path, Message* out)
{
    Peers m;
    return deliver(readBody(r, path, {peerListField(r, "peers"_L1, &m.peers)}), std::move(m), out);
}

bool readAnnounce(StrictCborReader& r, const QString& path, Message* out)
{
    Announce m;
    return deliver(readBody(r, path, {packField(r, "pack"_L1, &m.pack),
                                        textField(r, "host"_L1, kMaxHostBytes, &m.host)}),
                   std::move(m), out);
}

bool readInventory(StrictCborReader& r, const QString& path, Message* out)
{
    Inventory m;
    if (!readBody(r, path, {hashListField(r, "blocks"_L1, kMaxInventoryPerMessage, &m.blocks),
                              hashListField(r, "txs"_L1, kMaxInventoryPerMessage, &m.transactions)}))
        return false;
    // The limit is on the whole announcement, not on each list.
    if (m.blocks.size() + m.transactions.size() > kMaxInventoryPerMessage)
        return r.fail(QString("%1: %2 blocks and %3 transactions, at most %4 in all")
                          .arg(path).arg(m.blocks.size()).arg(m.transactions.size()).arg(kMaxInventoryPerMessage));
    return deliver(true, std::move(m), out);
}

bool readGetHeaders(StrictCborReader& r, const QString& path, Message* out)
{
    GetHeaders m;
    return deliver(readBody(r, path, {hashListField(r, "locator"_L1, kMaxLocatorHashes, &m.locator),
                                        hashField(r, "stop"_L1, &m.stop)}),
                   std::move(m), out);
}

bool readHeaders(StrictCborReader& r, const QString& path, Message* out)
{
    Headers m;
    return deliver(readBody(r, path, {headerListField(r, "headers"_L1, &m.headers)}), std::move(m), out);
}

bool readGetBlocks(StrictCborReader& r, const QString& path, Message* out)
{
    GetBlocks m;
    return deliver(readBody(r, path, {hashListField(r, "hashes"_L1, kMaxBlocksPerRequest, &m.hashes)}),
                   std::move(m), out);
}

bool readBlock(StrictCborReader& r, const QString& path, Message* out)
{
    BlockMessage m;
    return deliver(readBody(r, path, {bytesField(r, "block"_L1, &m.block), bytesField(r, "photo"_L1, &m.photo)}),
                   std::move(m), out);
}

// notfound (answering requests of at most kMaxInventoryPerMessage items) and gettxs: one
// list of hashes.
template <typename T>
bool readHashList(StrictCborReader& r, const QString& path, Message* out)
{
    T m;
    return deliver(readBody(r, path, {hashListField(r, "hashes"_L1, kMaxInventoryPerMessage, &m.hashes)}),
                   std::move(m), out);
}

bool readGetPhoto(StrictCborReader& r, const QString& path, Message* out)
{
    GetPhoto m;
    return deliver(readBody(r, path, {hashField(r, "hash"_L1, &m.hash)}), std::move(m), out);
}

bool readPhoto(StrictCborReader& r, const QString& path, Message* out)
{
    PhotoMessage m;
    return deliver(readBody(r, path, {hashField(r, "hash"_L1, &m.hash), bytesField(r, "photo"_L1, &m.photo)}),
                   std::move(m), out);
}

bool readReject(StrictCborReader& r, const QString& path, Message* out)
{
    Reject m;
    return deliver(readBody(r, path, {textField(r, "code"_L1, kMaxRejectCodeBytes, &m.code),
                                        textField(r, "reason"_L1, kMaxRejectReasonBytes, &m.reason),
                                        hashField(r, "subject"_L1, &m.subject)}),
                   std::move(m), out);
}

bool readTransaction(StrictCborReader& r, const QString& path, Message* out)
{
    TransactionMessage m;
    return deliver(readBody(r, path, {bytesField(r, "tx"_L1, &m.tx, qsizetype(kMaxTransactionBytes))}), std::move(m), out);
}

bool readGetTip(StrictCborReader& r, const QString& path, Message* out)
{
    GetTip m;
    return deliver(readBody(r, path, {uintField(r, "height"_L1, &m.height)}), std::move(m), out);
}

bool readTip(StrictCborReader& r, const QString& path, Message* out)
{
    TipMessage m;
    return deliver(readBody(r, path, {uintField(r, "height"_L1, &m.height), hashField(r, "tip"_L1, &m.tip),
                                        hashField(r, "at"_L1, &m.atHeight)}),
                   std::move(m), out);
}

// The compact block messages, read by CompactBlockCodec.
template <class T>
bool readCompact(StrictCborReader& r, const QString& path, Message* out)
{
    T m;
    return deliver(compact_codec::read(r, path, &m), std::move(m), out);
}

using TypeReader = bool (*)(StrictCborReader&, const QString&, Message*);

// In kTypeNames order.
constexpr TypeReader kTypeReaders[] = {readHello,     readNonceOnly<Ping>, readNonceOnly<Pong>, readGetPeers,
                                       readPeers,     readAnnounce,        readInventory,       readGetHeaders,
                                       readHeaders,   readGetBlocks,       readBlock,           readHashList<NotFound>,
                                       readGetPhoto,  readPhoto,           readReject,          readHashList<GetTransactions>,
                                       readTransaction, readGetTip,         readTip,             readHelloProof,
                                       readCompact<CompactBlock>, readCompact<GetBlockTransactions>,
                                       readCompact<BlockTransactions>};
static_assert(std::size(kTypeReaders) == std::size(kTypeNames));

bool readMessage(StrictCborReader& r, Message* out)
{
    const QString top = "message";
    QString key;
    if (!r.enterMap(top) || !r.readKey(top, &key))
        return false;
    if (key != "v"_L1)
        return r.fail(QString("message: first key is \"%1\", expected \"v\"").arg(key));
    quint64 version = 0;
    if (!r.readUnsigned("v", std::numeric_limits<quint64>::max(), &version))
        return false;
    if (version != quint64(kWireVersion))
        return r.fail(QString("v: version %1, expected %2").arg(version).arg(kWireVersion));
    if (!r.readKey(top, &key))
        return false;
    if (key != "t"_L1)
        return r.fail(QString("message: second key is \"%1\", expected \"t\"").arg(key));
    QString type;
    if (!r.readText("t", kMaxTypeNameBytes, &type))
        return false;
    for (size_t i = 0; i < std::size(kTypeNames); ++i) {
        if (type == QLatin1StringView(kTypeNames[i])) {
            if (!kTypeReaders[i](r, type, out))
                return false;
            if (r.remaining() != 0)
                return r.fail(QString("%1 trailing bytes after the message").arg(r.remaining()));
            return true;
        }
    }
    return r.fail(QString("t: unknown message type \"%1\"").arg(type));
}

} // namespace

QByteArray encode(const Message& message)
{
    QByteArray out;
    MessageWriter writer(&out, kTypeNames[message.index()]);
    std::visit([&writer](const auto& m) { put(writer, m); }, message);
    writer.finish();
    return out;
}

std::optional<Message> decode(const QByteArray& frame, QString* error, qsizetype maxFrameBytes)
{
    const auto reject = [error](const QString& why) -> std::optional<Message> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (frame.size() > maxFrameBytes)
        return reject(QString("frame is %1 bytes, above the %2-byte limit").arg(frame.size()).arg(maxFrameBytes));
    if (frame.isEmpty())
        return reject("empty frame");
    StrictCborReader reader(frame);
    Message message;
    if (!readMessage(reader, &message))
        return reject(reader.error());
    return message;
}

QString messageName(const Message& message) { return QLatin1StringView(kTypeNames[message.index()]); }

} // namespace pb::net
