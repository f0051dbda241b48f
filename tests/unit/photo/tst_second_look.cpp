// The second scale bench_recognizer measures: which regions are looked at again, and the fixed
// rules that fuse the looks' scores.
#include "tests/unit/photo/SecondLook.h"

#include <QtTest>

using namespace pb::photo::evaluation;

class SecondLookTest : public QObject {
    Q_OBJECT

private slots:
    void regionsAreTheWholeFourOverlappingCornersAndTheCentre()
    {
        const std::vector<cv::Rect> regions = lookRegions({640, 480});
        QCOMPARE(regions.size(), size_t(6));
        QCOMPARE(regions[0], cv::Rect(0, 0, 640, 480));
        QCOMPARE(regions[1], cv::Rect(0, 0, 427, 320));
        QCOMPARE(regions[2], cv::Rect(213, 0, 427, 320));
        QCOMPARE(regions[3], cv::Rect(0, 160, 427, 320));
        QCOMPARE(regions[4], cv::Rect(213, 160, 427, 320));
        QCOMPARE(regions[5], cv::Rect(106, 80, 427, 320));
    }

    void everyRegionLiesInsideThePhotoAndTheCornersCoverIt()
    {
        for (const cv::Size size : {cv::Size(640, 427), cv::Size(17, 640), cv::Size(640, 640), cv::Size(16, 16)}) {
            const std::vector<cv::Rect> regions = lookRegions(size);
            const cv::Rect photo(cv::Point(0, 0), size);
            for (const cv::Rect& r : regions) {
                QVERIFY(!r.empty());
                QCOMPARE(r & photo, r);
            }
            // The middle third of each side is inside every corner tile: an object there is whole in all four.
            const cv::Rect middle(size.width / 3, size.height / 3, size.width / 3, size.height / 3);
            for (size_t k = 1; k <= 4; ++k) QCOMPARE(regions[k] & middle, middle);
            cv::Mat covered(size, CV_8U, cv::Scalar(0));
            for (size_t k = 1; k <= 4; ++k) covered(regions[k]).setTo(1);
            QCOMPARE(cv::countNonZero(covered), size.area());
        }
    }

    void theRulesFuseTheLooksAsNamed()
    {
        // Whole photo: NanoDet sees a tv at 0.4, CenterNet does not; both see a person.
        // Tile 1: both see the tv (0.8, 0.6); tile 2: CenterNet alone sees a cat at 0.9.
        std::vector<Look> looks(6);
        looks[0] = {{{"tv", 0.4}, {"person", 0.5}}, {{"person", 0.3}}};
        looks[1] = {{{"tv", 0.8}, {"person", 0.7}}, {{"tv", 0.6}, {"person", 0.5}}};
        looks[2] = {{}, {{"cat", 0.9}}};
        const auto fuse = [&](LookRule rule, const std::string& label) {
            return fuseLooks(looks, kWholeAndTiles, kWholeAndTiles, rule, label);
        };
        QCOMPARE(fuse(LookRule::BestLooksMean, "tv"), 0.7);
        QCOMPARE(fuse(LookRule::BestLooksMean, "cat"), 0.45);
        QCOMPARE(fuse(LookRule::MeanOfBestLooks, "tv"), 0.7);
        QCOMPARE(fuse(LookRule::MeanOfBestLooks, "person"), 0.6);
        // Only CenterNet-or-NanoDet on the whole photo: the tile may not raise it.
        QCOMPARE(fuse(LookRule::BestLooksMeanWhereBothSawWhole, "tv"), 0.2);
        QCOMPARE(fuse(LookRule::BestLooksMeanWhereBothSawWhole, "person"), 0.6);
        QCOMPARE(fuse(LookRule::BestLooksMeanWhereBothSawWhole, "cat"), 0.0);
        QCOMPARE(fuse(LookRule::WholeAndBestLookAgree, "tv"), (0.2 + 0.7) / 2);
        QCOMPARE(fuse(LookRule::WholeAndBestLookAgree, "person"), (0.4 + 0.6) / 2);
        // Each model only on the looks it is given: CenterNet on the whole photo alone.
        QCOMPARE(fuseLooks(looks, kWholeAndTiles, kWholeLook, LookRule::MeanOfBestLooks, "tv"), 0.4);
        QCOMPARE(fuseLooks(looks, kWholeLook, kWholeLook, LookRule::BestLooksMean, "person"), 0.4);
    }
};

QTEST_GUILESS_MAIN(SecondLookTest)
#include "tst_second_look.moc"
