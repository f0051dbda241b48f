#include "core/mining/Miner.h"

namespace pb::mining {

namespace {
// Nonces per slice: ~1.5 ms on the AVX-512 kernel, ~25 ms on the portable one, so a job change
// or stop lands well within 100 ms on any CPU, while per-slice bookkeeping stays negligible.
constexpr uint64_t kSliceNonces = 1 << 16;
} // namespace

Miner::Miner(FoundCallback onFound, crypto::ShaBackend backend) : onFound_(std::move(onFound)), backend_(backend) {}

Miner::~Miner() { stop(); }

int Miner::threadCount() const
{
    std::lock_guard lock(mutex_);
    return int(threads_.size());
}

void Miner::start(int threads)
{
    stop();
    std::lock_guard lock(mutex_);
    running_ = true;
    ++generation_;
    const unsigned n = unsigned(std::max(1, threads));
    for (unsigned i = 0; i < n; ++i) threads_.emplace_back([this, i, n] { run(i, n); });
}

void Miner::stop()
{
    std::vector<std::thread> joining;
    {
        std::lock_guard lock(mutex_);
        running_ = false;
        ++generation_;
        joining.swap(threads_);
    }
    wake_.notify_all();
    for (auto& t : joining) t.join();
}

void Miner::setWork(const WorkUnit& unit)
{
    {
        std::lock_guard lock(mutex_);
        work_ = unit;
        hasWork_ = true;
        solved_ = false;
        ++generation_;
    }
    wake_.notify_all();
}

void Miner::clearWork()
{
    std::lock_guard lock(mutex_);
    hasWork_ = false;
    ++generation_;
}

void Miner::run(unsigned index, unsigned stride)
{
    while (running_) {
        uint64_t generation;
        WorkUnit job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return !running_ || (hasWork_ && !solved_); });
            if (!running_) return;
            generation = generation_;
            job = work_;
        }
        const crypto::HeaderJob work = crypto::makeHeaderJob(job.header.data(), job.target);
        // Thread i owns slices i, i+stride, i+2*stride, ...: disjoint ranges, no coordination.
        for (uint64_t slice = index; running_ && generation_ == generation; slice += stride) {
            const crypto::ScanResult r = crypto::scanNonces(backend_, work, slice * kSliceNonces, kSliceNonces);
            totalHashes_ += r.hashesDone;
            meter_.add(r.hashesDone);
            if (!r.found) continue;
            {
                std::lock_guard lock(mutex_);
                if (generation_ != generation || solved_) break;
                solved_ = true;
            }
            onFound_(job.id, r.nonce);
            break;
        }
    }
}

} // namespace pb::mining
