// Chain logic over the real Redis chain store (a redis-server spawned for the test).
#include "core/chain/ByteReader.h"
#include "core/chain/Chain.h"
#include "core/mining/BlockAssembler.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/Sha256.h"
#include "core/storage/RedisChainStore.h"
#include "core/storage/RedisPruneStore.h"
#include "tests/support/ScratchRedis.h"
#include "tests/support/SolveBlock.h"

#include <QtTest>

using namespace pb;
using pb::test::solve;

namespace {

const uint64_t kNow = 1793500000;

crypto::AddressHash address(uint8_t fill)
{
    crypto::AddressHash a;
    a.fill(fill);
    return a;
}

Bytes pngBytes(uint8_t fill)
{
    Bytes b = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    b.resize(300, fill);
    return b;
}

} // namespace

class ChainStoreTest : public QObject {
    Q_OBJECT
private:
    test::ScratchRedis redis_;
    const NetworkParams& net_ = *networkByName("test");

    std::unique_ptr<storage::RedisChainStore> openStore(const std::string& network = "test")
    {
        auto store = std::make_unique<storage::RedisChainStore>(redis_.client(), redis_.photos(), network);
        store->checkSchema();
        return store;
    }

    Bytes mine(Chain& chain, uint8_t payTo, uint64_t now, const Bytes* photo = nullptr)
    {
        return mineTo(chain, address(payTo), now, photo);
    }

    Bytes mineTo(Chain& chain, const crypto::AddressHash& payTo, uint64_t now, const Bytes* photo = nullptr,
                 const std::vector<Bytes>& transfers = {})
    {
        mining::BlockTemplate t = mining::BlockAssembler(chain).assemble(payTo, now, nullptr, transfers);
        if (photo) {
            t.block.photoHash = crypto::sha256(*photo);
            t.block.header.contentRoot = t.block.computeContentRoot();
        }
        solve(t.block);
        return t.block.serialize();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(redis_.start(&error), qPrintable(error));
    }

    void emptyStoreGetsGenesis()
    {
        auto store = openStore();
        Chain chain(net_, *store);
        chain.load();
        QCOMPARE(chain.tip().height, uint64_t(0));
        QCOMPARE(chain.tip().hash, net_.genesisHash());
        QCOMPARE(*store->hashAtHeight(0), net_.genesisHash());
    }

    void blocksConnectWithBalancesUndoAndPacks()
    {
        auto store = openStore();
        Chain chain(net_, *store);
        chain.load();
        const uint64_t start = chain.tip().height;
        const uint64_t before = store->balance(address(0x11));
        for (int i = 0; i < 5; ++i) {
            const AcceptResult r = chain.submitBlock(mine(chain, 0x11, kNow + i), nullptr, kNow + i);
            QVERIFY2(r.ok(), r.validation.detail.c_str());
            QCOMPARE(r.height, start + i + 1);
        }
        QCOMPARE(chain.tip().height, start + 5);
        QCOMPARE(store->balance(address(0x11)), before + 5 * kCoin);

        const Hash256 tip = chain.tip().hash;
        const auto entry = store->indexEntry(tip);
        QVERIFY(entry);
        QCOMPARE(entry->height, start + 5);
        QVERIFY(entry->chainWork > store->indexEntry(entry->prevHash)->chainWork);
        const auto undoBytes = redis_.client().command({"GET", "pb:test:v1:undo:" + toHex(tip)}).str();
        const auto undo = storage::RedisChainStore::decodeUndo(Bytes(undoBytes.begin(), undoBytes.end()));
        QVERIFY(undo);
        QCOMPARE(undo->size(), size_t(1));
        QCOMPARE(undo->front().after - undo->front().before, kCoin);
        QCOMPARE(redis_.client().command({"HGET", "pb:test:v1:pack:" + toHex(tip), "prev"}).str(), toHex(entry->prevHash));
    }

    void legacyUndoWithoutNoncesStillDecodes()
    {
        Bytes legacy;
        appendU32(legacy, 1);
        legacy.insert(legacy.end(), 20, 0x33);
        appendU64(legacy, 5);
        appendU64(legacy, 9);
        const auto undo = storage::RedisChainStore::decodeUndo(legacy);
        QVERIFY(undo);
        QCOMPARE(undo->front().after, uint64_t(9));
        QCOMPARE(undo->front().nonceAfter, uint64_t(0));
        legacy.push_back(0);
        QVERIFY(!storage::RedisChainStore::decodeUndo(legacy));
    }

