#pragma once
// Multi-threaded proof-of-work search. Threads scan disjoint nonce ranges of the current job
// from its midstate; a new job, stop() or a thread-count change takes effect within one
// scan slice (tens of milliseconds). Winning nonces go to a callback; the miner never
// judges blocks — the engine validates found blocks like any other.
#include "core/chain/BlockHeader.h"
#include "core/crypto/NonceScanner.h"
#include "core/mining/HashrateMeter.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <thread>
#include <vector>

namespace pb {

struct MiningJob {
    uint64_t id = 0;
    std::array<uint8_t, BlockHeader::kSize> header{};  // nonce bytes are ignored
    Hash256 target{};
};

class Miner {
public:
    // Called on a miner thread with the job id and the winning nonce. After a win the miner
    // idles until the next setJob().
    using FoundCallback = std::function<void(uint64_t jobId, uint64_t nonce)>;

    explicit Miner(FoundCallback onFound, crypto::ShaBackend backend = crypto::bestBackend());
    ~Miner();
    Miner(const Miner&) = delete;
    Miner& operator=(const Miner&) = delete;

    void start(int threads);
    void stop();
    bool isRunning() const { return running_; }
    int threadCount() const;
    crypto::ShaBackend backend() const { return backend_; }

    void setJob(const MiningJob& job);
    // Threads idle until the next setJob().
    void clearJob();
    const HashrateMeter& meter() const { return meter_; }
    uint64_t totalHashes() const { return totalHashes_; }

private:
    void run(unsigned index, unsigned stride);

    FoundCallback onFound_;
    const crypto::ShaBackend backend_;
    HashrateMeter meter_;
    std::vector<std::thread> threads_;
    std::atomic<bool> running_{false};
    std::atomic<uint64_t> generation_{0};  // bumped on every job change or stop
    std::atomic<uint64_t> totalHashes_{0};

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    MiningJob job_;
    bool hasJob_ = false;
    bool solved_ = false;
};

} // namespace pb
