// Photo proof in consensus, with the real NanoDet recognizer over real Redis: a confirmed label
// mines at the 16x easier target, a wrong one is invalid, a node without the network's
// recognizer refuses to judge, and votes on labels are tallied through reorganisations.
#include "core/chain/Chain.h"
#include "core/mining/BlockAssembler.h"
#include "core/chain/Difficulty.h"
#include "core/crypto/Sha256.h"
#include "core/photo/NanoDetRecognizer.h"
#include "core/storage/RedisChainStore.h"
#include "tests/support/ScratchRedis.h"
#include "tests/support/SolveBlock.h"

#include <QFile>
#include <QtTest>

using namespace pb;
using pb::test::solve;

namespace {

const uint64_t kNow = 1793500000;
// NanoDet sees a dog at 0.67 (claim threshold 0.65) and a cat at 0.38 in it.
const char* const kDogPhoto = "/usr/share/darknet/data/dog.jpg";

Bytes readPhoto(const char* path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s: install opencv-doc and darknet (scripts/test.sh does)", path);
    const QByteArray b = f.readAll();
    return Bytes(b.begin(), b.end());
}

crypto::AddressHash address(uint8_t fill)
{
    crypto::AddressHash a;
    a.fill(fill);
    return a;
}

} // namespace

class PhotoConsensusTest : public QObject {
    Q_OBJECT
private:
    test::ScratchRedis redis_;
    std::unique_ptr<photo::NanoDetRecognizer> recognizer_;
    const NetworkParams& net_ = *networkByName("test");
    int storeCount_ = 0;

    // A fresh chain (own key prefix) with the real recognizer as its verifier.
    struct Fixture {
        std::unique_ptr<storage::RedisChainStore> store;
        std::unique_ptr<Chain> chain;
    };
    Fixture freshChain(bool withVerifier = true)
    {
        Fixture f;
        f.store = std::make_unique<storage::RedisChainStore>(redis_.client(), redis_.photos(), "photo" + std::to_string(++storeCount_));
        f.store->checkSchema();
        f.chain = std::make_unique<Chain>(net_, *f.store);
        if (withVerifier) f.chain->setPhotoVerifier([this](const Hash256&, const Bytes& photo, const std::string& label) { return verify(photo, label); });
        f.chain->load();
        return f;
    }

    PhotoVerdict verify(const Bytes& photo, const std::string& label) const
    {
        const photo::RecognizeOutcome o = recognizer_->recognize(photo);
        if (!o.ok()) return {PhotoVerdict::Kind::NotConfirmed, o.message};
        if (o.recognition->confirms(label, true)) return {PhotoVerdict::Kind::Confirmed, {}};
        return {PhotoVerdict::Kind::NotConfirmed, "not seen"};
    }

    static Block photoBlock(Chain& chain, const Bytes& photo, const std::string& label, LabelVote vote, uint64_t now)
    {
        mining::PhotoClaim claim{crypto::sha256(photo), label, vote};
        mining::BlockTemplate t = mining::BlockAssembler(chain).assemble(address(0x51), now, &claim);
        solve(t.block);
        return t.block;
    }

    static Block plainBlock(Chain& chain, LabelVote vote, uint64_t now, uint8_t payTo = 0x52)
    {
        mining::BlockTemplate t = mining::BlockAssembler(chain).assemble(address(payTo), now);
        t.block.vote = vote;
        t.block.header.contentRoot = t.block.computeContentRoot();
        solve(t.block);
        return t.block;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(redis_.start(&error), qPrintable(error));
        std::string why;
        recognizer_ = photo::NanoDetRecognizer::create({}, &why);
        QVERIFY2(recognizer_, why.c_str());
    }

    void builtInNetworksPinTheDefaultRecognizer()
    {
        // Changing the recognizer is a consensus change: this pin must move with it, on purpose.
        const QString identity = QString::fromStdString(recognizer_->identity());
        QCOMPARE(identity, QString::fromStdString(networkByName("dev")->recognizerIdentity));
        QCOMPARE(identity, QString::fromStdString(networkByName("test")->recognizerIdentity));
    }

    void confirmedLabelMinesAtTheSixteenTimesEasierTarget()
    {
        Fixture f = freshChain();
        const Bytes dog = readPhoto(kDogPhoto);
        Block block = photoBlock(*f.chain, dog, "dog", LabelVote::Abstain, kNow);
        QVERIFY(block.header.claimsLabel());
        const Uint256 base = *Uint256::fromCompact(block.header.bits);
        QCOMPARE(*blockTarget(block.header), base << kPhotoProofShift);
        // A nonce whose hash misses the base target but meets the photo target.
        const auto header = block.header.serialize();
        const crypto::HeaderJob job = crypto::makeHeaderJob(header.data(), blockTarget(block.header)->toBigEndian());
        do {
            const crypto::ScanResult found = crypto::scanNonces(crypto::bestBackend(), job, block.header.nonce + 1, uint64_t(1) << 40);
            QVERIFY(found.found);
            block.header.nonce = found.nonce;
        } while (Uint256::fromBigEndian(block.hash()) <= base);
        const AcceptResult r = f.chain->submitBlock(block.serialize(), &dog, kNow);
        QVERIFY2(r.ok(), r.validation.detail.c_str());
        QCOMPARE(f.chain->tip().hash, block.hash());
        const auto entry = f.store->indexEntry(block.hash());
        const auto parent = f.store->indexEntry(block.header.prevHash);
        QCOMPARE(entry->chainWork - parent->chainWork, workForTarget(base << kPhotoProofShift));
        QCOMPARE(entry->lastClaim, block.hash());

        // Without the label-claim flag the same proof of work is not enough.
        BlockHeader stripped = block.header;
        stripped.version = BlockHeader::kVersion;
        QCOMPARE(checkHeader(stripped, net_).error, BlockError::HighHash);
    }

