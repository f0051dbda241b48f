// Initial sync through the chain logic into a real Redis, split by where the time goes: the
// chain store (Redis round trips), consensus checks (hashing, Merkle roots, parsing), and the
// rest — the chain's own bookkeeping, which should stay a small share at any chain length.
#include "core/chain/Chain.h"
#include "core/mining/BlockAssembler.h"
#include "core/storage/PhotoStore.h"
#include "core/storage/RedisChainStore.h"
#include "core/storage/RedisClient.h"
#include "tests/support/ScratchRedis.h"
#include "tests/support/SolveBlock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>
#include <cstring>

using namespace pb;

namespace {

const uint64_t kStartTime = 1793500000;

// Forwards to a store and adds up the wall time spent inside it.
class TimedStore : public ChainStore {
public:
    explicit TimedStore(ChainStore& inner) : inner_(inner) {}
    double seconds() const { return double(nanoseconds_) / 1e9; }
    uint64_t calls() const { return calls_; }

    template <typename F>
    auto timed(F&& f)
    {
        QElapsedTimer t;
        t.start();
        auto r = f();
        nanoseconds_ += t.nsecsElapsed();
        ++calls_;
        return r;
    }

    std::optional<Hash256> tipHash() override { return timed([&] { return inner_.tipHash(); }); }
    std::optional<BlockIndexEntry> indexEntry(const Hash256& h) override { return timed([&] { return inner_.indexEntry(h); }); }
    std::optional<Hash256> hashAtHeight(uint64_t height) override { return timed([&] { return inner_.hashAtHeight(height); }); }
    std::vector<Hash256> activeChain() override { return timed([&] { return inner_.activeChain(); }); }
    std::optional<Bytes> headerBytes(const Hash256& h) override { return timed([&] { return inner_.headerBytes(h); }); }
    std::optional<Bytes> blockBytes(const Hash256& h) override { return timed([&] { return inner_.blockBytes(h); }); }
    std::optional<std::vector<BalanceChange>> undoData(const Hash256& h) override { return timed([&] { return inner_.undoData(h); }); }
    std::optional<Bytes> photo(const Hash256& h) override { return timed([&] { return inner_.photo(h); }); }
    std::optional<Hash256> photoBlock(const Hash256& h) override { return timed([&] { return inner_.photoBlock(h); }); }
    AccountState account(const crypto::AddressHash& a) override { return timed([&] { return inner_.account(a); }); }
    std::optional<TxLocation> transactionLocation(const Hash256& id) override { return timed([&] { return inner_.transactionLocation(id); }); }
    std::vector<Hash256> addressHistory(const crypto::AddressHash& a, size_t max) override
    {
        return timed([&] { return inner_.addressHistory(a, max); });
    }
    VoteTally votes(const Hash256& h) override { return timed([&] { return inner_.votes(h); }); }
    void storePhoto(const Bytes& p) override { timed([&] { inner_.storePhoto(p); return 0; }); }
    void storeHeader(const BlockIndexEntry& e, const Bytes& h) override { timed([&] { inner_.storeHeader(e, h); return 0; }); }
    void storeBlock(const BlockIndexEntry& e, const Bytes& b) override { timed([&] { inner_.storeBlock(e, b); return 0; }); }
    void markInvalid(const Hash256& h) override { timed([&] { inner_.markInvalid(h); return 0; }); }
    void applyUpdate(const ChainUpdate& u) override { timed([&] { inner_.applyUpdate(u); return 0; }); }
    std::vector<Hash256> sideBodiesBelow(uint64_t height, size_t max) override
    {
        return timed([&] { return inner_.sideBodiesBelow(height, max); });
    }
    void dropSideBodies(const std::vector<Hash256>& b, const std::vector<Hash256>& p) override
    {
        timed([&] { inner_.dropSideBodies(b, p); return 0; });
    }

private:
    ChainStore& inner_;
    qint64 nanoseconds_ = 0;
    uint64_t calls_ = 0;
};

std::unique_ptr<storage::RedisChainStore> openStore(storage::RedisClient& client, storage::PhotoStore& photos, const char* name)
{
    auto store = std::make_unique<storage::RedisChainStore>(client, photos, name);
    store->checkSchema();
    return store;
}

std::vector<Bytes> mineChain(Chain& chain, size_t blocks)
{
    crypto::AddressHash payTo;
    payTo.fill(0x5A);
    std::vector<Bytes> encoded;
    for (size_t i = 0; i < blocks; ++i) {
        const uint64_t now = kStartTime + i;
        mining::BlockTemplate t = mining::BlockAssembler(chain).assemble(payTo, now);
        test::solve(t.block);
        encoded.push_back(t.block.serialize());
        if (chain.submitBlock(encoded.back(), nullptr, now).outcome != AcceptOutcome::Connected)
            throw std::runtime_error("the source chain did not take its own block");
    }
    return encoded;
}

// One unpipelined command the size of an index entry: the price of a round trip right now.
double roundTripSeconds(storage::RedisClient& client)
{
    const int rounds = 2000;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rounds; ++i)
        client.command({"HSET", "bench:roundtrip", "height", std::to_string(i), "prev", std::string(64, 'a'),
                        "work", std::string(64, 'b'), "status", "b"});
    return timer.nsecsElapsed() / 1e9 / rounds;
}

