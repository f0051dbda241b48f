// Coins: Ed25519 transfer verifications per second (against the bare signature check),
// mempool acceptance rate (against the stateless checks alone), and the time to validate and
// connect a block of 1,000 transfers in a real Redis (against a coinbase-only block), all in
// one run.
#include "core/chain/Chain.h"
#include "core/mining/BlockAssembler.h"
#include "core/mempool/Mempool.h"
#include "core/storage/RedisChainStore.h"
#include "tests/support/ScratchRedis.h"
#include "tests/support/SolveBlock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>

using namespace pb;

namespace {

const NetworkParams& testNet() { return *networkByName("test"); }

std::vector<crypto::Ed25519Key> keys(size_t n)
{
    std::vector<crypto::Ed25519Key> out;
    for (size_t i = 0; i < n; ++i) {
        std::array<uint8_t, 32> seed{};
        putLE64(seed.data(), i + 1);
        out.push_back(crypto::Ed25519Key::fromRawPrivate(seed));
    }
    return out;
}

// `perSender` transfers (nonces 0..) from each key, fees varied.
std::vector<Bytes> transfers(const std::vector<crypto::Ed25519Key>& senders, size_t perSender)
{
    std::vector<Bytes> out;
    crypto::AddressHash to;
    to.fill(0x77);
    for (size_t nonce = 0; nonce < perSender; ++nonce) {
        for (size_t s = 0; s < senders.size(); ++s) {
            TransferTx t;
            t.network = testNet().genesisHash();
            t.to = to;
            t.amount = kCoin / 1000;
            t.fee = 1000 + (s * 37 + nonce * 11) % 5000;
            t.nonce = nonce;
            t.signWith(senders[s]);
            out.push_back(t.serialize());
        }
    }
    return out;
}

double perSecond(size_t n, qint64 ns) { return double(n) * 1e9 / double(std::max<qint64>(ns, 1)); }

void signatures(const std::vector<Bytes>& raws)
{
    std::vector<TransferTx> txs;
    for (const Bytes& raw : raws) txs.push_back(Transaction::parse(raw)->transfer);
    // Baseline: the Ed25519 verification alone, over a prepared message.
    std::vector<Bytes> messages;
    for (const TransferTx& t : txs) messages.push_back(t.signingMessage());
    QElapsedTimer timer;
    timer.start();
    size_t good = 0;
    for (size_t i = 0; i < txs.size(); ++i) good += crypto::ed25519Verify(txs[i].sender, messages[i].data(), messages[i].size(), txs[i].signature);
    const qint64 bare = timer.nsecsElapsed();
    timer.restart();
    for (const Bytes& raw : raws) good += checkTransfer(raw, testNet().genesisHash(), testNet().dustLimit, nullptr).ok();
    const qint64 full = timer.nsecsElapsed();
    std::printf("signature verifications (%zu transfers, %zu valid)\n", raws.size(), good / 2);
    std::printf("  baseline  bare Ed25519 verify            %10.0f /s\n", perSecond(raws.size(), bare));
    std::printf("  transfer  decode + rules + verify        %10.0f /s  (%.2fx the baseline's time)\n",
                perSecond(raws.size(), full), double(full) / double(bare));
}

void mempool(const std::vector<Bytes>& raws, size_t senders)
{
    const AccountLookup rich = [](const crypto::AddressHash&) { return AccountState{1000 * kCoin, 0}; };
    QElapsedTimer timer;
    timer.start();
    for (const Bytes& raw : raws) checkTransfer(raw, testNet().genesisHash(), testNet().dustLimit, nullptr);
    const qint64 stateless = timer.nsecsElapsed();

    Mempool pool(testNet(), {});
    timer.restart();
    size_t accepted = 0;
    for (const Bytes& raw : raws) accepted += pool.add(raw, rich).ok();
    const qint64 admitted = timer.nsecsElapsed();

    MempoolPolicy small;
    small.maxCount = raws.size() / 4;
    Mempool full(testNet(), small);
    timer.restart();
    size_t fullAccepted = 0;
    for (const Bytes& raw : raws) fullAccepted += full.add(raw, rich).ok();
    const qint64 evicting = timer.nsecsElapsed();

    timer.restart();
    const auto chosen = pool.selectForBlock(testNet().maxBlockBytes);
    const qint64 selecting = timer.nsecsElapsed();
    std::printf("mempool acceptance (%zu transfers from %zu senders)\n", raws.size(), senders);
    std::printf("  baseline  stateless checks only          %10.0f /s\n", perSecond(raws.size(), stateless));
    std::printf("  add       into an empty pool             %10.0f /s  (%zu accepted)\n", perSecond(raws.size(), admitted), accepted);
    std::printf("  add       into a full pool (cap %zu)     %10.0f /s  (%zu accepted, evicting the cheapest)\n", small.maxCount,
                perSecond(raws.size(), evicting), fullAccepted);
    std::printf("  template  %zu transfers chosen in         %10.2f ms\n", chosen.size(), double(selecting) / 1e6);
}

int connectTime()
{
    test::ScratchRedis redis;
    QString error;
    if (!redis.start(&error)) {
        std::fprintf(stderr, "cannot start redis-server: %s\n", qPrintable(error));
        return 1;
    }
    storage::RedisChainStore store(redis.client(), redis.photos(), "test");
    store.checkSchema();
    Chain chain(testNet(), store);
    chain.load();

    // Ten funded senders, a hundred transfers each.
    const auto senders = keys(10);
    uint64_t now = testNet().genesisTime;
    const auto mine = [&](const crypto::AddressHash& payTo, const std::vector<Bytes>& txs, qint64* nanos) {
        mining::BlockTemplate t = mining::BlockAssembler(chain).assemble(payTo, ++now, nullptr, txs);
        test::solve(t.block);
        const Bytes encoded = t.block.serialize();
        QElapsedTimer timer;
        timer.start();
        const AcceptResult r = chain.submitBlock(encoded, nullptr, now);
        if (nanos) *nanos = timer.nsecsElapsed();
        if (r.outcome != AcceptOutcome::Connected) std::fprintf(stderr, "block refused: %s\n", r.validation.detail.c_str());
        return encoded.size();
    };
    for (const auto& k : senders) mine(crypto::addressFromPublicKey(k.publicKey()), {}, nullptr);
    const auto block = transfers(senders, 100);
    crypto::AddressHash miner;
    miner.fill(0x55);
    qint64 empty = 0, full = 0;
    std::vector<qint64> emptyRuns;
    for (int i = 0; i < 5; ++i) {
        mine(miner, {}, &empty);
        emptyRuns.push_back(empty);
    }
    std::sort(emptyRuns.begin(), emptyRuns.end());
    const size_t bytes = mine(miner, block, &full);
    std::printf("block connection in Redis (submitBlock: validation, account updates, one MULTI/EXEC)\n");
    std::printf("  baseline  coinbase-only block            %10.2f ms  (median of 5)\n", double(emptyRuns[2]) / 1e6);
    std::printf("  1000      transfers, %zu bytes        %10.2f ms  (%.0f transfers/s)\n", bytes, double(full) / 1e6,
                perSecond(block.size(), full));
    std::printf("  accounts  sender balance after            %llu units, nonce %llu\n",
                (unsigned long long)store.account(crypto::addressFromPublicKey(senders[0].publicKey())).balance,
                (unsigned long long)store.account(crypto::addressFromPublicKey(senders[0].publicKey())).nonce);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const auto senders = keys(200);
    const auto raws = transfers(senders, 10);
    signatures(raws);
    mempool(raws, senders.size());
    return connectTime();
}