    void transfersMoveAccountsAndAReorganisationRestoresThemExactly()
    {
        std::array<uint8_t, 32> seed;
        seed.fill(0x5A);
        const auto key = crypto::Ed25519Key::fromRawPrivate(seed);
        const auto sender = crypto::addressFromPublicKey(key.publicKey());
        auto store = openStore("accounts1");
        Chain chain(net_, *store);
        chain.load();
        for (int i = 0; i < 2; ++i) QVERIFY(chain.submitBlock(mineTo(chain, sender, kNow + i), nullptr, kNow + i).ok());
        const Hash256 base = chain.tip().hash;

        TransferTx t;
        t.network = net_.genesisHash();
        t.to = address(0xC2);
        t.amount = kCoin / 2;
        t.fee = 1500;
        t.nonce = 0;
        t.signWith(key);
        const Bytes raw = t.serialize();
        const AcceptResult paid = chain.submitBlock(mineTo(chain, address(0xC3), kNow + 5, nullptr, {raw}), nullptr, kNow + 5);
        QVERIFY2(paid.ok(), paid.validation.detail.c_str());
        QVERIFY(store->account(sender) == (AccountState{2 * kCoin - kCoin / 2 - 1500, 1}));
        QVERIFY(store->account(address(0xC2)) == (AccountState{kCoin / 2, 0}));
        QCOMPARE(store->balance(address(0xC3)), kCoin + 1500);
        const auto location = store->transactionLocation(txId(raw));
        QVERIFY(location);
        QCOMPARE(location->block, paid.hash);
        QCOMPARE(location->index, uint32_t(1));
        QCOMPARE(store->addressHistory(address(0xC2), 10), std::vector<Hash256>{txId(raw)});
        QCOMPARE(store->addressHistory(sender, 10).front(), txId(raw));  // newest first
        QCOMPARE(store->addressHistory(sender, 10).size(), size_t(3));

        // The same transfer again is a nonce reuse: the block carrying it is invalid.
        const AcceptResult replay = chain.submitBlock(mineTo(chain, address(0xC3), kNow + 6, nullptr, {raw}), nullptr, kNow + 6);
        QCOMPARE(replay.validation.error, BlockError::InvalidTransfer);

        // A heavier branch from `base` without the transfer undoes it.
        auto otherStore = openStore("accounts2");
        Chain other(net_, *otherStore);
        other.load();
        for (uint64_t h = 1; h <= 2; ++h) QVERIFY(other.submitBlock(*store->blockBytes(*store->hashAtHeight(h)), nullptr, kNow).ok());
        QCOMPARE(other.tip().hash, base);
        for (int i = 0; i < 2; ++i) {
            const Bytes b = mine(other, 0xD1, kNow + 10 + i);
            QVERIFY(other.submitBlock(b, nullptr, kNow + 10 + i).ok());
            chain.submitBlock(b, nullptr, kNow + 10 + i);
        }
        QCOMPARE(chain.tip().hash, other.tip().hash);
        QVERIFY(store->account(sender) == (AccountState{2 * kCoin, 0}));
        QVERIFY(store->account(address(0xC2)) == AccountState{});
        QCOMPARE(store->balance(address(0xC3)), uint64_t(0));
        QVERIFY(!store->transactionLocation(txId(raw)));
        QVERIFY(store->addressHistory(address(0xC2), 10).empty());
        QCOMPARE(store->addressHistory(sender, 10).size(), size_t(2));
    }

    void reloadingFindsTheSameTip()
    {
        auto store = openStore();
        Chain first(net_, *store);
        first.load();
        first.submitBlock(mine(first, 0x22, kNow + 50), nullptr, kNow + 50);
        Chain second(net_, *store);
        second.load();
        QCOMPARE(second.tip().hash, first.tip().hash);
        QCOMPARE(second.tip().height, first.tip().height);
    }

    void blockStoredButNeverConnectedIsConnectedWhenSubmittedAgain()
    {
        auto store = openStore();
        Chain chain(net_, *store);
        chain.load();
        const Bytes encoded = mine(chain, 0x23, kNow + 60);
        const auto block = Block::parse(encoded);
        QVERIFY(block);
        // What a crash between storing the body and the connecting transaction leaves behind.
        const auto parent = store->indexEntry(block->header.prevHash);
        QVERIFY(parent);
        BlockIndexEntry entry;
        entry.hash = block->hash();
        entry.prevHash = block->header.prevHash;
        entry.height = parent->height + 1;
        entry.time = block->header.time;
        entry.bits = block->header.bits;
        entry.chainWork = parent->chainWork + workForTarget(*Uint256::fromCompact(block->header.bits));
        entry.status = BlockIndexEntry::Status::HaveBody;
        store->storeBlock(entry, encoded);

        Chain restarted(net_, *store);
        restarted.load();
        QCOMPARE(restarted.tip().hash, parent->hash);
        const AcceptResult r = restarted.submitBlock(encoded, nullptr, kNow + 60);
        QVERIFY2(r.ok(), r.validation.detail.c_str());
        QCOMPARE(r.outcome, AcceptOutcome::Connected);
        QCOMPARE(r.connected.size(), size_t(1));
        QCOMPARE(restarted.tip().hash, entry.hash);
        QCOMPARE(*store->tipHash(), entry.hash);
    }

    void photoIsStoredAndMayAppearOnlyOnce()
    {
        auto store = openStore();
        Chain chain(net_, *store);
        chain.load();
        const Bytes photo = pngBytes(3);
        const AcceptResult r = chain.submitBlock(mine(chain, 0x33, kNow + 100, &photo), &photo, kNow + 100);
        QVERIFY2(r.ok(), r.validation.detail.c_str());
        QVERIFY(store->photoBlock(crypto::sha256(photo)).has_value());
        QCOMPARE(*store->photo(crypto::sha256(photo)), photo);

        const AcceptResult again = chain.submitBlock(mine(chain, 0x33, kNow + 101, &photo), &photo, kNow + 101);
        QCOMPARE(again.validation.error, BlockError::PhotoAlreadyOnChain);
        const AcceptResult missing = chain.submitBlock(mine(chain, 0x33, kNow + 102, &photo), nullptr, kNow + 102);
        QVERIFY(missing.validation.error == BlockError::PhotoAlreadyOnChain || missing.validation.error == BlockError::PhotoMissing);
    }