struct Split {
    double total = 0, store = 0;
    uint64_t storeCalls = 0;
};

void printPhase(const char* name, size_t blocks, const Split& s, double checks)
{
    const double rest = std::max(0.0, s.total - s.store - checks);
    const double n = double(blocks);
    std::printf("%-8s %6zu blocks in %7.3f s = %6.0f blocks/s | per block: %7.1f us = Redis %7.1f us (%4.1f calls)"
                " + consensus checks %5.1f us + rest %6.1f us (%4.1f%%)\n",
                name, blocks, s.total, n / s.total, 1e6 * s.total / n, 1e6 * s.store / n, double(s.storeCalls) / n,
                1e6 * checks / n, 1e6 * rest / n, 100.0 * rest / s.total);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    size_t blocks = 5000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--blocks") == 0 && i + 1 < argc) blocks = std::strtoull(argv[++i], nullptr, 10);
        else {
            std::fprintf(stderr, "usage: bench_chain_sync [--blocks N]\n");
            return 2;
        }
    }
    if (blocks == 0) blocks = 1;

    test::ScratchRedis redis;
    QString error;
    if (!redis.start(&error)) {
        std::fprintf(stderr, "redis: %s\n", qPrintable(error));
        return 1;
    }
    const NetworkParams& net = *networkByName("test");

    auto sourceStore = openStore(redis.client(), redis.photos(), "source");
    Chain source(net, *sourceStore);
    source.load();
    std::printf("mining a %zu-block source chain on the test network...\n", blocks);
    const std::vector<Bytes> encoded = mineChain(source, blocks);
    const uint64_t now = kStartTime + blocks;

    // The floor: the same consensus checks the chain runs, with no storage at all.
    QElapsedTimer timer;
    std::vector<BlockHeader> headers;
    timer.start();
    for (const Bytes& b : encoded) {
        Block block;
        if (!checkBlock(b, net, &block).ok() || !checkHeader(block.header, net).ok()) return 1;
        headers.push_back(block.header);
    }
    const double bodyChecks = timer.nsecsElapsed() / 1e9;
    timer.restart();
    for (const BlockHeader& h : headers)
        if (!checkHeader(h, net).ok()) return 1;
    const double headerChecks = timer.nsecsElapsed() / 1e9;

    auto targetStore = openStore(redis.client(), redis.photos(), "target");
    TimedStore timedStore(*targetStore);
    Chain chain(net, timedStore);
    chain.load();

    Split headerPhase, bodyPhase;
    timer.restart();
    for (const BlockHeader& h : headers)
        if (!chain.acceptHeader(h, now).ok()) return 1;
    headerPhase = {timer.nsecsElapsed() / 1e9, timedStore.seconds(), timedStore.calls()};

    // Bodies the way a syncing node asks for them: the next missing ones, a window at a time.
    timer.restart();
    size_t submitted = 0;
    for (auto missing = chain.missingBodies(256); !missing.empty(); missing = chain.missingBodies(256)) {
        for (const BlockIndexEntry& wanted : missing) {
            if (!chain.submitBlock(encoded[wanted.height - 1], nullptr, now).ok()) return 1;
            ++submitted;
        }
    }
    bodyPhase = {timer.nsecsElapsed() / 1e9, timedStore.seconds() - headerPhase.store, timedStore.calls() - headerPhase.storeCalls};
    if (chain.tip().hash != source.tip().hash || submitted != blocks) {
        std::fprintf(stderr, "sync ended at height %llu, not the source's tip\n", (unsigned long long)chain.tip().height);
        return 1;
    }

    std::printf("redis-server over a unix socket, one round trip now %.1f us; rest = time in neither Redis nor the checks\n",
                1e6 * roundTripSeconds(redis.client()));
    printPhase("headers", blocks, headerPhase, headerChecks);
    printPhase("bodies", blocks, bodyPhase, bodyChecks - headerChecks);
    printPhase("total", blocks, {headerPhase.total + bodyPhase.total, headerPhase.store + bodyPhase.store,
                                 headerPhase.storeCalls + bodyPhase.storeCalls}, bodyChecks);
    return 0;
}
