#include "core/chain/Difficulty.h"
#include "core/chain/Validation.h"

#include <QtTest>

#include <functional>

using namespace pb;

namespace {

double targetOf(uint32_t bits) { return Uint256::fromCompact(bits)->toDouble(); }

// A chain of header times and bits built by the same rules Chain applies (retargetWindow,
// retargetBits, medianTimePast over the last 11), mined by one miner of fixed hash rate whose
// blocks take `spacing x (genesis target / target)` seconds of real time, stamped by a strategy.
struct SimChain {
    const NetworkParams& params;
    std::vector<uint64_t> times;
    std::vector<uint32_t> bits;
    double now = 0;  // the miner's real clock

    explicit SimChain(const NetworkParams& p) : params(p), times{p.genesisTime}, bits{p.genesisBits}, now(double(p.genesisTime)) {}

    uint32_t nextBits() const
    {
        const uint64_t next = times.size();
        const auto window = retargetWindow(params, next);
        if (!window) return bits.back();
        return retargetBits(params, bits.back(), *window, times[window->startHeight], times.back());
    }
    uint64_t mtp() const
    {
        const size_t n = std::min(times.size(), kMedianTimeSpan);
        return medianTimePast(std::vector<uint64_t>(times.end() - long(n), times.end()));
    }
    // Mines one block; `stamp(height, mtp, now)` picks its time. Returns the validation result
    // of the stamp, so a test sees the attacker stay within the rules.
    ValidationResult mine(const std::function<uint64_t(uint64_t, uint64_t, uint64_t)>& stamp)
    {
        const uint32_t b = nextBits();
        now += double(params.targetBlockSeconds) * targetOf(params.genesisBits) / targetOf(b);
        BlockHeader h;
        h.version = BlockHeader::kVersion;
        h.bits = b;
        h.time = stamp(times.size(), mtp(), uint64_t(now));
        ChainContext ctx;
        ctx.height = times.size();
        ctx.expectedBits = b;
        ctx.medianTimePast = mtp();
        ctx.now = uint64_t(now);
        const ValidationResult r = checkHeaderInContext(h, ctx, params);
        if (r.ok()) {
            times.push_back(h.time);
            bits.push_back(b);
        }
        return r;
    }
};

bool endsWindow(const NetworkParams& p, uint64_t height) { return (height + 1) % p.retargetInterval == 0; }

// The time-warp: every block as old as the median rule allows, except each window's last block,
// stamped as far ahead as the drift rule allows, so the measured span is as long as possible.
uint64_t timeWarpStamp(const NetworkParams& p, uint64_t height, uint64_t mtp, uint64_t now)
{
    return endsWindow(p, height) ? now + p.maxFutureSeconds : mtp + 1;
}

} // namespace

class DifficultyTest : public QObject {
    Q_OBJECT
private:
    const NetworkParams& dev = *networkByName("dev");
    // The intended span of a window of `gaps` block intervals.
    uint64_t span(uint64_t gaps) { return dev.targetBlockSeconds * gaps; }
    RetargetWindow full() { return *retargetWindow(dev, 20); }

private slots:
    void retargetsOnlyAtIntervalBoundaries()
    {
        QVERIFY(!retargetWindow(dev, 0));
        QVERIFY(!retargetWindow(dev, 9));
        QVERIFY(!retargetWindow(dev, 11));
        QVERIFY(!retargetWindow(*networkByName("test"), 10));
    }

    void windowsShareTheirBoundaryBlock()
    {
        // The first window measures block 1 to block 9: eight gaps (genesis's time is not mined).
        QCOMPARE(retargetWindow(dev, 10)->startHeight, uint64_t(1));
        QCOMPARE(retargetWindow(dev, 10)->gaps, uint64_t(8));
        // Later windows start at the previous window's last block and measure all ten gaps.
        QCOMPARE(retargetWindow(dev, 20)->startHeight, uint64_t(9));
        QCOMPARE(retargetWindow(dev, 20)->gaps, uint64_t(10));
        QCOMPARE(retargetWindow(dev, 30)->startHeight, uint64_t(19));
        QCOMPARE(retargetWindow(dev, 30)->gaps, uint64_t(10));
    }

    void onTimeKeepsTarget()
    {
        QCOMPARE(retargetBits(dev, dev.genesisBits, full(), 1000, 1000 + span(10)), dev.genesisBits);
        // The shorter first window (block 1 to 9) is on time at eight gaps, not ten.
        QCOMPARE(retargetBits(dev, dev.genesisBits, *retargetWindow(dev, 10), 1000, 1000 + span(8)), dev.genesisBits);
    }