    void rejectedBlocksLeaveTheChainUntouched()
    {
        auto store = openStore();
        Chain chain(net_, *store);
        chain.load();
        const TipInfo tip = chain.tip();
        Block orphan = *Block::parse(mine(chain, 0x44, kNow + 200));
        orphan.header.prevHash.fill(0x99);
        solve(orphan);
        QCOMPARE(chain.submitBlock(orphan.serialize(), nullptr, kNow + 200).validation.error, BlockError::UnknownParent);

        Block stale = *Block::parse(mine(chain, 0x44, kNow + 201));
        stale.header.time = 1;  // far before the median time past
        solve(stale);
        QCOMPARE(chain.submitBlock(stale.serialize(), nullptr, kNow + 201).validation.error, BlockError::TimeTooOld);
        QCOMPARE(chain.tip().hash, tip.hash);
        QCOMPARE(*openStore()->tipHash(), tip.hash);
    }

    void networksShareAServerWithoutMixing()
    {
        auto devStore = openStore("dev");
        Chain dev(*networkByName("dev"), *devStore);
        dev.load();
        QCOMPARE(dev.tip().height, uint64_t(0));
        QCOMPARE(dev.tip().hash, networkByName("dev")->genesisHash());
        QVERIFY(openStore("test")->tipHash() != devStore->tipHash());
    }

    void foreignChainAndUnknownSchemaAreRefused()
    {
        redis_.client().command({"HSET", "pb:other:v1:active", "0", std::string(64, 'a')});
        redis_.client().command({"SET", "pb:other:v1:tip", std::string(64, 'a')});
        storage::RedisChainStore foreign(redis_.client(), redis_.photos(), "other");
        Chain chain(net_, foreign);
        try {
            chain.load();
            QFAIL("a chain with another genesis loaded");
        } catch (const StoreError& e) {
            QVERIFY2(QString(e.what()).contains("genesis"), e.what());
        }

        redis_.client().command({"SET", "pb:future:schema", "7"});
        storage::RedisChainStore future(redis_.client(), redis_.photos(), "future");
        try {
            future.checkSchema();
            QFAIL("schema 7 accepted");
        } catch (const StoreError& e) {
            QVERIFY2(QString(e.what()).contains("schema 7"), e.what());
        }
    }

    void heavierBranchReorganisesAndBalancesMatchAFreshNode()
    {
        auto store = openStore("fork1");
        Chain chain(net_, *store);
        chain.load();
        // Common ancestor, then branch A (2 blocks paying 0xA1) and branch B (3 paying 0xB1).
        const AcceptResult base = chain.submitBlock(mine(chain, 0x01, kNow), nullptr, kNow);
        QVERIFY(base.ok());
        std::vector<Bytes> branchA, branchB;
        for (int i = 0; i < 2; ++i) {
            branchA.push_back(mine(chain, 0xA1, kNow + 10 + i));
            QCOMPARE(chain.submitBlock(branchA.back(), nullptr, kNow + 10 + i).outcome, AcceptOutcome::Connected);
        }
        QCOMPARE(store->balance(address(0xA1)), 2 * kCoin);

        auto freshStore = openStore("fork2");
        Chain fresh(net_, *freshStore);
        fresh.load();
        QVERIFY(fresh.submitBlock(*store->blockBytes(base.hash), nullptr, kNow).ok());
        for (int i = 0; i < 3; ++i) {
            branchB.push_back(mine(fresh, 0xB1, kNow + 20 + i));
            QVERIFY(fresh.submitBlock(branchB.back(), nullptr, kNow + 20 + i).ok());
        }

        // The first B block has less work than A: stored, not connected.
        QCOMPARE(chain.submitBlock(branchB[0], nullptr, kNow + 30).outcome, AcceptOutcome::Stored);
        QCOMPARE(chain.submitBlock(branchB[1], nullptr, kNow + 30).outcome, AcceptOutcome::Stored);  // equal work: keep A
        const AcceptResult switched = chain.submitBlock(branchB[2], nullptr, kNow + 30);
        QCOMPARE(switched.outcome, AcceptOutcome::Connected);
        QCOMPARE(switched.disconnected.size(), size_t(2));
        QCOMPARE(switched.connected.size(), size_t(3));
        QCOMPARE(chain.tip().hash, fresh.tip().hash);
        QCOMPARE(store->balance(address(0xA1)), uint64_t(0));
        QCOMPARE(store->balance(address(0xB1)), freshStore->balance(address(0xB1)));
        QCOMPARE(store->balance(address(0x01)), freshStore->balance(address(0x01)));
        for (uint64_t h = 0; h <= chain.tip().height; ++h) QCOMPARE(*store->hashAtHeight(h), *freshStore->hashAtHeight(h));
        QVERIFY(!store->hashAtHeight(chain.tip().height + 1));
    }

