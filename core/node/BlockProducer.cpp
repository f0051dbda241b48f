#include "core/node/BlockProducer.h"

#include "core/chain/Transaction.h"
#include "core/crypto/Sha256.h"
#include "core/node/Guarded.h"
#include "core/node/PhotoJobQueue.h"
#include "core/node/PhotoVerifier.h"
#include "core/node/TransferPool.h"

#include <QDateTime>
#include <QThread>

namespace pb::node {

namespace {
constexpr int kTemplateRefreshMs = 10000;
constexpr int kTemplateCoalesceMs = 200;

uint64_t nowSeconds() { return uint64_t(QDateTime::currentSecsSinceEpoch()); }
} // namespace

BlockProducer::BlockProducer(Chain& chain, PhotoJobQueue& photoJobs, PhotoVerifier& photoVerifier, TransferPool& transfers,
                             const crypto::AddressHash& rewardAddress, Logger& log, std::function<void(const AcceptResult&)> onMined)
    : chain_(chain),
      photoJobs_(photoJobs),
      photoVerifier_(photoVerifier),
      transfers_(transfers),
      rewardAddress_(rewardAddress),
      log_(log),
      onMined_(std::move(onMined)),
      coalesceTimer_(this),
      templateRefreshTimer_(this),
      miner_([this](uint64_t workUnitId, uint64_t nonce) {
          // On a miner thread: the block is built and submitted on the engine thread.
          QMetaObject::invokeMethod(
              this, [this, workUnitId, nonce] { guarded(log_, "found block", [&] { onNonceFound(workUnitId, nonce); }); },
              Qt::QueuedConnection);
      })
{
    coalesceTimer_.setSingleShot(true);
    coalesceTimer_.setInterval(kTemplateCoalesceMs);
    connect(&coalesceTimer_, &QTimer::timeout, this, [this] { guarded(log_, "template refresh", [this] { refreshTemplate(); }); });
    templateRefreshTimer_.setInterval(kTemplateRefreshMs);
    connect(&templateRefreshTimer_, &QTimer::timeout, this, [this] { guarded(log_, "job refresh", [this] { refreshTemplate(); }); });
}

BlockProducer::~BlockProducer() { miner_.stop(); }

void BlockProducer::start(int threads)
{
    threads = std::clamp(threads, 1, std::max(1, QThread::idealThreadCount()));
    miner_.start(threads);
    refreshTemplate();
    templateRefreshTimer_.start();
    log_.info(QString("mining started on %1 thread(s) with the %2 SHA-256 backend")
                  .arg(threads)
                  .arg(QString::fromStdString(crypto::backendName(miner_.backend()))));
}

void BlockProducer::stop()
{
    if (!miner_.isRunning()) return;
    miner_.stop();
    templateRefreshTimer_.stop();
    template_.reset();
    log_.info("mining stopped");
}

void BlockProducer::refreshSoon()
{
    if (!coalesceTimer_.isActive()) coalesceTimer_.start();
}

bool BlockProducer::photoJobChanged() const
{
    const auto job = photoJobs_.current();
    return (job ? job->id : QString()) != templatePhotoJobId_;
}

void BlockProducer::refreshTemplate()
{
    if (!miner_.isRunning()) return;
    syncWait_ = waitsForInitialSync();
    if (syncWait_) {
        miner_.clearWork();
        template_.reset();
        return;  // asked again when the tip moves, and by the refresh timer
    }
    try {
        // The oldest confirmed job rides on the block; without one, a photo-less block.
        templatePhotoJobId_.clear();
        templatePhoto_.reset();
        crypto::AddressHash payTo = rewardAddress_;
        std::optional<mining::PhotoClaim> claim;
        if (const auto job = photoJobs_.current()) {
            auto photo = photoJobs_.photo(*job);
            const auto hash = photo ? std::optional<Hash256>(crypto::sha256(*photo)) : std::nullopt;
            if (hash) {
                claim = mining::PhotoClaim{*hash, job->label.toStdString(), labelVoteFromName(job->vote.toStdString())};
                if (!job->rewardAddress.isEmpty())
                    payTo = crypto::decodeAddress(job->rewardAddress.toStdString()).value_or(rewardAddress_);
                templatePhotoJobId_ = job->id;
                templatePhoto_ = std::move(photo);
            }
        }
        template_ = mining::BlockAssembler(chain_).assemble(payTo, nowSeconds(), claim ? &*claim : nullptr, transfers_.forTemplate());
    } catch (const StoreError& e) {
        log_.error(QString("cannot build a block template: %1").arg(e.what()));
        return;
    }
    // On a fast network the median-time rule pushes each block a second past the last; when
    // that outruns the clock, pause rather than mine blocks peers would refuse as too new.
    if (template_->block.header.time > nowSeconds() + chain_.params().maxFutureSeconds / 2) {
        if (!clockWait_) log_.info("block times are ahead of the clock; mining pauses until it catches up");
        clockWait_ = true;
        miner_.clearWork();
        template_.reset();
        templateRefreshTimer_.start(1000);
        return;
    }
    if (clockWait_) {
        clockWait_ = false;
        templateRefreshTimer_.start(kTemplateRefreshMs);
    }
    mining::WorkUnit unit;
    unit.id = ++workUnitId_;
    unit.header = template_->block.header.serialize();
    unit.target = template_->target;
    miner_.setWork(unit);
}

void BlockProducer::onNonceFound(uint64_t workUnitId, uint64_t nonce)
{
    if (!template_ || workUnitId != workUnitId_) return;
    Block block = template_->block;
    block.header.nonce = nonce;
    // The job's photo was recognized when the job was accepted: no second recognition here.
    std::optional<PhotoVerdict> jobVerdict;
    if (block.photoHash) jobVerdict = photoVerifier_.jobVerdict(*block.photoHash, block.label);
    const AcceptResult r = chain_.submitBlock(block.serialize(), templatePhoto_ ? &*templatePhoto_ : nullptr, nowSeconds(),
                                              jobVerdict ? &*jobVerdict : nullptr);
    if (!r.ok()) {
        log_.error(QString("mined block rejected: %1").arg(describeRejection(r)));
        // A photo block our own validation refuses would be refused again: settle its job.
        if (!templatePhotoJobId_.isEmpty() && r.storageError.empty())
            photoJobs_.reject(templatePhotoJobId_, "the mined block was refused: " + describeRejection(r));
        refreshTemplate();
        return;
    }
    if (!templatePhotoJobId_.isEmpty() && !r.connected.empty()) photoJobs_.markMined(templatePhotoJobId_, r.hash);
    if (r.connected.empty()) {
        // A block we had already stored: nothing new to report, but the solved work is spent.
        refreshTemplate();
        return;
    }
    ++blocksFound_;
    rewardsUnits_ += Transaction::parse(block.transactions.front())->coinbase.amount;
    onMined_(r);
}

bool BlockProducer::waitsForInitialSync()
{
    const uint64_t tip = chain_.tip().height, best = chain_.bestHeader().height;
    const InitialSyncGate::Answer answer = initialSync_.ask(tip, best, nowSeconds());
    switch (answer.change) {
    case InitialSyncGate::Change::None: break;
    case InitialSyncGate::Change::StartsWaiting:
        log_.info(QString("mining waits for initial sync: tip %1, best header %2 (until caught up, or %3 s without progress)")
                      .arg(tip)
                      .arg(best)
                      .arg(InitialSyncGate::kStallSeconds));
        break;
    case InitialSyncGate::Change::CaughtUp: log_.info(QString("initial sync caught up at height %1: mining resumes").arg(tip)); break;
    case InitialSyncGate::Change::Stalled:
        log_.warning(QString("initial sync made no progress for %1 s at height %2 of %3: mining resumes and no longer waits")
                         .arg(InitialSyncGate::kStallSeconds)
                         .arg(tip)
                         .arg(best));
        break;
    }
    return answer.decision == InitialSyncGate::Decision::Wait;
}

QString BlockProducer::describeRejection(const AcceptResult& r)
{
    if (!r.storageError.empty()) return QString::fromStdString(r.storageError);
    return QString("%1: %2").arg(blockErrorCode(r.validation.error), QString::fromStdString(r.validation.detail));
}

} // namespace pb::node
