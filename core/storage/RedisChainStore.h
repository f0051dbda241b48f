#pragma once
// ChainStore on Redis. Every key lives under "pb:<network>:v1:" so several networks and
// future schemas share one server safely:
//   schema                 "1" (checked at start; outside the versioned prefix)
//   tip                    hex hash of the active tip
//   active                 hash  height -> hex block hash (the active chain)
//   block:<hash>           hash  header, bytes, height, prev, time, bits, work, status
//                          (index entry; `bytes` once the body arrived; status h/b/x)
//   pack:<hash>            hash  type, height, hash, prev               (the block pack)
//   undo:<hash>            the accounts the block changed, with their previous values
//   balance                hash  address hex -> units
//   nonce                  hash  address hex -> the account's next transfer nonce (absent: 0)
//   tx                     hash  tx id hex -> "<block hash hex>:<height>:<index>" (active chain)
//   history:<address hex>  zset  tx id hex scored by height * 65536 + index
//   photos                 hash  photo hex -> hex hash of the block carrying it
// Node packs and bans live beside these keys: see RedisPeerStore.
// Connecting a block is one MULTI/EXEC, so a crash leaves the old tip or the new one.
//
// Round trips: writes of index entries, headers and bodies (storeHeader, storeBlock,
// markInvalid: only block:<hash> and pack:<hash> keys) are held back and sent ahead of the next
// command that needs the server anyway, in the same round trip: a read of those keys sees them
// (pipelined before it), and applyUpdate sends them inside its MULTI/EXEC, so a block's body and
// its connection land together or not at all. flush() sends them on their own; past
// kMaxHeldCommands they go at once. A crash loses only held writes, none of which the active
// chain needs: headers and bodies are fetched again.
#include "core/chain/ChainStore.h"
#include "core/storage/RedisClient.h"

namespace pb::storage {

class PhotoStore;

class RedisChainStore final : public ChainStore {
public:
    static constexpr int kSchemaVersion = 1;

    RedisChainStore(RedisClient& redis, PhotoStore& photos, const std::string& network);

    // Creates the schema marker in an empty database; throws StoreError for another version.
    void checkSchema();

    std::optional<Hash256> tipHash() override;
    std::optional<BlockIndexEntry> indexEntry(const Hash256& hash) override;
    std::vector<std::optional<BlockIndexEntry>> indexEntries(const std::vector<Hash256>& hashes) override;
    std::optional<Hash256> hashAtHeight(uint64_t height) override;
    std::vector<Hash256> activeChain() override;
    std::optional<Bytes> headerBytes(const Hash256& hash) override;
    std::vector<std::optional<Bytes>> headersBytes(const std::vector<Hash256>& hashes) override;
    std::optional<Bytes> blockBytes(const Hash256& hash) override;
    std::vector<std::optional<Bytes>> blocksBytes(const std::vector<Hash256>& hashes) override;
    std::optional<std::vector<BalanceChange>> undoData(const Hash256& hash) override;
    std::optional<Bytes> photo(const Hash256& photoHash) override;
    std::optional<Hash256> photoBlock(const Hash256& photoHash) override;
    AccountState account(const crypto::AddressHash& address) override;
    std::optional<TxLocation> transactionLocation(const Hash256& txId) override;
    std::vector<Hash256> addressHistory(const crypto::AddressHash& address, size_t max) override;
    VoteTally votes(const Hash256& claimBlock) override;
    void storePhoto(const Bytes& photo) override;
    void storeHeader(const BlockIndexEntry& entry, const Bytes& header) override;
    void storeBlock(const BlockIndexEntry& entry, const Bytes& block) override;
    void markInvalid(const Hash256& hash) override;
    void applyUpdate(const ChainUpdate& update) override;
    void flush() override;
    std::vector<Hash256> sideBodiesBelow(uint64_t height, size_t max) override;
    void dropSideBodies(const std::vector<Hash256>& blocks, const std::vector<Hash256>& photos) override;

    static constexpr size_t kMaxHeldCommands = 512;

    // Undo data encoding: u32 count with kUndoWithNonces set, then per change: address 20 |
    // before u64 | after u64 | nonce before u64 | nonce after u64. Undo data written before
    // transfers existed has the flag clear and no nonces (which were all zero then).
    static constexpr uint32_t kUndoWithNonces = 0x80000000u;
    static Bytes encodeUndo(const std::vector<BalanceChange>& changes);
    static std::optional<std::vector<BalanceChange>> decodeUndo(const Bytes& bytes);

private:
    std::string key(const std::string& suffix) const { return prefix_ + suffix; }
    std::vector<std::string> indexFields(const BlockIndexEntry& entry) const;
    RedisClient::Command indexRead(const Hash256& hash) const;
    std::optional<BlockIndexEntry> parseIndexEntry(const Hash256& hash, const RedisReply& fields) const;
    // One field ("header" or "bytes") of several blocks' entries, in one round trip.
    std::vector<std::optional<Bytes>> fieldOfBlocks(const std::vector<Hash256>& hashes, const char* field);
    RedisReply run(std::initializer_list<std::string_view> args);
    void hold(RedisClient::Command command);
    // One round trip: the held writes, then `read`; throws when any of them failed.
    RedisReply readAfterHeld(RedisClient::Command read);
    std::vector<RedisReply> readAfterHeld(std::vector<RedisClient::Command> reads);

    RedisClient& redis_;
    PhotoStore& photos_;
    std::string network_;
    std::string prefix_;
    std::vector<RedisClient::Command> held_;
};

} // namespace pb::storage