    void sideBranchBodiesAndPhotosOutOfReachAreDeleted()
    {
        auto store = openStore("side1");
        Chain chain(net_, *store, 2);  // reorganisations of at most 2 blocks
        chain.load();
        const AcceptResult base = chain.submitBlock(mine(chain, 0x01, kNow), nullptr, kNow);
        QVERIFY(base.ok());
        const Bytes photo = pngBytes(7);
        const AcceptResult a1 = chain.submitBlock(mine(chain, 0xA1, kNow + 1, &photo), &photo, kNow + 1);
        QCOMPARE(a1.outcome, AcceptOutcome::Connected);

        // Another node's heavier branch from the base: block A1 and its photo go off the chain.
        auto otherStore = openStore("side2");
        Chain other(net_, *otherStore);
        other.load();
        QVERIFY(other.submitBlock(*store->blockBytes(base.hash), nullptr, kNow).ok());
        std::vector<Bytes> branchB;
        for (int i = 0; i < 2; ++i) {
            branchB.push_back(mine(other, 0xB1, kNow + 2 + i));
            QVERIFY(other.submitBlock(branchB.back(), nullptr, kNow + 2 + i).ok());
        }
        for (const Bytes& b : branchB) QVERIFY(chain.submitBlock(b, nullptr, kNow + 5).ok());
        QCOMPARE(chain.tip().hash, other.tip().hash);
        QCOMPARE(store->sideBodiesBelow(a1.height, 10), std::vector<Hash256>{});
        QCOMPARE(store->sideBodiesBelow(a1.height + 1, 10), std::vector<Hash256>{a1.hash});
        QVERIFY(store->blockBytes(a1.hash));
        QVERIFY(store->photo(crypto::sha256(photo)));

        // Once the tip passes a sweep height, A1 is far out of reach: body and photo go, its
        // header stays (so it is not fetched again), and nothing is listed any more.
        while (chain.tip().height < Chain::kSideBodySweepInterval)
            QVERIFY(chain.submitBlock(mine(chain, 0x01, kNow + 10 + chain.tip().height), nullptr, kNow + 100).ok());
        QVERIFY(!store->blockBytes(a1.hash));
        QVERIFY(!store->photo(crypto::sha256(photo)));
        QCOMPARE(store->indexEntry(a1.hash)->status, BlockIndexEntry::Status::HeaderOnly);
        QCOMPARE(store->sideBodiesBelow(chain.tip().height, 10), std::vector<Hash256>{});
        // The active chain kept every body.
        for (uint64_t h = 0; h <= chain.tip().height; ++h) QVERIFY(store->blockBytes(*store->hashAtHeight(h)));

        // After a restart the chain loads and grows as before.
        Chain reloaded(net_, *store, 2);
        reloaded.load();
        QCOMPARE(reloaded.tip().hash, chain.tip().hash);
        QVERIFY(reloaded.submitBlock(mine(reloaded, 0x01, kNow + 200), nullptr, kNow + 200).ok());
    }

    void reorganisationBeyondTheLimitIsRefused()
    {
        auto store = openStore("deep1");
        Chain chain(net_, *store, 1);
        chain.load();
        auto otherStore = openStore("deep2");
        Chain other(net_, *otherStore);
        other.load();
        QVERIFY(chain.submitBlock(mine(chain, 0x0A, kNow), nullptr, kNow).ok());
        QVERIFY(chain.submitBlock(mine(chain, 0x0A, kNow + 1), nullptr, kNow + 1).ok());
        std::vector<Bytes> longer;
        for (int i = 0; i < 3; ++i) {
            longer.push_back(mine(other, 0x0B, kNow + 5 + i));
            QVERIFY(other.submitBlock(longer.back(), nullptr, kNow + 5 + i).ok());
        }
        const Hash256 before = chain.tip().hash;
        // The branch forks at genesis, 2 blocks below the tip: its first block is refused
        // before anything of it is stored or checked further.
        const AcceptResult first = chain.submitBlock(longer[0], nullptr, kNow + 10);
        QCOMPARE(first.validation.error, BlockError::ReorgTooDeep);
        QVERIFY(!store->indexEntry(first.hash));
        QVERIFY(!store->blockBytes(first.hash));
        QCOMPARE(chain.tip().hash, before);
        const auto header = BlockHeader::parse(longer[0].data(), BlockHeader::kSize);
        QCOMPARE(chain.acceptHeader(*header, kNow + 10).validation.error, BlockError::ReorgTooDeep);
        QVERIFY(!store->indexEntry(first.hash));
    }

