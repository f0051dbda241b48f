// SHA-256 against the published FIPS 180-2 vectors: one-shot, double, the portable compression
// function and the midstate that the nonce scanners start from.
#include "core/crypto/Sha256.h"

#include <QtTest>

using namespace pb;
using namespace pb::crypto;

namespace {

Bytes ascii(const char* s) { return Bytes(s, s + std::strlen(s)); }

// Pads a message per FIPS 180-4 and runs the portable compression over every block.
Hash256 portableSha256(const Bytes& message)
{
    Bytes padded = message;
    padded.push_back(0x80);
    while (padded.size() % 64 != 56)
        padded.push_back(0);
    const uint64_t bits = uint64_t(message.size()) * 8;
    for (int i = 7; i >= 0; --i)
        padded.push_back(uint8_t(bits >> (8 * i)));
    uint32_t state[8];
    std::memcpy(state, kSha256Init, sizeof state);
    for (size_t off = 0; off < padded.size(); off += 64)
        sha256CompressPortable(state, padded.data() + off);
    Hash256 out;
    for (int i = 0; i < 8; ++i)
        putBE32(out.data() + 4 * i, state[i]);
    return out;
}

} // namespace

class Sha256MatchesPublishedVectors : public QObject {
    Q_OBJECT

private slots:
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QByteArray()
                               << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                  << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }

    void vectors()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, digest);
        const Bytes bytes(message.begin(), message.end());
        const Hash256 expected = *hashFromHex(digest.toStdString());
        QCOMPARE(sha256(bytes), expected);
        QCOMPARE(portableSha256(bytes), expected);
        QCOMPARE(sha256d(bytes), sha256(expected.data(), expected.size()));
    }

    void sha256dOfAbcIsTheHashOfTheHash()
    {
        QCOMPARE(toHex(sha256d(ascii("abc"))),
                 std::string("4f8b42c22dd3729b519ba6f68d2da7cc5b2d606d05daed5ad5128cc03e6c6358"));
    }

    void initialStateIsTheFipsConstant()
    {
        QCOMPARE(kSha256Init[0], 0x6a09e667u);
        QCOMPARE(kSha256Init[7], 0x5be0cd19u);
    }

    // Finishing from a midstate must give the same digest as hashing the whole message.
    void midstateResumesTheHash()
    {
        Bytes header(88);
        for (size_t i = 0; i < header.size(); ++i)
            header[i] = uint8_t(i * 37 + 11);
        Midstate m = sha256Midstate(header.data());

        uint8_t block[64] = {};
        std::memcpy(block, header.data() + 64, 24);
        block[24] = 0x80;
        putBE32(block + 60, 88 * 8);
        sha256CompressPortable(m.h, block);
        Hash256 resumed;
        for (int i = 0; i < 8; ++i)
            putBE32(resumed.data() + 4 * i, m.h[i]);
        QCOMPARE(resumed, sha256(header));
    }
};

QTEST_APPLESS_MAIN(Sha256MatchesPublishedVectors)
#include "tst_sha256.moc"