    void unconfirmedLabelIsInvalidAndRemembered()
    {
        Fixture f = freshChain();
        const Bytes dog = readPhoto(kDogPhoto);
        const Block block = photoBlock(*f.chain, dog, "cat", LabelVote::Abstain, kNow);
        const AcceptResult r = f.chain->submitBlock(block.serialize(), &dog, kNow);
        QCOMPARE(r.validation.error, BlockError::LabelNotConfirmed);
        QVERIFY2(r.validation.detail.find("'cat'") != std::string::npos, r.validation.detail.c_str());
        QCOMPARE(f.store->indexEntry(block.hash())->status, BlockIndexEntry::Status::Invalid);
        QCOMPARE(f.chain->submitBlock(block.serialize(), &dog, kNow).validation.error, BlockError::KnownInvalid);
    }

    void nodeWithoutTheRecognizerRefusesToJudgeButForgetsNothing()
    {
        Fixture blind = freshChain(false);
        const Bytes dog = readPhoto(kDogPhoto);
        const Block block = photoBlock(*blind.chain, dog, "dog", LabelVote::Abstain, kNow);
        const AcceptResult r = blind.chain->submitBlock(block.serialize(), &dog, kNow);
        QCOMPARE(r.validation.error, BlockError::PhotoUnverifiable);
        QVERIFY(!blind.store->indexEntry(block.hash()).has_value());
        // Once it has the recognizer, the same block is accepted.
        blind.chain->setPhotoVerifier([this](const Hash256&, const Bytes& photo, const std::string& label) { return verify(photo, label); });
        QVERIFY(blind.chain->submitBlock(block.serialize(), &dog, kNow).ok());
        QCOMPARE(blind.chain->tip().hash, block.hash());
    }

    void votesOnTheLastClaimAreTalliedAndUndoneByReorganisation()
    {
        Fixture f = freshChain();
        const Bytes dog = readPhoto(kDogPhoto);
        // Before any claim there is nothing to vote on.
        const Block early = plainBlock(*f.chain, LabelVote::Agree, kNow);
        QVERIFY(f.chain->submitBlock(early.serialize(), nullptr, kNow).ok());
        const Block claim = photoBlock(*f.chain, dog, "dog", LabelVote::Disagree, kNow + 1);
        QVERIFY(f.chain->submitBlock(claim.serialize(), &dog, kNow + 1).ok());
        const TipInfo fork = f.chain->tip();
        const LabelVote votes[] = {LabelVote::Agree, LabelVote::Agree, LabelVote::Disagree, LabelVote::Abstain};
        uint64_t t = kNow + 2;
        for (LabelVote v : votes) {
            QVERIFY(f.chain->submitBlock(plainBlock(*f.chain, v, t).serialize(), nullptr, t).ok());
            ++t;
        }
        VoteTally tally = f.store->votes(claim.hash());
        QCOMPARE(tally.agree, uint64_t(2));
        QCOMPARE(tally.disagree, uint64_t(1));
        QCOMPARE(tally.abstain, uint64_t(1));
        QCOMPARE(f.store->votes(early.hash()).agree, uint64_t(0));

        // A heavier branch from the claim block with one disagreeing vote per block replaces them.
        std::vector<Block> branch;
        BlockIndexEntry parent = *f.store->indexEntry(fork.hash);
        Hash256 prev = fork.hash;
        uint64_t height = fork.height;
        for (int i = 0; i < 6; ++i) {
            Block b;
            CoinbaseTx coinbase;
            coinbase.height = ++height;
            coinbase.to = address(0x77);
            coinbase.amount = net_.blockReward;
            b.transactions.push_back(coinbase.serialize());
            b.vote = LabelVote::Disagree;
            b.header.prevHash = prev;
            b.header.time = kNow + 100 + uint64_t(i);
            b.header.bits = parent.bits;
            b.header.contentRoot = b.computeContentRoot();
            solve(b);
            prev = b.hash();
            branch.push_back(b);
        }
        for (const Block& b : branch) {
            const AcceptResult r = f.chain->submitBlock(b.serialize(), nullptr, kNow + 200);
            QVERIFY2(r.ok(), r.validation.detail.c_str());
        }
        QCOMPARE(f.chain->tip().hash, branch.back().hash());
        tally = f.store->votes(claim.hash());
        QCOMPARE(tally.agree, uint64_t(0));
        QCOMPARE(tally.disagree, uint64_t(6));
        QCOMPARE(tally.abstain, uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(PhotoConsensusTest)
#include "tst_photo_consensus.moc"