    void prunedBodiesKeepTheIndexAndRefuseReorganisationsThroughThem()
    {
        auto store = openStore("pruned1");
        storage::RedisPruneStore pruning(redis_.client(), "pruned1");
        Chain chain(net_, *store);
        chain.load();
        auto otherStore = openStore("pruned2");
        Chain other(net_, *otherStore);
        other.load();
        std::vector<Hash256> ours;
        for (int i = 0; i < 2; ++i) {
            const AcceptResult r = chain.submitBlock(mine(chain, 0x0C, kNow + i), nullptr, kNow + i);
            QVERIFY(r.ok());
            ours.push_back(r.hash);
        }
        const Bytes body = *store->blockBytes(ours[0]);
        QCOMPARE(pruning.prunedBelow(), uint64_t(0));
        QVERIFY(!pruning.summary(ours[0]));
        const storage::PrunedBody summary{ours[0], crypto::sha256(pngBytes(7)), "cat", "agree", body.size()};
        pruning.dropBodies({summary}, 2, {crypto::sha256(pngBytes(7))});
        QVERIFY(!store->blockBytes(ours[0]));
        const auto kept = pruning.summary(ours[0]);
        QVERIFY(kept);
        QCOMPARE(kept->photo, summary.photo);
        QCOMPARE(kept->label, std::string("cat"));
        QCOMPARE(kept->vote, std::string("agree"));
        QCOMPARE(kept->size, uint64_t(body.size()));
        QVERIFY(store->headerBytes(ours[0]));
        QCOMPARE(store->indexEntry(ours[0])->status, BlockIndexEntry::Status::HaveBody);
        QCOMPARE(pruning.prunedBelow(), uint64_t(2));
        QCOMPARE(pruning.queuedPhotoDeletions(), std::vector<Hash256>{crypto::sha256(pngBytes(7))});
        pruning.dequeuePhotos({crypto::sha256(pngBytes(7))});
        QVERIFY(pruning.queuedPhotoDeletions().empty());
        QCOMPARE(store->balance(address(0x0C)), 2 * kCoin);

        // A heavier branch from genesis would undo the pruned block: refused, tip unchanged.
        AcceptResult last;
        for (int i = 0; i < 3; ++i) {
            const Bytes b = mine(other, 0x0D, kNow + 5 + i);
            QVERIFY(other.submitBlock(b, nullptr, kNow + 5 + i).ok());
            last = chain.submitBlock(b, nullptr, kNow + 10);
        }
        QCOMPARE(last.validation.error, BlockError::ReorgTooDeep);
        QVERIFY(last.validation.detail.find("pruned") != std::string::npos);
        QCOMPARE(chain.tip().hash, ours[1]);

        // A body fetched again is kept until its time is up.
        pruning.restoreBody(ours[0], body, 1000);
        QCOMPARE(*store->blockBytes(ours[0]), body);
        QVERIFY(pruning.expiredRestoredBodies(999).empty());
        QCOMPARE(pruning.expiredRestoredBodies(1000), std::vector<Hash256>{ours[0]});
        pruning.dropBodies({{ours[0], std::nullopt, {}, "abstain", body.size()}}, std::nullopt, {});
        QVERIFY(pruning.expiredRestoredBodies(2000).empty());
        QCOMPARE(pruning.prunedBelow(), uint64_t(2));
    }

    void headersFirstThenBodiesInAnyOrder()
    {
        auto sourceStore = openStore("hdr1");
        Chain source(net_, *sourceStore);
        source.load();
        std::vector<Bytes> blocks;
        for (int i = 0; i < 5; ++i) {
            blocks.push_back(mine(source, 0x0C, kNow + i));
            QVERIFY(source.submitBlock(blocks.back(), nullptr, kNow + i).ok());
        }
        auto store = openStore("hdr2");
        Chain chain(net_, *store);
        chain.load();
        const auto headers = source.headersAfter(chain.locator(), Hash256{}, 2000);
        QCOMPARE(headers.size(), size_t(5));
        for (const Bytes& h : headers) QVERIFY(chain.acceptHeader(*BlockHeader::parse(h.data(), h.size()), kNow).ok());
        QCOMPARE(chain.bestHeader().height, uint64_t(5));
        const auto missing = chain.missingBodies(100);
        QCOMPARE(missing.size(), size_t(5));
        QCOMPARE(missing.front().hash, Block::parse(blocks[0])->hash());
        QCOMPARE(missing.front().height, uint64_t(1));

        // Bodies arrive last-first: nothing connects until the first one lands.
        for (int i = 4; i >= 1; --i) QCOMPARE(chain.submitBlock(blocks[size_t(i)], nullptr, kNow + 9).outcome, AcceptOutcome::Stored);
        QCOMPARE(chain.tip().height, uint64_t(0));
        const AcceptResult r = chain.submitBlock(blocks[0], nullptr, kNow + 9);
        QCOMPARE(r.outcome, AcceptOutcome::Connected);
        QCOMPARE(r.connected.size(), size_t(5));
        QCOMPARE(chain.tip().hash, source.tip().hash);
        QVERIFY(chain.missingBodies(100).empty());
        QCOMPARE(chain.submitBlock(blocks[2], nullptr, kNow + 9).outcome, AcceptOutcome::Duplicate);

        // A locator from a node that knows only up to height 2 gets the rest.
        const auto rest = source.headersAfter({*sourceStore->hashAtHeight(2)}, Hash256{}, 2000);
        QCOMPARE(rest.size(), size_t(3));
    }

