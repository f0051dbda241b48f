#include "core/net/MessageCodec.h"

#include "MessageSamples.h"

#include <QCborStreamWriter>
#include <QtTest>

#include <functional>

using namespace pb;
using namespace pb::net;
using namespace Qt::Literals::StringLiterals;

namespace {

using Body = std::function<void(QCborStreamWriter&)>;

QByteArray cbor(const Body& body)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    body(w);
    return out;
}

// {"v": version, "t": type, <fields>} as an indefinite-length map.
QByteArray frame(const QString& type, const Body& fields = {}, quint64 version = kWireVersion)
{
    return cbor([&](QCborStreamWriter& w) {
        w.startMap();
        w.append("v"_L1);
        w.append(version);
        w.append("t"_L1);
        w.append(type);
        if (fields)
            fields(w);
        w.endMap();
    });
}

QByteArray filled(qsizetype size, char c = 'x') { return QByteArray(size, c); }

Body field(const char* name, const Body& value)
{
    return [name, value](QCborStreamWriter& w) {
        w.append(QLatin1StringView(name));
        value(w);
    };
}

Body bytesValue(qsizetype size) { return [size](QCborStreamWriter& w) { w.append(filled(size)); }; }
Body uintValue(quint64 v) { return [v](QCborStreamWriter& w) { w.append(v); }; }
Body textValue(const QString& s) { return [s](QCborStreamWriter& w) { w.append(s); }; }

Body fields(std::initializer_list<Body> list)
{
    std::vector<Body> all(list);
    return [all](QCborStreamWriter& w) {
        for (const Body& b : all)
            b(w);
    };
}

// A valid peers entry with one field replaced or left out (`name` with a null value).
Body peerEntry(const char* replaced = nullptr, const Body& value = {})
{
    return [=](QCborStreamWriter& w) {
        const std::vector<std::pair<const char*, Body>> normal = {
            {"host", textValue("example.org")}, {"port", uintValue(7000)}, {"id", bytesValue(32)},
            {"type", textValue("full")},        {"seen", uintValue(1700000000)}};
        w.startMap();
        for (const auto& [name, v] : normal) {
            const bool isReplaced = replaced && qstrcmp(name, replaced) == 0;
            if (isReplaced && !value)
                continue;
            w.append(QLatin1StringView(name));
            (isReplaced ? value : v)(w);
        }
        w.endMap();
    };
}

WirePack validPack()
{
    return WirePack{"full", Bytes(32, 1), 7000, 1, "photoblocks/0.1", 10, Bytes(64, 2)};
}

std::vector<Hash256> hashes(size_t n) { return std::vector<Hash256>(n, Hash256{}); }

QString decodeError(const QByteArray& bytes, qsizetype maxFrame = kDefaultMaxFrameBytes)
{
    QString error;
    if (decode(bytes, &error, maxFrame))
        return "<decoded>";
    return error;
}

} // namespace

class MessageCodecTest : public QObject {
    Q_OBJECT
private slots:
    void everyTypeRoundTripsWithRandomContents()
    {
        test::MessageSamples samples(20240601);
        for (size_t type = 0; type < std::variant_size_v<Message>; ++type) {
            for (int i = 0; i < 200; ++i) {
                const Message original = samples.make(type);
                QString error;
                const auto decoded = decode(encode(original), &error);
                QVERIFY2(decoded, qPrintable(messageName(original) + ": " + error));
                QCOMPARE(decoded->index(), type);
                QVERIFY2(*decoded == original, qPrintable(messageName(original)));
            }
        }
    }

