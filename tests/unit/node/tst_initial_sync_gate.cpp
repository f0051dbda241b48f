// The miner waits while initial sync is far behind the best header, and only then: it mines on a
// fresh network and before peers have shown headers, waits while blocks arrive, resumes when
// caught up and never waits again; a sync that stops making progress ends the wait for good, so
// a peer that shows headers and withholds the bodies holds the miner back once, at most 60 s.
#include "core/net/ConnectRun.h"
#include "core/node/InitialSyncGate.h"

#include <QtTest>

using namespace pb::node;
using Decision = InitialSyncGate::Decision;
using Change = InitialSyncGate::Change;

namespace {
constexpr uint64_t kNow = 1'800'000'000;
constexpr uint64_t kFar = pb::net::ConnectRun::kFarBehind;
} // namespace

class InitialSyncGateTest : public QObject {
    Q_OBJECT
private slots:
    void minesUntilHeadersShowItFarBehind()
    {
        InitialSyncGate gate;
        QCOMPARE(gate.ask(0, 0, kNow).decision, Decision::Mine);          // a fresh network
        QCOMPARE(gate.ask(5, 5 + kFar - 1, kNow + 1).decision, Decision::Mine);  // a little behind
        QVERIFY(!gate.released());  // headers may still come
        const auto behind = gate.ask(5, 5 + kFar, kNow + 2);
        QCOMPARE(behind.decision, Decision::Wait);
        QCOMPARE(behind.change, Change::StartsWaiting);
        QCOMPARE(gate.ask(5, 5 + kFar, kNow + 3).change, Change::None);
    }

    void waitsWhileSyncProgressesAndResumesForGoodWhenCaughtUp()
    {
        InitialSyncGate gate;
        QCOMPARE(gate.ask(10, 10000, kNow).decision, Decision::Wait);
        // Progress keeps it waiting far past the stall time in all.
        for (uint64_t step = 1; step <= 5; ++step)
            QCOMPARE(gate.ask(step * 1000, 10000, kNow + step * 50).decision, Decision::Wait);
        // Near is not there: blocks 64 below the best header would still replace a block mined now.
        QCOMPARE(gate.ask(10000 - kFar + 1, 10000, kNow + 290).decision, Decision::Wait);
        QCOMPARE(gate.ask(9999, 10000, kNow + 295).decision, Decision::Wait);
        const auto caughtUp = gate.ask(10000, 10000, kNow + 300);
        QCOMPARE(caughtUp.decision, Decision::Mine);
        QCOMPARE(caughtUp.change, Change::CaughtUp);
        QVERIFY(gate.released());
        // Latched: a branch of headers far ahead no longer stops the miner.
        const auto later = gate.ask(10000, 10000 + 10 * kFar, kNow + 301);
        QCOMPARE(later.decision, Decision::Mine);
        QCOMPARE(later.change, Change::None);
    }

    void withheldBodiesHoldTheMinerBackOnceAtMostTheStallTime()
    {
        InitialSyncGate gate;
        QCOMPARE(gate.ask(0, 100, kNow).decision, Decision::Wait);
        QCOMPARE(gate.ask(0, 100, kNow + InitialSyncGate::kStallSeconds - 1).decision, Decision::Wait);
        const auto stalled = gate.ask(0, 100, kNow + InitialSyncGate::kStallSeconds);
        QCOMPARE(stalled.decision, Decision::Mine);
        QCOMPARE(stalled.change, Change::Stalled);
        // For good: our own blocks raising the tip, or more headers, do not start a new wait.
        QCOMPARE(gate.ask(1, 100, kNow + 62).decision, Decision::Mine);
        QCOMPARE(gate.ask(2, 200, kNow + 200).decision, Decision::Mine);
    }

    void aRisingTipRestartsTheStallClock()
    {
        InitialSyncGate gate;
        QCOMPARE(gate.ask(0, 1000, kNow).decision, Decision::Wait);
        QCOMPARE(gate.ask(1, 1000, kNow + 59).decision, Decision::Wait);
        QCOMPARE(gate.ask(1, 1000, kNow + 118).decision, Decision::Wait);
        QCOMPARE(gate.ask(1, 1000, kNow + 119).change, Change::Stalled);
    }
};

QTEST_GUILESS_MAIN(InitialSyncGateTest)
#include "tst_initial_sync_gate.moc"
