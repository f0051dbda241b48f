// HeaderPresync on its own: a branch followed in memory until it has enough work, then handed
// out whole (short) or downloaded again and checked against its commitments (long).
#include "core/net/HeaderPresync.h"
#include "tests/unit/net/ProtocolFixture.h"

#include <QtTest>

using namespace pb;
using namespace pb::net;

namespace {

Uint256 workOf(const std::vector<Block>& blocks)
{
    Uint256 work;
    for (const Block& b : blocks) work += workForTarget(*blockTarget(b.header));
    return work;
}

std::vector<Hash256> hashesOf(const std::vector<BlockHeader>& headers)
{
    std::vector<Hash256> out;
    for (const BlockHeader& h : headers) out.push_back(h.hash());
    return out;
}

} // namespace

class HeaderPresyncTest : public QObject {
    Q_OBJECT

    test::ProtocolFixture f_;
    const Hash256 salt_{{7, 7, 7}};

    HeaderPresync fromGenesis()
    {
        const BlockIndexEntry genesis = *f_.store.indexEntry(f_.genesis());
        return HeaderPresync(test::easyNet(), {genesis.hash, genesis.height, genesis.chainWork}, salt_);
    }
    Uint256 genesisWork() { return f_.store.indexEntry(f_.genesis())->chainWork; }

private slots:
    void aShortBranchIsHandedOutWholeOnceItHasEnoughWork()
    {
        const auto blocks = f_.branch(f_.genesis(), 5, 0xA0);
        HeaderPresync presync = fromGenesis();
        const Uint256 needed = genesisWork() + workOf(blocks);  // reached by the fifth header only
        for (int i = 0; i < 4; ++i) QCOMPARE(presync.feed(blocks[size_t(i)].header, needed), HeaderPresync::Step::Followed);
        QCOMPARE(presync.height(), uint64_t(4));
        QCOMPARE(presync.feed(blocks[4].header, needed), HeaderPresync::Step::Finished);
        QCOMPARE(hashesOf(presync.takeReleased()), f_.hashes(blocks));
    }

    void headersThatBreakTheChainOrTheirOwnRulesAreTold()
    {
        const auto blocks = f_.branch(f_.genesis(), 3, 0xA0);
        const Uint256 never = genesisWork() + workOf(blocks) + workOf(blocks);
        HeaderPresync presync = fromGenesis();
        QCOMPARE(presync.feed(blocks[0].header, never), HeaderPresync::Step::Followed);
        QCOMPARE(presync.feed(blocks[2].header, never), HeaderPresync::Step::Unlinked);  // skips one

        BlockHeader unsolved = blocks[1].header;
        unsolved.bits = 0x1d00ffff;  // a target its hash does not meet
        QCOMPARE(presync.feed(unsolved, never), HeaderPresync::Step::Invalid);
        QVERIFY2(QString::fromStdString(presync.error()).contains("high_hash"), presync.error().c_str());
    }

    void aLongBranchIsDownloadedAgainAndHandedOutAsItsCommitmentsMatch()
    {
        const size_t length = HeaderPresync::kMaxBufferedHeaders + 2 * HeaderPresync::kCommitmentInterval + 10;
        const auto blocks = f_.branch(f_.genesis(), int(length), 0xA0);
        const Uint256 needed = genesisWork() + workOf(blocks);
        HeaderPresync presync = fromGenesis();
        for (size_t i = 0; i + 1 < length; ++i) QCOMPARE(presync.feed(blocks[i].header, needed), HeaderPresync::Step::Followed);
        // Too long to keep: ask again from the fork.
        QCOMPARE(presync.feed(blocks.back().header, needed), HeaderPresync::Step::Redownload);
        QVERIFY(presync.takeReleased().empty());
        QCOMPARE(presync.lastHash(), f_.genesis());

        std::vector<Hash256> released;
        size_t handOuts = 0;
        for (size_t i = 0; i < length; ++i) {
            const HeaderPresync::Step step = presync.feed(blocks[i].header, needed);
            const bool commitmentPoint = (i + 1) % HeaderPresync::kCommitmentInterval == 0;
            if (i + 1 == length) QCOMPARE(step, HeaderPresync::Step::Finished);
            else QCOMPARE(step, commitmentPoint ? HeaderPresync::Step::Store : HeaderPresync::Step::Followed);
            if (step != HeaderPresync::Step::Followed) ++handOuts;
            for (const Hash256& h : hashesOf(presync.takeReleased())) released.push_back(h);
        }
        QCOMPARE(released, f_.hashes(blocks));
        QCOMPARE(handOuts, length / HeaderPresync::kCommitmentInterval + 1);
    }

    void anotherBranchSwappedInForTheSecondDownloadIsRefused()
    {
        const size_t length = HeaderPresync::kMaxBufferedHeaders + 10;
        const auto blocks = f_.branch(f_.genesis(), int(length), 0xA0);
        const auto other = f_.branch(f_.genesis(), int(length), 0xB0);  // as much work, other headers
        const Uint256 needed = genesisWork() + workOf(blocks);
        HeaderPresync presync = fromGenesis();
        for (const Block& b : blocks) presync.feed(b.header, needed);
        QVERIFY(presync.redownloading());

        for (size_t i = 0; i + 1 < HeaderPresync::kCommitmentInterval; ++i)
            QCOMPARE(presync.feed(other[i].header, needed), HeaderPresync::Step::Followed);
        QCOMPARE(presync.feed(other[HeaderPresync::kCommitmentInterval - 1].header, needed), HeaderPresync::Step::Invalid);
        QVERIFY2(QString::fromStdString(presync.error()).contains("differ from the first download"), presync.error().c_str());
        QVERIFY(presync.takeReleased().empty());
    }
};

QTEST_GUILESS_MAIN(HeaderPresyncTest)
#include "tst_header_presync.moc"
