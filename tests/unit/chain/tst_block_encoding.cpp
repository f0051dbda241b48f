#include "BlockFixtures.h"
#include "core/chain/ByteReader.h"

#include <QtTest>

using namespace pb;

namespace {
// Genesis block ids (hex of the header hash as stored) of the built-in networks.
constexpr const char* kDevGenesis = "67a5af0c665008de1c85ff3a075fa37164135dcbca06684dec171a5ab803cc64";
constexpr const char* kTestGenesis = "3658bfa2e6f6313d7afc0cfd23d2e23ac5a5f2510ff7b6a3c819b68991cb72e4";
} // namespace

class BlockEncodingTest : public QObject {
    Q_OBJECT
private slots:
    void headerRoundTripsAndPutsNonceInLast8Bytes()
    {
        BlockHeader h;
        h.version = 1;
        h.prevHash.fill(0xab);
        h.contentRoot.fill(0xcd);
        h.time = 1793491234;
        h.bits = 0x1d400000;
        h.nonce = 0x0102030405060708ull;
        const auto bytes = h.serialize();
        QCOMPARE(bytes.size(), size_t(88));
        QCOMPARE(getLE64(bytes.data() + 80), h.nonce);
        // The nonce lies within the last 55 bytes, i.e. after the first 64-byte SHA block.
        QVERIFY(BlockHeader::kNonceOffset >= 88 - 55 && BlockHeader::kNonceOffset >= 64);
        const auto parsed = BlockHeader::parse(bytes.data(), bytes.size());
        QVERIFY(parsed.has_value());
        QVERIFY(*parsed == h);
        QVERIFY(!BlockHeader::parse(bytes.data(), 87));
        QCOMPARE(h.hash(), crypto::sha256d(bytes.data(), bytes.size()));
    }

    void blockRoundTripsWithAndWithoutPhoto()
    {
        Block b = test::makeBlock(Hash256{}, 1, 1793491300);
        auto parsed = Block::parse(b.serialize());
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->serialize(), b.serialize());

        Hash256 photo;
        photo.fill(9);
        b.photoHash = photo;
        b.vote = LabelVote::Disagree;
        b.transactions.push_back(test::coinbaseFor(5));
        parsed = Block::parse(b.serialize());
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed->photoHash, photo);
        QCOMPARE(parsed->vote, LabelVote::Disagree);
        QCOMPARE(parsed->transactions.size(), size_t(2));
        QCOMPARE(parsed->serialize(), b.serialize());
    }

    void everyTruncationAndTrailingByteIsRejected()
    {
        Block b = test::makeBlock(Hash256{}, 1, 1793491300);
        b.photoHash = Hash256{};
        const Bytes good = b.serialize();
        for (size_t n = 0; n < good.size(); ++n)
            QVERIFY2(!Block::parse(Bytes(good.begin(), good.begin() + long(n))), qPrintable(QString("prefix %1").arg(n)));
        Bytes longer = good;
        longer.push_back(0);
        QVERIFY(!Block::parse(longer));
    }

    void unknownFlagsAndVotesAreRejected()
    {
        const Bytes good = test::makeBlock(Hash256{}, 1, 1793491300).serialize();
        Bytes badFlags = good;
        badFlags[88] = 0x02;
        QVERIFY(!Block::parse(badFlags));
        Bytes badVote = good;
        badVote[89] = 3;
        QVERIFY(!Block::parse(badVote));
    }

    void hugeTransactionCountDoesNotAllocate()
    {
        Bytes b = test::makeBlock(Hash256{}, 1, 1793491300).serialize();
        b.resize(90);
        appendU32(b, 0xFFFFFFFF);
        QVERIFY(!Block::parse(b));
    }

    void contentRootCommitsToPhotoLabelAndVote()
    {
        Block b = test::makeBlock(Hash256{}, 1, 1793491300);
        const Hash256 base = b.computeContentRoot();
        Block withVote = b;
        withVote.vote = LabelVote::Agree;
        QVERIFY(withVote.computeContentRoot() != base);
        Block withPhoto = b;
        withPhoto.photoHash = Hash256{};
        withPhoto.label = "cat";
        QVERIFY(withPhoto.computeContentRoot() != base);
        Block otherLabel = withPhoto;
        otherLabel.label = "dog";
        QVERIFY(otherLabel.computeContentRoot() != withPhoto.computeContentRoot());
    }

    void merkleRootOfOneIsItsIdAndOrderMatters()
    {
        Hash256 a, b;
        a.fill(1);
        b.fill(2);
        QCOMPARE(merkleRoot({a}), a);
        QVERIFY(merkleRoot({a, b}) != merkleRoot({b, a}));
        QCOMPARE(merkleRoot({a, b, b}), merkleRoot({a, b, b, b}));
    }

    void coinbaseRejectsTrailingBytesAndUnknownType()
    {
        Bytes cb = test::coinbaseFor(3);
        QVERIFY(Transaction::parse(cb).has_value());
        Bytes longer = cb;
        longer.push_back(0);
        QVERIFY(!Transaction::parse(longer));
        Bytes wrongType = cb;
        wrongType[0] = 9;
        QVERIFY(!Transaction::parse(wrongType));
        QVERIFY(!Transaction::parse(Bytes{}));
    }

    void genesisIsDeterministicPerNetwork()
    {
        // Pinned: a change to the genesis encoding or parameters forks every existing chain, so it
        // must be deliberate (update these and say so).
        QCOMPARE(toHex(networkByName("dev")->genesisHash()), std::string(kDevGenesis));
        QCOMPARE(toHex(networkByName("test")->genesisHash()), std::string(kTestGenesis));
        QVERIFY(networkByName("dev")->genesisHash() != networkByName("test")->genesisHash());
        QVERIFY(!networkByName("main"));
    }
};

QTEST_APPLESS_MAIN(BlockEncodingTest)
#include "tst_block_encoding.moc"
