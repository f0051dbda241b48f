#pragma once
// Turns the chain's tip, the oldest ready photo job and the best pending transfers into work
// for the miner, and a found nonce back into a block submitted to the chain. Refreshes the
// template when its inputs change (at once, or coalesced after new transfers) and every ten
// seconds so header times follow the clock; pauses while block times run ahead of the clock and
// while initial sync is far behind (InitialSyncGate).
// Lives on the engine thread.
#include "core/chain/Chain.h"
#include "core/mining/BlockAssembler.h"
#include "core/mining/Miner.h"
#include "core/node/InitialSyncGate.h"
#include "core/util/Logger.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace pb {

class PhotoJobQueue;
class TransferPool;

namespace node {

class PhotoVerifier;

class BlockProducer : public QObject {
    Q_OBJECT
public:
    // `onMined` gets the chain's answer for every block this node found and connected.
    // Our photo blocks are judged by the verdict their job got from `photoVerifier`.
    BlockProducer(Chain& chain, PhotoJobQueue& photoJobs, PhotoVerifier& photoVerifier, TransferPool& transfers,
                  const crypto::AddressHash& rewardAddress, Logger& log, std::function<void(const AcceptResult&)> onMined);
    ~BlockProducer() override;

    void start(int threads);
    void stop();
    bool isRunning() const { return miner_.isRunning(); }
    const mining::Miner& miner() const { return miner_; }

    // Builds a fresh template now (after the tip or the photo job changed).
    void refreshTemplate();
    // Refreshes shortly, once for a burst of calls (new transfers arrive in bursts).
    void refreshSoon();
    // True when the photo job to mine is no longer the one the template carries.
    bool photoJobChanged() const;

    // Why the miner has no work while it runs: "initial_sync" (InitialSyncGate), "clock" (block
    // times ahead of the clock), or empty.
    QString pausedFor() const { return syncWait_ ? "initial_sync" : clockWait_ ? "clock" : QString(); }

    uint64_t blocksFound() const { return blocksFound_; }
    uint64_t rewardsUnits() const { return rewardsUnits_; }

private:
    void onNonceFound(uint64_t workUnitId, uint64_t nonce);
    // Asks initialSync_, logging when the answer changes.
    bool waitsForInitialSync();
    static QString describeRejection(const AcceptResult& result);

    Chain& chain_;
    PhotoJobQueue& photoJobs_;
    PhotoVerifier& photoVerifier_;
    TransferPool& transfers_;
    const crypto::AddressHash rewardAddress_;
    Logger& log_;
    std::function<void(const AcceptResult&)> onMined_;
    QTimer coalesceTimer_;                // coalesces template refreshes after new transfers
    QTimer templateRefreshTimer_;         // keeps header times close to the clock
    std::optional<mining::BlockTemplate> template_;
    QString templatePhotoJobId_;          // the photo job whose photo the template carries
    std::optional<Bytes> templatePhoto_;
    uint64_t workUnitId_ = 0;
    uint64_t blocksFound_ = 0;
    uint64_t rewardsUnits_ = 0;
    bool clockWait_ = false;
    bool syncWait_ = false;
    InitialSyncGate initialSync_;
    mining::Miner miner_;                 // last: its threads stop before the rest goes
};

} // namespace node
} // namespace pb