    void extremesAndFullListsRoundTrip()
    {
        WirePack pack = validPack();
        pack.port = 65535;
        pack.protocolVersion = 0xffffffffu;
        pack.bestHeight = ~quint64(0);
        pack.userAgent = QString(128, QChar(0xe9));  // 256 UTF-8 bytes, the limit
        const std::vector<Message> messages = {
            Hello{Hash256{}, pack, ~quint64(0)},
            Ping{0},
            Pong{~quint64(0)},
            Peers{std::vector<PeerAddress>(kMaxPeersPerMessage,
                                           PeerAddress{QString(255, 'h'), 65535, Hash256{}, "mobile",
                                                       std::numeric_limits<qint64>::min()})},
            Peers{{PeerAddress{"", 0, Hash256{}, "", std::numeric_limits<qint64>::max()}}},
            Inventory{hashes(kMaxInventoryPerMessage), {}},
            Inventory{hashes(400), hashes(600)},
            GetHeaders{hashes(kMaxLocatorHashes), Hash256{}},
            Headers{std::vector<Bytes>(kMaxHeadersPerMessage, Bytes(88, 7))},
            Headers{},
            GetBlocks{hashes(kMaxBlocksPerRequest)},
            BlockMessage{Bytes(1 << 20, 3), Bytes(2 << 20, 4)},
            BlockMessage{Bytes(100, 3), {}},
            Reject{QString(64, 'c'), QString(1024, 'r'), Hash256{}},
            GetTransactions{hashes(kMaxInventoryPerMessage)},
            TransactionMessage{Bytes(kMaxTransactionBytes, 9)},
        };
        for (const Message& original : messages) {
            QString error;
            const auto decoded = decode(encode(original), &error);
            QVERIFY2(decoded, qPrintable(messageName(original) + ": " + error));
            QVERIFY2(*decoded == original, qPrintable(messageName(original)));
        }
    }

    void wireFormIsTheDocumentedMap()
    {
        // {"v": 1, "t": "ping", "nonce": 5}: pins the format other implementations follow.
        QCOMPARE(encode(Ping{5}).toHex(), QByteArray("a361760161746470696e67656e6f6e636505"));
        const QByteArray hello = encode(Hello{Hash256{}, validPack(), 1});
        QVERIFY(hello.contains("genesis"));
        QVERIFY(hello.contains("agent"));
    }

    void namesAreTheWireTypes()
    {
        QCOMPARE(messageName(Ping{}), "ping"_L1);
        QCOMPARE(messageName(Inventory{}), "inv"_L1);
        QCOMPARE(messageName(BlockMessage{}), "block"_L1);
        QCOMPARE(messageName(Reject{}), "reject"_L1);
        test::MessageSamples samples(7);
        for (size_t type = 0; type < std::variant_size_v<Message>; ++type) {
            const Message m = samples.make(type);
            QVERIFY(encode(m).contains(messageName(m).toLatin1()));
        }
    }

    void acceptsAnyFieldOrderUnknownFieldsAndChunkedStrings()
    {
        // Unknown keys are skipped wherever they are, however nested; known ones in any order.
        const QByteArray withExtras = frame("announce", fields({
            field("future", [](QCborStreamWriter& w) {
                w.startArray();
                w.startMap(1);
                w.append("x"_L1);
                w.append(QByteArray(100, 'z'));
                w.endMap();
                w.endArray();
            }),
            field("host", textValue("node.example")),
            field("pack", [](QCborStreamWriter& w) {
                w.startMap();
                w.append("sig"_L1); w.append(filled(64));
                w.append("height"_L1); w.append(quint64(3));
                w.append("agent"_L1); w.append(u"ua"_s);
                w.append("protocol"_L1); w.append(quint64(1));
                w.append("port"_L1); w.append(quint64(7000));
                w.append("key"_L1); w.append(filled(32));
                w.append("type"_L1); w.append(u"seed"_s);
                w.append("comment"_L1); w.append(u"added in a later version"_s);
                w.endMap();
            }),
        }));
        QString error;
        const auto decoded = decode(withExtras, &error);
        QVERIFY2(decoded, qPrintable(error));
        const auto& announce = std::get<Announce>(*decoded);
        QCOMPARE(announce.host, u"node.example"_s);
        QCOMPARE(announce.pack.type, u"seed"_s);
        QCOMPARE(announce.pack.bestHeight, quint64(3));

        // A hash sent as an indefinite-length byte string in two chunks.
        QByteArray chunked = frame("getphoto").chopped(1);  // drop the map's "break"
        chunked += QByteArray::fromHex("6468617368") + "\x5f\x50" + filled(16, 'a') + "\x50" + filled(16, 'b')
            + "\xff\xff";
        const auto photo = decode(chunked, &error);
        QVERIFY2(photo, qPrintable(error));
        QCOMPARE(std::get<GetPhoto>(*photo).hash[31], uint8_t('b'));
    }

