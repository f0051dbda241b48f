// The arithmetic bench_recognizer evaluates recognizers with (PrecisionRecall.h): claims at a
// threshold follow Recognition::confirms, the curve has one point per distinct score, and the
// summaries (average precision, most recall without a wrong claim) read the curve correctly.
#include "tests/unit/photo/PrecisionRecall.h"

#include <QtTest>

using namespace pb::photo::evaluation;

class PrecisionRecallTest : public QObject {
    Q_OBJECT

    // Four photos that show a label: scores 0.9, 0.8, 0.5 and one never seen; one wrong label at 0.8.
    const std::vector<ScoredLabel> samples_ = {
        {"dog", 0.9, true}, {"cat", 0.8, false}, {"cat", 0.8, true}, {"dog", 0.5, true}, {"cat", 0.0, true}, {"cow", 0.0, false},
    };

private slots:
    void claimsAtAThresholdCountWhatTheManifestSays()
    {
        const Counts c = countAt(samples_, 0.8);
        QCOMPARE(c.truePositives, 2);
        QCOMPARE(c.falsePositives, 1);
        QCOMPARE(c.falseNegatives, 2);
        QCOMPARE(c.precision(), 2.0 / 3);
        QCOMPARE(c.recall(), 0.5);
    }

    void aLabelNeverSeenIsNeverClaimedEvenAtThresholdZero()
    {
        const Counts c = countAt(samples_, 0.0);
        QCOMPARE(c.truePositives, 3);
        QCOMPARE(c.falsePositives, 1);
        QCOMPARE(c.falseNegatives, 1);
    }

    void claimingNothingIsNeverWrongAndNothingShownIsNeverMissed()
    {
        const Counts none = countAt({{"dog", 0.4, true}}, 0.65);
        QCOMPARE(none.precision(), 1.0);
        QCOMPARE(none.recall(), 0.0);
        QCOMPARE(countAt({{"dog", 0.4, false}}, 0.65).recall(), 1.0);
    }

    void perLabelCountsHoldLabelsShownOrClaimedOnly()
    {
        const std::map<std::string, Counts> perLabel = countsPerLabel(samples_, 0.85);
        QCOMPARE(perLabel.size(), size_t(2));  // cow: neither shown nor claimed
        QCOMPARE(perLabel.at("dog").truePositives, 1);
        QCOMPARE(perLabel.at("dog").falseNegatives, 1);
        QCOMPARE(perLabel.at("cat").falsePositives, 0);
        QCOMPARE(perLabel.at("cat").falseNegatives, 2);
    }

    void theCurveHasOnePointPerDistinctScoreWithFallingThresholds()
    {
        const std::vector<CurvePoint> curve = precisionRecallCurve(samples_);
        QCOMPARE(curve.size(), size_t(3));
        QCOMPARE(curve[0].threshold, 0.9);
        QCOMPARE(curve[0].precision, 1.0);
        QCOMPARE(curve[0].recall, 0.25);
        QCOMPARE(curve[1].threshold, 0.8);  // both 0.8 scores enter together
        QCOMPARE(curve[1].precision, 2.0 / 3);
        QCOMPARE(curve[1].recall, 0.5);
        QCOMPARE(curve[2].threshold, 0.5);
        QCOMPARE(curve[2].precision, 0.75);
        QCOMPARE(curve[2].recall, 0.75);
    }

    void averagePrecisionWeighsEachRecallStepByItsPrecision()
    {
        QCOMPARE(averagePrecision(precisionRecallCurve(samples_)), 0.25 * 1 + 0.25 * 2.0 / 3 + 0.25 * 0.75);
        QCOMPARE(averagePrecision({}), 0.0);
    }

    void mostRecallWithoutAWrongClaimStopsBeforeTheFirstWrongClaim()
    {
        const CurvePoint clean = mostRecallWithoutAWrongClaim(precisionRecallCurve(samples_));
        QCOMPARE(clean.threshold, 0.9);
        QCOMPARE(clean.recall, 0.25);
        QCOMPARE(clean.counts.truePositives, 1);

        const std::vector<ScoredLabel> wrongFirst = {{"bowl", 0.95, false}, {"cup", 0.7, true}, {"cup", 0.6, true}};
        const CurvePoint none = mostRecallWithoutAWrongClaim(precisionRecallCurve(wrongFirst));
        QCOMPARE(none.threshold, 1.0);
        QCOMPARE(none.recall, 0.0);
        QCOMPARE(none.counts.falseNegatives, 2);
    }
};

QTEST_APPLESS_MAIN(PrecisionRecallTest)
#include "tst_precision_recall.moc"
