#pragma once
// Whether the miner waits for initial sync. A node far below the best header it knows mines on a
// tip that the chain it is downloading will replace: its blocks are orphaned and its threads
// compete with validation. Bitcoin Core refuses block templates during initial block download
// (IsInitialBlockDownload, which latches). The same idea here: the miner waits from far behind
// (as far as connecting blocks in runs means, net::ConnectRun::kFarBehind) until the tip reaches
// the best header, with two guards against a peer that shows headers of more work and withholds
// the bodies:
// - it latches: once a wait has ended, mining never waits again in this process;
// - a wait lasts only while sync makes progress: a tip that has not risen for kStallSeconds
//   ends it, so such a peer can hold our miner back once, for at most that long, and must
//   have shown headers with 64 blocks' more work than our chain to do it.
// Pure logic with the clock passed in; BlockProducer asks it before every template.
#include <cstdint>

namespace pb::node {

class InitialSyncGate {
public:
    static constexpr uint64_t kStallSeconds = 60;

    enum class Decision { Mine, Wait };
    enum class Change { None, StartsWaiting, CaughtUp, Stalled };
    struct Answer {
        Decision decision = Decision::Mine;
        Change change = Change::None;  // worth a log line
    };
    Answer ask(uint64_t tipHeight, uint64_t bestHeaderHeight, uint64_t now);

    bool released() const { return released_; }

private:
    bool released_ = false;
    bool waiting_ = false;
    uint64_t risenTip_ = 0;  // the tip height when it last rose while waiting
    uint64_t risenAt_ = 0;   // and when
};

} // namespace pb::node