    // Initial sync's Redis cost: a header's write rides on the next header's lookup, and a
    // block's body and its connection are one MULTI/EXEC: one round trip each.
    void syncTakesOneRoundTripPerHeaderAndPerBlock()
    {
        auto sourceStore = openStore("rt1");
        Chain source(net_, *sourceStore);
        source.load();
        std::vector<Bytes> blocks;
        for (int i = 0; i < 30; ++i) {
            blocks.push_back(mine(source, 0x0D, kNow + i));
            QVERIFY(source.submitBlock(blocks.back(), nullptr, kNow + i).ok());
        }
        auto store = openStore("rt2");
        Chain chain(net_, *store);
        chain.load();
        const auto headers = source.headersAfter(chain.locator(), Hash256{}, 2000);
        const uint64_t beforeHeaders = redis_.client().roundTrips();
        for (const Bytes& h : headers) QVERIFY(chain.acceptHeader(*BlockHeader::parse(h.data(), h.size()), kNow).ok());
        QCOMPARE(redis_.client().roundTrips() - beforeHeaders, uint64_t(headers.size()));

        // A second node, told of the whole message at once: one round trip for the lookups.
        auto batchStore = openStore("rt3");
        Chain batched(net_, *batchStore);
        batched.load();
        std::vector<Hash256> hashes;
        for (const Bytes& h : headers) hashes.push_back(BlockHeader::parse(h.data(), h.size())->hash());
        const uint64_t beforeBatch = redis_.client().roundTrips();
        batched.lookUp(hashes);
        for (const Bytes& h : headers) QVERIFY(batched.acceptHeader(*BlockHeader::parse(h.data(), h.size()), kNow).ok());
        QCOMPARE(redis_.client().roundTrips() - beforeBatch, uint64_t(1));
        batchStore->flush();  // the held header writes: round trip 2
        QCOMPARE(batchStore->indexEntries(hashes).back()->height, uint64_t(headers.size()));  // 3
        QVERIFY(!batchStore->indexEntries({Hash256{}}).front());                               // 4
        batched.lookUp(hashes);  // all known now: nothing to ask
        QCOMPARE(redis_.client().roundTrips() - beforeBatch, uint64_t(4));

        const uint64_t beforeBodies = redis_.client().roundTrips();
        for (const BlockIndexEntry& wanted : chain.missingBodies(100))
            QCOMPARE(chain.submitBlock(blocks[wanted.height - 1], nullptr, kNow + 40).outcome, AcceptOutcome::Connected);
        QCOMPARE(chain.tip().hash, source.tip().hash);
        // The first block's lookup of its miner's account is the one read: then it is cached.
        QCOMPARE(redis_.client().roundTrips() - beforeBodies, uint64_t(blocks.size() + 1));
        QCOMPARE(*store->tipHash(), source.tip().hash);

        // Serving a getblocks: every body asked for in one read, nullopt for an unknown one.
        const std::vector<Hash256> asked = {Block::parse(blocks[0])->hash(), Hash256{}, source.tip().hash};
        const uint64_t beforeServing = redis_.client().roundTrips();
        const auto bodies = sourceStore->blocksBytes(asked);
        QCOMPARE(redis_.client().roundTrips() - beforeServing, uint64_t(1));
        QCOMPARE(bodies.size(), size_t(3));
        QVERIFY(bodies[0] == blocks.front() && !bodies[1] && bodies[2] == blocks.back());
    }

    // Held index writes: this store reads them back, another connection sees them once they are
    // sent, and a connecting update sends them in its own transaction.
    void heldWritesAreReadBackAndSentWithTheNextUpdate()
    {
        auto sourceStore = openStore("held1");
        Chain source(net_, *sourceStore);
        source.load();
        const Bytes first = mine(source, 0x0E, kNow);
        QVERIFY(source.submitBlock(first, nullptr, kNow).ok());
        const Block block = *Block::parse(first);

        auto store = openStore("held2");
        Chain chain(net_, *store);
        chain.load();
        QString error;
        auto other = storage::RedisClient::connect(redis_.client().endpoint(), 5000, &error);
        QVERIFY2(other, qPrintable(error));
        storage::RedisChainStore otherView(*other, redis_.photos(), "held2");

        QVERIFY(chain.acceptHeader(block.header, kNow).ok());
        QVERIFY(!otherView.indexEntry(block.hash()));              // held
        QCOMPARE(store->indexEntry(block.hash())->height, uint64_t(1));  // read back here: sent with the read
        QCOMPARE(otherView.indexEntry(block.hash())->status, BlockIndexEntry::Status::HeaderOnly);

        const uint64_t before = redis_.client().roundTrips();
        QCOMPARE(chain.submitBlock(first, nullptr, kNow).outcome, AcceptOutcome::Connected);
        QCOMPARE(redis_.client().roundTrips() - before, uint64_t(2));  // the miner's account, then body + connection
        QCOMPARE(*otherView.tipHash(), block.hash());
        QCOMPARE(otherView.indexEntry(block.hash())->status, BlockIndexEntry::Status::HaveBody);
        QVERIFY(otherView.blockBytes(block.hash()) == first);

        // flush() sends what is held on its own.
        const Bytes second = mine(source, 0x0E, kNow + 1);
        QVERIFY(source.submitBlock(second, nullptr, kNow + 1).ok());
        const Block secondBlock = *Block::parse(second);
        QVERIFY(chain.acceptHeader(secondBlock.header, kNow + 1).ok());
        QVERIFY(!otherView.indexEntry(secondBlock.hash()));
        store->flush();
        QVERIFY(otherView.indexEntry(secondBlock.hash()));
    }