    void rejectsMalformedFramesPrecisely_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, const QByteArray& bytes, const QString& expected) {
            QTest::newRow(name) << bytes << expected;
        };

        // Top level.
        row("empty", {}, "empty frame");
        row("array", cbor([](QCborStreamWriter& w) { w.startArray(0); w.endArray(); }),
            "message: expected a map, got an array");
        row("integer", cbor([](QCborStreamWriter& w) { w.append(quint64(5)); }),
            "message: expected a map, got an unsigned integer");
        row("empty map", cbor([](QCborStreamWriter& w) { w.startMap(0); w.endMap(); }),
            "message: the map ends where a key was expected");
        row("version missing", cbor([](QCborStreamWriter& w) {
                w.startMap(2); w.append("t"_L1); w.append("ping"_L1); w.append("nonce"_L1); w.append(quint64(1)); w.endMap();
            }),
            "message: first key is \"t\", expected \"v\"");
        row("version 2", frame("ping", field("nonce", uintValue(1)), 2), "v: version 2, expected 1");
        row("version as text", cbor([](QCborStreamWriter& w) {
                w.startMap(1); w.append("v"_L1); w.append("1"_L1); w.endMap();
            }),
            "v: expected an unsigned integer, got a text string");
        row("type missing", cbor([](QCborStreamWriter& w) {
                w.startMap(2); w.append("v"_L1); w.append(quint64(1)); w.append("nonce"_L1); w.append(quint64(1)); w.endMap();
            }),
            "message: second key is \"nonce\", expected \"t\"");
        row("type not text", cbor([](QCborStreamWriter& w) {
                w.startMap(2); w.append("v"_L1); w.append(quint64(1)); w.append("t"_L1); w.append(quint64(7)); w.endMap();
            }),
            "t: expected a text string, got an unsigned integer");
        row("unknown type", frame("bogus"), "t: unknown message type \"bogus\"");
        row("type too long", frame(QString(17, 'p')), "t: 17 bytes of text, at most 16");
        row("trailing byte", encode(Ping{1}) + '\0', "1 trailing bytes after the message");
        row("two messages", encode(Ping{1}) + encode(Ping{2}), "18 trailing bytes after the message");
        row("truncated", encode(Ping{0x1234}).chopped(1),
            "ping.nonce: malformed CBOR at byte 17: Unexpected end of input data (more bytes needed)");

        // Fields.
        row("missing field", frame("ping"), "ping: missing field \"nonce\"");
        row("missing photo", frame("block", field("block", bytesValue(10))), "block: missing field \"photo\"");
        row("duplicate field", frame("ping", fields({field("nonce", uintValue(1)), field("nonce", uintValue(2))})),
            "ping: duplicate field \"nonce\"");
        row("version repeated", frame("ping", fields({field("nonce", uintValue(1)), field("v", uintValue(2))})),
            "ping: duplicate field \"v\"");
        row("type repeated", frame("ping", fields({field("t", textValue("pong")), field("nonce", uintValue(1))})),
            "ping: duplicate field \"t\"");
        row("integer key", frame("ping", fields({field("nonce", uintValue(1)), uintValue(5), uintValue(1)})),
            "ping: a key is an unsigned integer, expected a text string");
        row("nonce as text", frame("ping", field("nonce", textValue("1"))),
            "ping.nonce: expected an unsigned integer, got a text string");
        row("negative nonce", frame("ping", field("nonce", [](QCborStreamWriter& w) { w.append(qint64(-1)); })),
            "ping.nonce: expected an unsigned integer, got a negative integer");
        row("float nonce", frame("ping", field("nonce", [](QCborStreamWriter& w) { w.append(1.0); })),
            "ping.nonce: expected an unsigned integer, got a float");
        row("pack not a map", frame("hello", fields({field("genesis", bytesValue(32)), field("nonce", uintValue(1)),
                                                     field("pack", [](QCborStreamWriter& w) { w.startArray(0); w.endArray(); })})),
            "hello.pack: expected a map, got an array");
        row("peer entry missing field", frame("peers", field("peers", [](QCborStreamWriter& w) {
                w.startArray(1); peerEntry("seen")(w); w.endArray();
            })),
            "peers.peers[0]: missing field \"seen\"");

        // Fixed sizes.
        row("hash 31 bytes", frame("getphoto", field("hash", bytesValue(31))), "getphoto.hash: 31 bytes, expected 32");
        row("hash 33 bytes", frame("getphoto", field("hash", bytesValue(33))), "getphoto.hash: 33 bytes, expected 32");
        row("hash as text", frame("getphoto", field("hash", textValue(QString(32, 'h')))),
            "getphoto.hash: expected a byte string, got a text string");
        row("tagged hash", frame("getphoto", field("hash", [](QCborStreamWriter& w) {
                w.append(QCborKnownTags::ExpectedBase16); w.append(filled(32));
            })),
            "getphoto.hash: expected a byte string, got a tag");
        WirePack shortKey = validPack();
        shortKey.key.resize(31);
        row("key 31 bytes", encode(Hello{Hash256{}, shortKey, 1}), "hello.pack.key: 31 bytes, expected 32");
        WirePack shortSig = validPack();
        shortSig.signature.resize(63);
        row("signature 63 bytes", encode(Announce{shortSig, "h"}), "announce.pack.sig: 63 bytes, expected 64");
        row("handshake proof 65 bytes", encode(HelloProof{Bytes(65, 1)}), "proof.sig: 65 bytes, expected 64");
        std::vector<Bytes> headers(5, Bytes(88));
        headers[3].resize(87);
        row("header 87 bytes", encode(Headers{headers}), "headers.headers[3]: 87 bytes, expected 88");

        // Lists.
        row("too many headers", encode(Headers{std::vector<Bytes>(kMaxHeadersPerMessage + 1, Bytes(88))}),
            "headers.headers: 2001 elements, at most 2000");
        row("too many block requests", encode(GetBlocks{hashes(kMaxBlocksPerRequest + 1)}),
            "getblocks.hashes: 17 elements, at most 16");
        row("indefinite list too long", frame("getblocks", field("hashes", [](QCborStreamWriter& w) {
                w.startArray();
                for (size_t i = 0; i <= kMaxBlocksPerRequest; ++i)
                    w.append(filled(32));
                w.endArray();
            })),
            "getblocks.hashes: more than 16 elements");
        row("locator too long", encode(GetHeaders{hashes(kMaxLocatorHashes + 1), Hash256{}}),
            "getheaders.locator: 65 elements, at most 64");
        row("too many peers", encode(Peers{std::vector<PeerAddress>(kMaxPeersPerMessage + 1)}),
            "peers.peers: 1001 elements, at most 1000");
        row("too many blocks announced", encode(Inventory{hashes(kMaxInventoryPerMessage + 1), {}}),
            "inv.blocks: 1001 elements, at most 1000");
        row("inventory over its total", encode(Inventory{hashes(600), hashes(500)}),
            "inv: 600 blocks and 500 transactions, at most 1000 in all");
        row("notfound too long", encode(NotFound{hashes(kMaxInventoryPerMessage + 1)}),
            "notfound.hashes: 1001 elements, at most 1000");

        // Text.
        WirePack longAgent = validPack();
        longAgent.userAgent = QString(257, 'a');
        row("user agent too long", encode(Hello{Hash256{}, longAgent, 1}),
            "hello.pack.agent: 257 bytes of text, at most 256");
        longAgent.userAgent = QString(129, QChar(0xe9));
        row("user agent too long in UTF-8", encode(Hello{Hash256{}, longAgent, 1}),
            "hello.pack.agent: 258 bytes of text, at most 256");
        WirePack longType = validPack();
        longType.type = QString(17, 't');
        row("pack type too long", encode(Hello{Hash256{}, longType, 1}), "hello.pack.type: 17 bytes of text, at most 16");
        row("host too long", encode(Announce{validPack(), QString(256, 'h')}),
            "announce.host: 256 bytes of text, at most 255");
        std::vector<PeerAddress> peers(3);
        peers[2].host = QString(256, 'h');
        row("peer host too long", encode(Peers{peers}), "peers.peers[2].host: 256 bytes of text, at most 255");
        row("tx too long", encode(TransactionMessage{Bytes(kMaxTransactionBytes + 1, 1)}),
            "tx.tx: 1025 bytes, at most 1024");
        row("gettxs too many", encode(GetTransactions{hashes(kMaxInventoryPerMessage + 1)}),
            "gettxs.hashes: 1001 elements, at most 1000");
        row("reject code too long", encode(Reject{QString(65, 'c'), "", Hash256{}}),
            "reject.code: 65 bytes of text, at most 64");
        row("reject reason too long", encode(Reject{"c", QString(1025, 'r'), Hash256{}}),
            "reject.reason: 1025 bytes of text, at most 1024");
        const auto rejectWithCode = [](const QByteArray& utf8) {
            return frame("reject", fields({field("code", [utf8](QCborStreamWriter& w) {
                                               w.appendTextString(utf8.constData(), utf8.size());
                                           }),
                                           field("reason", textValue("")), field("subject", bytesValue(32))}));
        };
        row("invalid UTF-8", rejectWithCode("\xc3\x28"), "reject.code: invalid UTF-8");
        row("cut UTF-8 sequence", rejectWithCode("ab\xe2\x82"), "reject.code: invalid UTF-8");

        // Numbers.
        row("port above 65535", frame("peers", field("peers", [](QCborStreamWriter& w) {
                w.startArray(1); peerEntry("port", uintValue(70000))(w); w.endArray();
            })),
            "peers.peers[0].port: 70000 is above 65535");
        row("protocol above 32 bits", frame("hello", fields({field("genesis", bytesValue(32)), field("nonce", uintValue(1)),
                                                             field("pack", [](QCborStreamWriter& w) {
                                                                 w.startMap();
                                                                 w.append("protocol"_L1);
                                                                 w.append(quint64(1) << 32);
                                                                 w.endMap();
                                                             })})),
            "hello.pack.protocol: 4294967296 is above 4294967295");
        row("lastSeen above int64", frame("peers", field("peers", [](QCborStreamWriter& w) {
                w.startArray(1); peerEntry("seen", uintValue(quint64(1) << 63))(w); w.endArray();
            })),
            "peers.peers[0].seen: 9223372036854775808 does not fit a signed 64-bit integer");
        row("lastSeen below int64", frame("peers", field("peers", [](QCborStreamWriter& w) {
                w.startArray(1);
                peerEntry("seen", [](QCborStreamWriter& v) { v.append(QCborNegativeInteger(0)); })(w);
                w.endArray();
            })),
            "peers.peers[0].seen: -1 - 18446744073709551615 does not fit a signed 64-bit integer");

        // Hostile lengths and nesting.
        QByteArray claimsTooMuch = frame("block", field("photo", bytesValue(0))).chopped(1);  // no "break"
        claimsTooMuch += QByteArray::fromHex("65626c6f636b") + QByteArray::fromHex("5b0000010000000000") + "abc";
        row("length beyond the frame", claimsTooMuch, "block.block: claims 1099511627776 bytes, only 12 follow");
        QByteArray unknownClaimsTooMuch = frame("getpeers").chopped(1);
        unknownClaimsTooMuch += QByteArray::fromHex("646a756e6b") + QByteArray::fromHex("5b0000010000000000") + "abc";
        row("length beyond the frame in an unknown field", unknownClaimsTooMuch,
            "getpeers.junk: malformed CBOR at byte 20: Unexpected end of input data (more bytes needed)");
        const Body deepArrays = [](QCborStreamWriter& w) {
            for (int i = 0; i < 100; ++i)
                w.startArray(1);
            w.append(quint64(0));
            for (int i = 0; i < 100; ++i)
                w.endArray();
        };
        row("deep nesting in an unknown field", frame("ping", fields({field("nonce", uintValue(1)), field("junk", deepArrays)})),
            "ping.junk: malformed CBOR at byte 40: Internal limitation: data nesting too deep");
        QByteArray hugeArray = frame("getblocks").chopped(1);
        hugeArray += QByteArray::fromHex("66686173686573") + QByteArray::fromHex("9b0000010000000000");
        row("huge array header", hugeArray, "getblocks.hashes: 1099511627776 elements, at most 16");

        // Compact blocks (CompactBlockCodec): packed lists of whole entries, within their limits.
        const auto compact = [](qsizetype skeleton, qsizetype ids) {
            return frame("cmpctblock", fields({field("skeleton", bytesValue(skeleton)), field("salt", uintValue(1)),
                                               field("ids", bytesValue(ids))}));
        };
        row("compact ids not whole", compact(200, 7), "cmpctblock.ids: 7 bytes, not a whole number of 6-byte entries");
        row("compact ids over the cap", compact(200, 6 * (qsizetype(kMaxCompactTransfers) + 1)),
            QString("cmpctblock.ids: %1 bytes, at most %2").arg(6 * (kMaxCompactTransfers + 1)).arg(6 * kMaxCompactTransfers));
        row("compact skeleton too long", compact(1025, 6), "cmpctblock.skeleton: 1025 bytes, at most 1024");
        row("compact salt missing", frame("cmpctblock", fields({field("skeleton", bytesValue(10)), field("ids", bytesValue(6))})),
            "cmpctblock: missing field \"salt\"");
        const Body descending = [](QCborStreamWriter& w) { w.append(QByteArray::fromHex("00050003")); };
        row("getblocktxn positions descend", frame("getblocktxn", fields({field("block", bytesValue(32)), field("indexes", descending)})),
            "getblocktxn.indexes[1]: 3 does not follow 5 (positions must ascend)");
        row("getblocktxn odd bytes", frame("getblocktxn", fields({field("block", bytesValue(32)), field("indexes", bytesValue(3))})),
            "getblocktxn.indexes: 3 bytes, not a whole number of 2-byte entries");
        const Body oversizedTx = [](QCborStreamWriter& w) {
            w.startArray(1);
            w.append(filled(qsizetype(kMaxTransactionBytes) + 1));
            w.endArray();
        };
        row("blocktxn transaction too long", frame("blocktxn", fields({field("block", bytesValue(32)), field("txs", oversizedTx)})),
            QString("blocktxn.txs[0]: %1 bytes, at most %2").arg(kMaxTransactionBytes + 1).arg(kMaxTransactionBytes));
    }

    void rejectsMalformedFramesPrecisely()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QCOMPARE(decodeError(bytes), expected);
    }

    void rejectsFramesOverTheSizeCap()
    {
        const QByteArray ping = encode(Ping{1});
        QCOMPARE(decodeError(ping, ping.size()), "<decoded>"_L1);
        QCOMPARE(decodeError(ping, ping.size() - 1),
                 QString("frame is %1 bytes, above the %2-byte limit").arg(ping.size()).arg(ping.size() - 1));
        const QByteArray big = encode(BlockMessage{Bytes(kDefaultMaxFrameBytes), {}});
        QVERIFY(decodeError(big).startsWith("frame is "));
    }

    void errorPointerIsOptional()
    {
        QVERIFY(!decode(QByteArray("\xff"), nullptr));
        QVERIFY(decode(encode(Pong{3}), nullptr));
    }
};

QTEST_APPLESS_MAIN(MessageCodecTest)
#include "tst_message_codec.moc"
