#pragma once
// Multi-threaded proof-of-work search. Threads scan disjoint nonce ranges of the current work unit
// from its midstate; new work, stop() or a thread-count change takes effect within one
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

namespace pb::mining {

// One proof-of-work task: a block header (from a template) and the target its hash must meet.
struct WorkUnit {
    uint64_t id = 0;
    std::array<uint8_t, BlockHeader::kSize> header{};  // nonce bytes are ignored
    Hash256 target{};
};

class Miner {
public:
    // Called on a miner thread with the work unit id and the winning nonce. After a win the miner
    // idles until the next setWork().
    using FoundCallback = std::function<void(uint64_t workUnitId, uint64_t nonce)>;

    explicit Miner(FoundCallback onFound, crypto::ShaBackend backend = crypto::bestBackend());
    ~Miner();
    Miner(const Miner&) = delete;
    Miner& operator=(const Miner&) = delete;

    void start(int threads);
    void stop();
    bool isRunning() const { return running_; }
    int threadCount() const;
    crypto::ShaBackend backend() const { return backend_; }

    void setWork(const WorkUnit& unit);
    // Threads idle until the next setWork().
    void clearWork();
    const HashrateMeter& meter() const { return meter_; }
    uint64_t totalHashes() const { return totalHashes_; }

private:
    void run(unsigned index, unsigned stride);

    FoundCallback onFound_;
    const crypto::ShaBackend backend_;
    HashrateMeter meter_;
    std::vector<std::thread> threads_;
    std::atomic<bool> running_{false};
    std::atomic<uint64_t> generation_{0};  // bumped on every work change or stop
    std::atomic<uint64_t> totalHashes_{0};

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    WorkUnit work_;
    bool hasWork_ = false;
    bool solved_ = false;
};

} // namespace pb::mining
