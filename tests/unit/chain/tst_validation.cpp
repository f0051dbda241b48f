#include "BlockFixtures.h"
#include "core/chain/Difficulty.h"

#include <QtTest>
#include <set>

using namespace pb;

namespace {

const uint64_t kTime = 1793491300;

ChainContext contextFor(uint64_t height) { return test::contextAt(height, kTime); }

BlockError structural(const Block& b)
{
    return checkBlock(b.serialize(), test::testNet(), nullptr).error;
}

} // namespace

class ValidationTest : public QObject {
    Q_OBJECT
private slots:
    void validBlockPasses()
    {
        const Block b = test::makeBlock(Hash256{}, 1, kTime);
        Block decoded;
        const ValidationResult r = checkBlock(b.serialize(), test::testNet(), &decoded);
        QVERIFY2(r.ok(), r.detail.c_str());
        QCOMPARE(decoded.hash(), b.hash());
        QVERIFY(checkBlockInContext(b, contextFor(1), test::testNet()).ok());
    }

    void malformedBytes() { QCOMPARE(checkBlock(Bytes{1, 2, 3}, test::testNet(), nullptr).error, BlockError::Malformed); }

    void oversizeBlock()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.transactions.push_back(Bytes(test::testNet().maxBlockBytes, 0));
        QCOMPARE(structural(b), BlockError::TooLarge);
    }

    void unknownVersion()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.header.version = 2;
        test::solve(b);
        QCOMPARE(structural(b), BlockError::BadVersion);
    }

    void bitsAbovePowLimitOrInvalid()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.header.bits = 0x2100ffff;  // valid compact, but easier than the test network allows
        QCOMPARE(structural(b), BlockError::BadBits);
        b.header.bits = 0x1d800000;  // negative
        QCOMPARE(structural(b), BlockError::BadBits);
    }

    void hashAboveTarget()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        const Uint256 target = *Uint256::fromCompact(b.header.bits);
        do { ++b.header.nonce; } while (Uint256::fromBigEndian(b.header.hash()) <= target);
        QCOMPARE(structural(b), BlockError::HighHash);
    }

    void contentRootMismatch()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.vote = LabelVote::Agree;  // body changes, root does not
        test::solve(b);
        QCOMPARE(structural(b), BlockError::BadContentRoot);
    }

    void noTransactions()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.transactions.clear();
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::NoTransactions);
    }

    void undecodableFirstTransactionIsMalformed()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.transactions[0] = Bytes{0x42};
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::MalformedTransaction);
    }

    void firstTransactionMustBeTheCoinbase()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.transactions[0] = test::signedTransfer(test::keyFor(1), crypto::AddressHash{}, kCoin, 1000, 0).serialize();
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::FirstNotCoinbase);
    }

    void aRepeatedTransactionIsADuplicate()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        const Bytes transfer = test::signedTransfer(test::keyFor(1), crypto::AddressHash{}, kCoin, 1000, 0).serialize();
        b.transactions.push_back(transfer);
        b.transactions.push_back(transfer);
        test::reseal(b);
        const ValidationResult r = checkBlock(b.serialize(), test::testNet(), nullptr);
        QCOMPARE(r.error, BlockError::DuplicateTransaction);
        QVERIFY2(r.detail.find("transaction 2") != std::string::npos, r.detail.c_str());
    }

    void secondCoinbase()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.transactions.push_back(test::coinbaseFor(99));
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::ExtraCoinbase);
    }

    void labelClaimMustMatchTheHeaderFlag()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.photoHash = crypto::sha256(test::jpegBytes());
        b.label = "face";
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::LabelFlagMismatch);
        b.label.clear();
        b.header.version |= BlockHeader::kLabelClaimFlag;
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::LabelFlagMismatch);
        b.label = "face";
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::None);
    }

    void labelWithoutPhotoCannotBeEncoded()
    {
        // The body stores a label only after a photo hash: the claim flag is left unbacked.
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.label = "face";
        b.header.version |= BlockHeader::kLabelClaimFlag;
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::LabelFlagMismatch);
    }

    void labelMustBePrintableWithoutOuterSpaces()
    {
        for (const std::string& label : {std::string("fa\nce"), std::string(" face"), std::string("face "), std::string("f\x01")}) {
            Block b = test::makeBlock(Hash256{}, 1, kTime);
            b.photoHash = crypto::sha256(test::jpegBytes());
            b.label = label;
            b.header.version |= BlockHeader::kLabelClaimFlag;
            test::reseal(b);
            QCOMPARE(structural(b), BlockError::BadLabel);
        }
    }

    void unknownVersionBitsAreRefused()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.header.version = BlockHeader::kVersion | 0x200;
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::BadVersion);
    }

    void labelClaimStandsOrFallsWithTheRecognizer()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.photoHash = crypto::sha256(test::jpegBytes());
        b.label = "face";
        QCOMPARE(checkLabelClaim(b, {PhotoVerdict::Kind::Confirmed, {}}).error, BlockError::None);
        const ValidationResult no = checkLabelClaim(b, {PhotoVerdict::Kind::NotConfirmed, "it sees nothing it knows"});
        QCOMPARE(no.error, BlockError::LabelNotConfirmed);
        QVERIFY(no.detail.find("it sees nothing it knows") != std::string::npos);
        QCOMPARE(checkLabelClaim(b, {PhotoVerdict::Kind::Unverifiable, "no recognizer"}).error, BlockError::PhotoUnverifiable);
        b.label.clear();
        QCOMPARE(checkLabelClaim(b, {PhotoVerdict::Kind::NotConfirmed, {}}).error, BlockError::None);
    }

    void photoTargetIsSixteenTimesEasierAndSaturates()
    {
        BlockHeader h;
        h.bits = 0x1e100000;
        QCOMPARE(*blockTarget(h), *Uint256::fromCompact(h.bits));
        h.version |= BlockHeader::kLabelClaimFlag;
        QCOMPARE(*blockTarget(h), *Uint256::fromCompact(h.bits) << 4);
        h.bits = 0x207fffff;  // top bits already set: saturates instead of wrapping
        Hash256 all;
        all.fill(0xff);
        QCOMPARE(*blockTarget(h), Uint256::fromBigEndian(all));
    }

    void labelLongerThanTheCap()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.photoHash = crypto::sha256(test::jpegBytes());
        b.label = std::string(kMaxLabelLength + 1, 'x');
        test::reseal(b);
        QCOMPARE(structural(b), BlockError::LabelTooLong);
    }

    void wrongBits()
    {
        const Block b = test::makeBlock(Hash256{}, 1, kTime);
        ChainContext ctx = contextFor(1);
        ctx.expectedBits = 0x2007ffff;
        QCOMPARE(checkBlockInContext(b, ctx, test::testNet()).error, BlockError::WrongBits);
    }

    void timeNotAfterMedianTimePast()
    {
        const Block b = test::makeBlock(Hash256{}, 1, kTime);
        ChainContext ctx = contextFor(1);
        ctx.medianTimePast = kTime;
        QCOMPARE(checkBlockInContext(b, ctx, test::testNet()).error, BlockError::TimeTooOld);
    }

    void timeTooFarAhead()
    {
        const Block b = test::makeBlock(Hash256{}, 1, kTime + 2 * 3600 + 1);
        QCOMPARE(checkBlockInContext(b, contextFor(1), test::testNet()).error, BlockError::TimeTooNew);
        const Block edge = test::makeBlock(Hash256{}, 1, kTime + 2 * 3600);
        QVERIFY(checkBlockInContext(edge, contextFor(1), test::testNet()).ok());
    }

    void coinbaseHeightMismatch()
    {
        const Block b = test::makeBlock(Hash256{}, 1, kTime);
        QCOMPARE(checkBlockInContext(b, contextFor(2), test::testNet()).error, BlockError::BadCoinbaseHeight);
    }

    void coinbaseOverpays()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        b.transactions[0] = test::coinbaseFor(1, kCoin + 1);
        test::reseal(b);
        QCOMPARE(checkBlockInContext(b, contextFor(1), test::testNet()).error, BlockError::CoinbaseOverpays);
    }

    void photoRules()
    {
        Block b = test::makeBlock(Hash256{}, 1, kTime);
        const Bytes jpeg = test::jpegBytes();
        b.photoHash = crypto::sha256(jpeg);
        test::reseal(b);
        QVERIFY(checkBlock(b.serialize(), test::testNet(), nullptr).ok());
        QVERIFY(checkPhoto(b, &jpeg, test::testNet()).ok());
        QCOMPARE(checkPhoto(b, nullptr, test::testNet()).error, BlockError::PhotoMissing);
        const Bytes other = test::jpegBytes(2);
        QCOMPARE(checkPhoto(b, &other, test::testNet()).error, BlockError::PhotoHashMismatch);

        Bytes gif = {'G', 'I', 'F', '8', '9', 'a'};
        b.photoHash = crypto::sha256(gif);
        QCOMPARE(checkPhoto(b, &gif, test::testNet()).error, BlockError::PhotoBadFormat);

        Bytes huge = test::jpegBytes();
        huge.resize(test::testNet().maxPhotoBytes + 1);
        b.photoHash = crypto::sha256(huge);
        QCOMPARE(checkPhoto(b, &huge, test::testNet()).error, BlockError::PhotoTooLarge);

        b.photoHash = crypto::sha256(jpeg);
        ChainContext ctx = contextFor(1);
        ctx.photoAlreadyOnChain = true;
        QCOMPARE(checkBlockInContext(b, ctx, test::testNet()).error, BlockError::PhotoAlreadyOnChain);
    }

    void everyErrorHasADistinctCode()
    {
        std::set<std::string> codes;
        for (int e = int(BlockError::None); e <= int(BlockError::ReorgTooDeep); ++e)
            QVERIFY(codes.insert(blockErrorCode(BlockError(e))).second);
    }
};

QTEST_APPLESS_MAIN(ValidationTest)
#include "tst_validation.moc"
