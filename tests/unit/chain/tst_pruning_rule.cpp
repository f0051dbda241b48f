#include "core/chain/PruningRule.h"

#include <QtTest>

using namespace pb;

namespace {
Hash256 photo(uint8_t n)
{
    Hash256 h{};
    h[0] = n;
    return h;
}
std::vector<uint64_t> range(uint64_t from, uint64_t to)
{
    std::vector<uint64_t> v;
    for (uint64_t h = from; h < to; ++h) v.push_back(h);
    return v;
}
bool isPlan(const PrunePlan& plan, const std::vector<uint64_t>& heights, uint64_t prunedBelow)
{
    return plan.heights == heights && plan.prunedBelow == prunedBelow;
}
} // namespace

class PruningRuleTest : public QObject {
    Q_OBJECT
private slots:
    void aChainInsideTheWindowKeepsEveryBody()
    {
        for (uint64_t tip : {0, 1, 15, 287}) QVERIFY(isPlan(planPruning(tip, 288, 0, {0}, 1000), {}, 0));
    }

    void bodiesBelowTheWindowGoButGenesisStays()
    {
        // Window 16 ending at 40 keeps 25..40: 1..24 go, genesis is protected.
        QVERIFY(isPlan(planPruning(40, 16, 0, {0}, 1000), range(1, 25), 25));
    }

    void theWindowHoldsExactlyWindowBlocks()
    {
        const PrunePlan plan = planPruning(287, 288, 0, {}, 1000);
        QVERIFY(plan.heights.empty());
        const PrunePlan next = planPruning(288, 288, 0, {}, 1000);
        QCOMPARE(next.heights, std::vector<uint64_t>{0});
    }

    void pruningResumesAtTheMarkAndAfterANewTip()
    {
        const PrunePlan first = planPruning(40, 16, 0, {0}, 1000);
        QVERIFY(planPruning(40, 16, first.prunedBelow, {0}, 1000).heights.empty());
        QVERIFY(isPlan(planPruning(43, 16, first.prunedBelow, {0}, 1000), range(25, 28), 28));
    }

    void aTipThatMovedBackPrunesNothingMore()
    {
        // After a reorganisation onto a shorter branch the mark stays where it was.
        QVERIFY(isPlan(planPruning(30, 16, 25, {0}, 1000), {}, 25));
    }

    void batchesAreBoundedAndContinue()
    {
        const PrunePlan first = planPruning(1000, 16, 1, {0}, 100);
        QVERIFY(isPlan(first, range(1, 101), 101));
        const PrunePlan second = planPruning(1000, 16, first.prunedBelow, {0}, 100);
        QCOMPARE(second.heights.front(), uint64_t(101));
    }

    void protectedHeightsArePassedOver()
    {
        const PrunePlan plan = planPruning(40, 16, 0, {0, 5, 6}, 1000);
        QCOMPARE(plan.heights.size(), size_t(22));
        QVERIFY(std::find(plan.heights.begin(), plan.heights.end(), 5) == plan.heights.end());
        QVERIFY(std::find(plan.heights.begin(), plan.heights.end(), 7) != plan.heights.end());
        QCOMPARE(plan.prunedBelow, uint64_t(25));
    }

    void photosStillReferencedStay()
    {
        const auto gone = photosToDelete({photo(1), photo(2), photo(3), photo(1)}, {photo(2)});
        QCOMPARE(gone, (std::vector<Hash256>{photo(1), photo(3)}));
        QVERIFY(photosToDelete({photo(4)}, {photo(4)}).empty());
    }
};

QTEST_APPLESS_MAIN(PruningRuleTest)
#include "tst_pruning_rule.moc"
