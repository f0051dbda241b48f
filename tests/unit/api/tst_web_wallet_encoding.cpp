// The phone web client's wallet.js, run under Node.js, against the C++ it must match byte for
// byte: the address of a public key (core/crypto/Address), a transfer's signing message
// (core/chain/Transaction) and a signed POST /api/v1/tx body the API parses into a transfer
// whose signature verifies. Amounts, fees and nonces above 2^32 and 2^53 catch a JS number
// where a 64-bit integer is needed.
#include "core/api/TransferJson.h"
#include "core/chain/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtTest>

using namespace pb;

namespace {

struct Case {
    uint8_t seedByte;
    uint64_t amount, fee, nonce;
};

const Case kCases[] = {
    {1, 1, 1000, 0},
    {2, 25'000'000, 1000, 7},
    {3, uint64_t(1) << 40, uint64_t(1) << 33, 123'456'789'012ull},
    {4, 18'446'744'073'709'551'615ull, 9'007'199'254'740'993ull, uint64_t(1) << 63},
};

Hash256 sampleNetwork()
{
    Hash256 h;
    for (size_t i = 0; i < h.size(); ++i) h[i] = uint8_t(0xA0 + i);
    return h;
}

std::array<uint8_t, 32> seedOf(const Case& c)
{
    std::array<uint8_t, 32> seed;
    for (size_t i = 0; i < seed.size(); ++i) seed[i] = uint8_t(c.seedByte * 17 + i);
    return seed;
}

std::string recipientOf(const Case& c)
{
    crypto::AddressHash to;
    for (size_t i = 0; i < to.size(); ++i) to[i] = uint8_t(c.seedByte * 29 + i * 3);
    return crypto::encodeAddress(to);
}

} // namespace

class WebWalletEncodesLikeTheNode : public QObject {
    Q_OBJECT

private slots:
    void addressesMessagesAndSignaturesMatch()
    {
        QJsonArray input;
        for (const Case& c : kCases) {
            input.append(QJsonObject{
                {"seed", QString::fromStdString(toHex(seedOf(c)))},
                {"network", QString::fromStdString(toHex(sampleNetwork()))},
                {"to", QString::fromStdString(recipientOf(c))},
                {"amount", QString::number(c.amount)},
                {"fee", QString::number(c.fee)},
                {"nonce", QString::number(c.nonce)},
            });
        }
        const QString source = qEnvironmentVariable("PB_SOURCE_DIR");
        QProcess node;
        node.start(PB_NODE_PATH, {source + "/tests/js/wallet_encoding.mjs", source + "/resources/web/wallet.js"});
        QVERIFY2(node.waitForStarted(10000), PB_NODE_PATH " does not start");
        node.write(QJsonDocument(input).toJson());
        node.closeWriteChannel();
        QVERIFY(node.waitForFinished(60000));
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
        const QJsonArray results = QJsonDocument::fromJson(node.readAllStandardOutput()).array();
        QCOMPARE(results.size(), qsizetype(std::size(kCases)));

        for (size_t i = 0; i < std::size(kCases); ++i) {
            const Case& c = kCases[i];
            const QJsonObject r = results[qsizetype(i)].toObject();
            const auto key = crypto::Ed25519Key::fromRawPrivate(seedOf(c));
            QCOMPARE(r["publicKey"].toString().toStdString(), toHex(key.publicKey()));
            QCOMPARE(r["address"].toString().toStdString(), crypto::encodeAddress(crypto::addressFromPublicKey(key.publicKey())));

            TransferTx expected;
            expected.network = sampleNetwork();
            expected.sender = key.publicKey();
            expected.to = *crypto::decodeAddress(recipientOf(c));
            expected.amount = c.amount;
            expected.fee = c.fee;
            expected.nonce = c.nonce;
            QCOMPARE(r["signingMessage"].toString().toStdString(), toHex(expected.signingMessage()));

            const auto parsed = api::transferFromJson(r["transfer"].toObject());
            if (const auto* error = std::get_if<api::ApiError>(&parsed)) QFAIL(qPrintable(error->code + ": " + error->message));
            const TransferTx& signedInJs = std::get<TransferTx>(parsed);
            QVERIFY(signedInJs.signatureValid());
            QCOMPARE(toHex(signedInJs.signingMessage()), toHex(expected.signingMessage()));
            // Ed25519 is deterministic: the same key signs the same message to the same bytes.
            expected.signWith(key);
            QCOMPARE(toHex(signedInJs.signature), toHex(expected.signature));
        }
    }
};

QTEST_GUILESS_MAIN(WebWalletEncodesLikeTheNode)
#include "tst_web_wallet_encoding.moc"