    void fastBlocksMakeItHarderProportionally()
    {
        const uint32_t bits = retargetBits(dev, dev.genesisBits, full(), 1000, 1000 + span(10) / 2);
        QCOMPARE(targetOf(bits), targetOf(dev.genesisBits) / 2);
    }

    void slowBlocksMakeItEasier()
    {
        const uint32_t bits = retargetBits(dev, dev.genesisBits, full(), 1000, 1000 + span(10) * 2);
        QCOMPARE(targetOf(bits), targetOf(dev.genesisBits) * 2);
    }

    void adjustmentIsClampedToFactorFour()
    {
        QCOMPARE(targetOf(retargetBits(dev, dev.genesisBits, full(), 1000, 1000)), targetOf(dev.genesisBits) / 4);
        QCOMPARE(targetOf(retargetBits(dev, dev.genesisBits, full(), 1000, 1000 + span(10) * 100)),
                 targetOf(dev.genesisBits) * 4);
        // A window ending before it starts (a stamp far ahead at its start) is the harder clamp.
        QCOMPARE(targetOf(retargetBits(dev, dev.genesisBits, full(), 5000, 1000)), targetOf(dev.genesisBits) / 4);
    }

    void longWindowsDoNotTruncateTheMeasuredSpan()
    {
        std::string error;
        CustomNetworkSpec spec;
        spec.name = "slow";
        spec.genesisTime = 1793491200;
        spec.targetBlockSeconds = 86400;
        spec.retargetInterval = 100000;
        const auto slow = customNetwork(spec, &error);
        QVERIFY2(slow, error.c_str());
        const RetargetWindow w = *retargetWindow(*slow, 200000);
        const uint64_t intended = 86400ull * 100000;
        QCOMPARE(retargetBits(*slow, slow->genesisBits, w, 0, intended), slow->genesisBits);
        QCOMPARE(targetOf(retargetBits(*slow, slow->genesisBits, w, 0, intended * 2)), targetOf(slow->genesisBits) * 2);
    }

    void neverEasierThanPowLimit()
    {
        const uint32_t nearLimit = dev.powLimit.toCompact();
        const uint32_t bits = retargetBits(dev, nearLimit, full(), 1000, 1000 + span(10) * 4);
        QCOMPARE(*Uint256::fromCompact(bits), dev.powLimit);
    }