    // A crash while header writes are held loses those headers only: the chain loads at the last
    // connected block and syncs on from there.
    void crashWithHeldWritesLeavesAChainThatLoadsAndSyncsOn()
    {
        auto sourceStore = openStore("crash1");
        Chain source(net_, *sourceStore);
        source.load();
        std::vector<Bytes> blocks;
        for (int i = 0; i < 8; ++i) {
            blocks.push_back(mine(source, 0x0F, kNow + i));
            QVERIFY(source.submitBlock(blocks.back(), nullptr, kNow + i).ok());
        }
        QString error;
        auto doomed = storage::RedisClient::connect(redis_.client().endpoint(), 5000, &error);
        QVERIFY2(doomed, qPrintable(error));
        Hash256 committedTip{};
        {
            storage::RedisChainStore store(*doomed, redis_.photos(), "crash2");
            store.checkSchema();
            Chain chain(net_, store);
            chain.load();
            for (const Bytes& h : source.headersAfter(chain.locator(), Hash256{}, 2000))
                QVERIFY(chain.acceptHeader(*BlockHeader::parse(h.data(), h.size()), kNow).ok());
            for (int i = 0; i < 3; ++i) QCOMPARE(chain.submitBlock(blocks[size_t(i)], nullptr, kNow + 9).outcome, AcceptOutcome::Connected);
            // Initial sync's runs: two blocks stored to be connected later, then connected together.
            for (int i = 3; i < 5; ++i)
                QCOMPARE(chain.submitBlock(blocks[size_t(i)], nullptr, kNow + 9, nullptr, Chain::Connect::Later).outcome,
                         AcceptOutcome::Stored);
            QCOMPARE(chain.connectStored(kNow + 9).connected.size(), size_t(2));
            committedTip = chain.tip().hash;
            // More headers of a branch are held when the process dies: never sent.
            const Bytes side = mine(chain, 0x10, kNow + 20);
            QVERIFY(chain.acceptHeader(Block::parse(side)->header, kNow + 20).ok());
            // So are the next run's blocks: fetched again.
            for (int i = 5; i < 7; ++i)
                QCOMPARE(chain.submitBlock(blocks[size_t(i)], nullptr, kNow + 9, nullptr, Chain::Connect::Later).outcome,
                         AcceptOutcome::Stored);
            doomed.reset();  // the connection goes with the process; ~RedisChainStore sends nothing
        }
        auto store = openStore("crash2");
        Chain restarted(net_, *store);
        restarted.load();
        QCOMPARE(restarted.tip().hash, committedTip);
        QCOMPARE(restarted.tip().height, uint64_t(5));
        QCOMPARE(store->indexEntry(Block::parse(blocks[5])->hash())->status, BlockIndexEntry::Status::HeaderOnly);
        for (const Bytes& h : source.headersAfter(restarted.locator(), Hash256{}, 2000))
            QVERIFY(restarted.acceptHeader(*BlockHeader::parse(h.data(), h.size()), kNow).ok());
        for (const BlockIndexEntry& wanted : restarted.missingBodies(100))
            QCOMPARE(restarted.submitBlock(blocks[wanted.height - 1], nullptr, kNow + 9).outcome, AcceptOutcome::Connected);
        QCOMPARE(restarted.tip().hash, source.tip().hash);
        QCOMPARE(store->balance(address(0x0F)), sourceStore->balance(address(0x0F)));
    }

    void bodyDownloadsFollowTheHeaviestHeaderBranch()
    {
        auto storeA = openStore("heavyA");
        auto storeB = openStore("heavyB");
        Chain a(net_, *storeA), b(net_, *storeB);
        a.load();
        b.load();
        std::vector<Bytes> blocksA, blocksB;
        for (int i = 0; i < 2; ++i) {
            blocksA.push_back(mine(a, 0xA2, kNow + i));
            QVERIFY(a.submitBlock(blocksA.back(), nullptr, kNow + i).ok());
        }
        for (int i = 0; i < 4; ++i) {
            blocksB.push_back(mine(b, 0xB2, kNow + 10 + i));
            QVERIFY(b.submitBlock(blocksB.back(), nullptr, kNow + 10 + i).ok());
        }
        const auto hashesOf = [](const std::vector<BlockIndexEntry>& entries) {
            std::vector<Hash256> hashes;
            for (const auto& e : entries) hashes.push_back(e.hash);
            return hashes;
        };
        const auto blockHashes = [](const std::vector<Bytes>& blocks) {
            std::vector<Hash256> hashes;
            for (const Bytes& encoded : blocks) hashes.push_back(Block::parse(encoded)->hash());
            return hashes;
        };
        const auto acceptHeaders = [&](Chain& chain, const std::vector<Bytes>& blocks) {
            for (const Bytes& encoded : blocks) QVERIFY(chain.acceptHeader(Block::parse(encoded)->header, kNow + 20).ok());
        };

        auto store = openStore("heavy");
        Chain chain(net_, *store);
        chain.load();
        acceptHeaders(chain, blocksA);
        QCOMPARE(hashesOf(chain.missingBodies(100)), blockHashes(blocksA));
        acceptHeaders(chain, blocksB);  // more work: downloads switch to B
        QCOMPARE(hashesOf(chain.missingBodies(100)), blockHashes(blocksB));
        const std::vector<Hash256> hashesB = blockHashes(blocksB);
        QCOMPARE(hashesOf(chain.missingBodies(3)), std::vector<Hash256>(hashesB.begin(), hashesB.begin() + 3));

        // A's bodies still connect (more work than the tip), and B stays the download target.
        for (const Bytes& encoded : blocksA) QCOMPARE(chain.submitBlock(encoded, nullptr, kNow + 20).outcome, AcceptOutcome::Connected);
        QCOMPARE(chain.tip().hash, a.tip().hash);
        QCOMPARE(hashesOf(chain.missingBodies(100)), blockHashes(blocksB));

        // After a restart the best header is the tip again until headers are heard once more.
        Chain restarted(net_, *store);
        restarted.load();
        QVERIFY(restarted.missingBodies(100).empty());
        acceptHeaders(restarted, blocksB);
        QCOMPARE(hashesOf(restarted.missingBodies(100)), blockHashes(blocksB));

        // B's bodies last-first: the first one switches the chain over all four.
        for (size_t i = blocksB.size() - 1; i >= 1; --i)
            QCOMPARE(restarted.submitBlock(blocksB[i], nullptr, kNow + 20).outcome, AcceptOutcome::Stored);
        QCOMPARE(hashesOf(restarted.missingBodies(100)), std::vector<Hash256>{hashesB.front()});
        const AcceptResult switched = restarted.submitBlock(blocksB.front(), nullptr, kNow + 20);
        QCOMPARE(switched.outcome, AcceptOutcome::Connected);
        QCOMPARE(switched.disconnected.size(), size_t(2));
        QCOMPARE(switched.connected.size(), size_t(4));
        QCOMPARE(restarted.tip().hash, b.tip().hash);
        QVERIFY(restarted.missingBodies(100).empty());
    }

