// Addresses as bech32m (BIP-350) with hrp "pb": round trips, and every corruption rejected.
#include "core/crypto/Address.h"
#include "core/crypto/Sha256.h"

#include <QtTest>

using namespace pb;
using namespace pb::crypto;

namespace {

AddressHash sampleHash(uint8_t seed)
{
    AddressHash a;
    for (size_t i = 0; i < a.size(); ++i)
        a[i] = uint8_t(seed * 31 + i * 7);
    return a;
}

std::string upper(std::string s)
{
    for (char& c : s)
        c = char(std::toupper(uint8_t(c)));
    return s;
}

} // namespace

class AddressUsesBech32m : public QObject {
    Q_OBJECT

private slots:
    void roundTrip()
    {
        for (uint8_t seed = 0; seed < 50; ++seed) {
            const AddressHash a = sampleHash(seed);
            const std::string text = encodeAddress(a);
            QCOMPARE(text.substr(0, 3), std::string("pb1"));
            QCOMPARE(text.size(), size_t(3 + 32 + 6));
            QCOMPARE(decodeAddress(text), std::optional<AddressHash>(a));
            QCOMPARE(decodeAddress(upper(text)), std::optional<AddressHash>(a));
        }
    }

    void addressIsTheKeyHashPrefix()
    {
        const PublicKey key = Ed25519Key::generate().publicKey();
        const Hash256 h = sha256(key.data(), key.size());
        const AddressHash a = addressFromPublicKey(key);
        QVERIFY(std::equal(a.begin(), a.end(), h.begin()));
    }

    void everySingleCharacterSubstitutionIsRejected()
    {
        const std::string text = encodeAddress(sampleHash(3));
        const std::string alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l1bio";
        int tried = 0;
        for (size_t i = 0; i < text.size(); ++i) {
            for (char c : alphabet) {
                if (c == text[i])
                    continue;
                std::string bad = text;
                bad[i] = c;
                QVERIFY2(!decodeAddress(bad), bad.c_str());
                ++tried;
            }
        }
        QVERIFY(tried > 1000);
    }

    void wrongHrpMixedCaseAndLengthAreRejected()
    {
        const AddressHash a = sampleHash(9);
        const std::string text = encodeAddress(a);
        const std::vector<uint8_t> five = bech32mDecode(text)->data;
        QCOMPARE(five.size(), size_t(32));

        QVERIFY(bech32mDecode(bech32mEncode("tb", five)));
        QVERIFY(!decodeAddress(bech32mEncode("tb", five)));
        QCOMPARE(decodeAddress(bech32mEncode("pb", five)), std::optional<AddressHash>(a));

        for (size_t i = 0; i < text.size(); ++i) {
            if (!std::isalpha(uint8_t(text[i])))
                continue;
            std::string mixed = text;
            mixed[i] = char(std::toupper(uint8_t(mixed[i])));
            QVERIFY2(!decodeAddress(mixed), mixed.c_str());
        }

        auto shorter = five;
        shorter.pop_back();
        QVERIFY(!decodeAddress(bech32mEncode("pb", shorter)));
        auto longer = five;
        longer.push_back(0);
        QVERIFY(!decodeAddress(bech32mEncode("pb", longer)));
        QVERIFY(!decodeAddress(bech32mEncode("pb", {})));
        QVERIFY(!decodeAddress(text.substr(0, text.size() - 1)));
        QVERIFY(!decodeAddress(""));
        QVERIFY(!decodeAddress("pb1"));
    }

    void bip350ValidStringsDecode_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* s : {"A1LQFN3A", "a1lqfn3a",
                              "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
                              "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
                              "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
                              "split1checkupstagehandshakeupstreamerranterredcaperredlc445v", "?1v759aa"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void bip350ValidStringsDecode()
    {
        QFETCH(QString, text);
        const std::string s = text.toStdString();
        auto parts = bech32mDecode(s);
        QVERIFY(parts);
        std::string lower = s;
        for (char& c : lower)
            c = char(std::tolower(uint8_t(c)));
        QCOMPARE(bech32mEncode(parts->hrp, parts->data), lower);
    }

    void bip350InvalidStringsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("text");
        for (const char* s : {"\x20" "1xj0phk", "\x7f" "1g6xzxy", "\x80" "1vctc34",
                              "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
                              "qyrz8wqd2c9m", "1qyrz8wqd2c9m", "y1b0jsk6g", "lt1igcx5c0", "in1muywd", "mm1crxm3i",
                              "au1s5cgom", "M1VUXWEZ", "16plkw9", "1p2gdwpf",
                              // Valid BIP-173 bech32 (the old checksum constant) is not bech32m.
                              "A12UEL5L", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw"})
            QTest::newRow(QByteArray(s).toHex().constData()) << QByteArray(s);
    }

    void bip350InvalidStringsAreRejected()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!bech32mDecode(std::string_view(text.constData(), size_t(text.size()))));
    }
};

QTEST_APPLESS_MAIN(AddressUsesBech32m)
#include "tst_address.moc"