    void medianTimePastIsTheMiddleValue()
    {
        QCOMPARE(medianTimePast({5, 1, 9}), uint64_t(5));
        QCOMPARE(medianTimePast({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), uint64_t(6));
        QCOMPARE(medianTimePast({}), uint64_t(0));
    }

    void futureDriftScalesWithTheRetargetWindow()
    {
        // dev's window is 50 s: the floor for honest clocks applies, not Bitcoin's 2 h.
        QCOMPARE(dev.maxFutureSeconds, kMinFutureDriftSeconds);
        // A network that never retargets keeps 2 h; a long window is capped at 2 h.
        QCOMPARE(networkByName("test")->maxFutureSeconds, kMaxFutureDriftSeconds);
        QCOMPARE(futureDriftLimit(600, 2016), kMaxFutureDriftSeconds);
        // In between, a sixteenth of the window.
        QCOMPARE(futureDriftLimit(60, 100), uint64_t(375));
    }

    void twoHourStampIsRefusedOnDev()
    {
        // The +2 h stamp Bitcoin would accept is far outside dev's drift: refused, and not a
        // stamp that can stretch a window.
        const uint64_t now = dev.genesisTime + 1000;
        ChainContext ctx;
        ctx.height = 5;
        ctx.expectedBits = dev.genesisBits;
        ctx.medianTimePast = now - 30;
        ctx.now = now;
        BlockHeader h;
        h.version = BlockHeader::kVersion;
        h.bits = dev.genesisBits;
        h.time = now + 2 * 60 * 60;
        QCOMPARE(checkHeaderInContext(h, ctx, dev).error, BlockError::TimeTooNew);
        h.time = now + dev.maxFutureSeconds + 1;
        QCOMPARE(checkHeaderInContext(h, ctx, dev).error, BlockError::TimeTooNew);
        h.time = now + dev.maxFutureSeconds;
        QVERIFY(checkHeaderInContext(h, ctx, dev).ok());
    }

    void futureStampEasesOneRetargetAtMostByTheClampAndIsGivenBack()
    {
        // An honest-rate miner stamps only the end of the first full window as far ahead as
        // allowed; every other block on time.
        SimChain chain(dev);
        for (uint64_t h = 1; h < 60; ++h) {
            const auto r = chain.mine([&](uint64_t height, uint64_t mtp, uint64_t now) {
                return std::max(mtp + 1, height == 19 ? now + dev.maxFutureSeconds : now);
            });
            QVERIFY2(r.ok(), r.detail.c_str());
        }
        const double start = targetOf(chain.bits[19]);
        const double eased = targetOf(chain.bits[20]) / start;
        QVERIFY2(eased > 1.0, qPrintable(QString::number(eased)));
        QVERIFY2(eased <= double(kRetargetClamp), qPrintable(QString::number(eased)));
        // The stretch is at most (W + D) / W of the window, not the clamp.
        const double window = double(dev.targetBlockSeconds * dev.retargetInterval);
        QVERIFY(eased <= (window + double(dev.maxFutureSeconds) + 2) / window);
        // The next window starts at the stamp, measures it as lost time and gives it back.
        const double after = targetOf(chain.bits[30]) / start;
        QVERIFY2(after < 1.2, qPrintable(QString::number(after)));
    }

    void timeWarpCannotRepeat()
    {
        // A miner with all the hash rate plays the time-warp for 40 windows.
        SimChain chain(dev);
        const uint64_t blocks = 40 * dev.retargetInterval;
        double maxEasing = 0;
        for (uint64_t h = 1; h <= blocks; ++h) {
            const auto r = chain.mine([&](uint64_t height, uint64_t mtp, uint64_t now) { return timeWarpStamp(dev, height, mtp, now); });
            QVERIFY2(r.ok(), r.detail.c_str());
            if (h >= 2 && chain.bits[h] != chain.bits[h - 1]) {
                const double ratio = targetOf(chain.bits[h]) / targetOf(chain.bits[h - 1]);
                // Each retarget moves by at most the clamp either way.
                QVERIFY2(ratio <= double(kRetargetClamp) * 1.0001 && ratio >= 1 / (double(kRetargetClamp) * 1.0001),
                         qPrintable(QString("height %1 ratio %2").arg(h).arg(ratio)));
            }
            maxEasing = std::max(maxEasing, targetOf(chain.bits[h]) / targetOf(dev.genesisBits));
        }
        // The gain is the one stretch of the first window; it does not compound.
        QVERIFY2(maxEasing <= double(kRetargetClamp), qPrintable(QString::number(maxEasing)));
        const double final = targetOf(chain.bits.back()) / targetOf(dev.genesisBits);
        QVERIFY2(final < 1.5, qPrintable(QString::number(final)));
        // So the attacker's blocks still come at about the intended rate: 40 windows take at
        // least two thirds of their intended real time.
        const double elapsed = chain.now - double(dev.genesisTime);
        QVERIFY2(elapsed >= double(blocks * dev.targetBlockSeconds) * 2 / 3, qPrintable(QString::number(elapsed)));
    }

    void timeWarpWouldCompoundOnDisjointWindows()
    {
        // The same attack against Bitcoin's window (from the window's own first block, so the
        // gap before it is never measured) reaches the pow limit: this is what the overlap fixes.
        SimChain chain(dev);
        std::vector<uint64_t>& times = chain.times;
        std::vector<uint32_t>& bits = chain.bits;
        for (uint64_t h = 1; h <= 40 * dev.retargetInterval; ++h) {
            const uint64_t next = times.size();
            uint32_t b = bits.back();
            if (next % dev.retargetInterval == 0) {
                const RetargetWindow disjoint{next - dev.retargetInterval, dev.retargetInterval - 1};
                b = retargetBits(dev, bits.back(), disjoint, times[disjoint.startHeight], times.back());
            }
            chain.now += double(dev.targetBlockSeconds) * targetOf(dev.genesisBits) / targetOf(b);
            times.push_back(timeWarpStamp(dev, next, chain.mtp(), uint64_t(chain.now)));
            bits.push_back(b);
        }
        QCOMPARE(*Uint256::fromCompact(bits.back()), dev.powLimit);
    }
};

QTEST_APPLESS_MAIN(DifficultyTest)
#include "tst_difficulty.moc"