    void blockInvalidInItsBranchLetsItsValidAncestorsConnect()
    {
        auto sourceStore = openStore("dupphoto1");
        Chain source(net_, *sourceStore);
        source.load();
        const Bytes photo = pngBytes(7);
        const Bytes first = mine(source, 0x0D, kNow, &photo);
        QVERIFY(source.submitBlock(first, &photo, kNow).ok());
        // A second block repeating the photo: valid alone, invalid on top of the first.
        const Bytes repeat = mine(source, 0x0D, kNow + 1, &photo);
        const Hash256 firstHash = Block::parse(first)->hash();
        const Hash256 repeatHash = Block::parse(repeat)->hash();

        auto store = openStore("dupphoto2");
        Chain chain(net_, *store);
        chain.load();
        QVERIFY(chain.acceptHeader(Block::parse(first)->header, kNow + 2).ok());
        QVERIFY(chain.acceptHeader(Block::parse(repeat)->header, kNow + 2).ok());
        QCOMPARE(chain.submitBlock(repeat, &photo, kNow + 2).outcome, AcceptOutcome::Stored);
        const AcceptResult r = chain.submitBlock(first, &photo, kNow + 2);
        QVERIFY2(r.ok(), r.validation.detail.c_str());
        QCOMPARE(r.outcome, AcceptOutcome::Connected);
        QCOMPARE(r.connected.size(), size_t(1));
        QCOMPARE(chain.tip().hash, firstHash);
        QCOMPARE(chain.bestHeader().hash, firstHash);
        QVERIFY(chain.missingBodies(100).empty());
        QCOMPARE(store->indexEntry(repeatHash)->status, BlockIndexEntry::Status::Invalid);
        QCOMPARE(chain.submitBlock(repeat, &photo, kNow + 3).validation.error, BlockError::KnownInvalid);
    }

    void headerWithWrongBitsIsRejectedAndRemembered()
    {
        auto store = openStore("hdr3");
        Chain chain(net_, *store);
        chain.load();
        Block b = *Block::parse(mine(chain, 0x0D, kNow));
        b.header.bits = 0x207fffff;  // valid target, but not what the chain requires
        solve(b);
        QCOMPARE(chain.acceptHeader(b.header, kNow).validation.error, BlockError::WrongBits);
        QCOMPARE(chain.submitBlock(b.serialize(), nullptr, kNow).validation.error, BlockError::KnownInvalid);
        QCOMPARE(chain.acceptHeader(b.header, kNow).validation.error, BlockError::KnownInvalid);

        Block other = *Block::parse(mine(chain, 0x0E, kNow));
        other.header.bits = 0x207fffff;
        solve(other);
        QCOMPARE(chain.submitBlock(other.serialize(), nullptr, kNow).validation.error, BlockError::WrongBits);
        QCOMPARE(chain.submitBlock(other.serialize(), nullptr, kNow).validation.error, BlockError::KnownInvalid);
    }

    void undoEncodingRejectsDamage()
    {
        std::vector<BalanceChange> changes(2);
        changes[0].address = address(1);
        changes[0].after = 5;
        changes[1].address = address(2);
        changes[1].before = 7;
        changes[1].after = 9;
        const Bytes encoded = storage::RedisChainStore::encodeUndo(changes);
        const auto decoded = storage::RedisChainStore::decodeUndo(encoded);
        QVERIFY(decoded);
        QCOMPARE((*decoded)[1].before, uint64_t(7));
        QVERIFY(!storage::RedisChainStore::decodeUndo(Bytes(encoded.begin(), encoded.end() - 1)));
        Bytes huge = encoded;
        huge[0] = 0xFF;
        QVERIFY(!storage::RedisChainStore::decodeUndo(huge));
    }
};

QTEST_GUILESS_MAIN(ChainStoreTest)
#include "tst_chain_store.moc"
