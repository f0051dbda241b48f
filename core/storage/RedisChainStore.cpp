#include "core/storage/RedisChainStore.h"

#include "core/chain/ByteReader.h"
#include "core/storage/PhotoStore.h"
#include "core/storage/RedisClient.h"

#include <charconv>

namespace pb::storage {

namespace {

std::string hex(const Hash256& h) { return toHex(h); }

std::optional<uint64_t> parseUnsigned(const std::string& text)
{
    uint64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}

} // namespace

RedisChainStore::RedisChainStore(RedisClient& redis, PhotoStore& photos, const std::string& network)
    : redis_(redis), photos_(photos), network_(network), prefix_("pb:" + network + ":v1:")
{
}

RedisReply RedisChainStore::run(std::initializer_list<std::string_view> args)
{
    RedisReply r = redis_.command(args);
    if (r.isError()) throw StoreError("Redis " + std::string(*args.begin()) + " failed: " + r.str());
    return r;
}

void RedisChainStore::hold(RedisClient::Command command)
{
    held_.push_back(std::move(command));
    if (held_.size() >= kMaxHeldCommands) flush();
}

void RedisChainStore::flush()
{
    if (held_.empty()) return;
    readAfterHeld(std::vector<RedisClient::Command>{});
}

RedisReply RedisChainStore::readAfterHeld(RedisClient::Command read)
{
    return std::move(readAfterHeld(std::vector<RedisClient::Command>{std::move(read)}).front());
}

std::vector<RedisReply> RedisChainStore::readAfterHeld(std::vector<RedisClient::Command> reads)
{
    std::vector<RedisReply> replies;
    if (held_.empty() && reads.empty()) return replies;
    if (held_.empty()) {
        replies = reads.size() == 1 ? std::vector<RedisReply>{redis_.command(reads.front())} : redis_.pipeline(reads);
    } else {
        // Cleared first: after a failure their outcome is unknown, and sending them again would
        // not tell; the chain's own cache still has them, as after any failed write.
        const std::vector<RedisClient::Command> writes = std::move(held_);
        held_.clear();
        const RedisReply written = redis_.transaction(writes, reads, &replies);
        if (!written.isArray()) throw StoreError("storing block index entries failed: " + written.str());
    }
    for (size_t i = 0; i < replies.size(); ++i)
        if (replies[i].isError()) throw StoreError("Redis " + reads[i].front() + " failed: " + replies[i].str());
    return replies;
}

void RedisChainStore::checkSchema()
{
    const std::string schemaKey = "pb:" + network_ + ":schema";
    const std::string expected = std::to_string(kSchemaVersion);
    run({"SETNX", schemaKey, expected});
    RedisReply r = run({"GET", schemaKey});
    if (r.str() == expected) return;
    throw StoreError("the database uses storage schema " + r.str() + " for network '" + network_
                     + "'; this node understands schema " + expected);
}

std::optional<Hash256> RedisChainStore::tipHash()
{
    RedisReply r = run({"GET", key("tip")});
    if (r.isNil()) return std::nullopt;
    auto h = hashFromHex(r.str());
    if (!h) throw StoreError("stored tip '" + r.str() + "' is not a block hash");
    return h;
}

RedisClient::Command RedisChainStore::indexRead(const Hash256& hash) const
{
    return {"HMGET", key("block:" + hex(hash)), "height", "prev", "time", "bits", "work", "status", "claim"};
}

std::optional<BlockIndexEntry> RedisChainStore::indexEntry(const Hash256& hash)
{
    return parseIndexEntry(hash, readAfterHeld(indexRead(hash)));
}

std::vector<std::optional<BlockIndexEntry>> RedisChainStore::indexEntries(const std::vector<Hash256>& hashes)
{
    std::vector<RedisClient::Command> reads;
    reads.reserve(hashes.size());
    for (const Hash256& hash : hashes) reads.push_back(indexRead(hash));
    const std::vector<RedisReply> replies = readAfterHeld(std::move(reads));
    std::vector<std::optional<BlockIndexEntry>> entries;
    entries.reserve(hashes.size());
    for (size_t i = 0; i < hashes.size(); ++i) entries.push_back(parseIndexEntry(hashes[i], replies[i]));
    return entries;
}

std::optional<BlockIndexEntry> RedisChainStore::parseIndexEntry(const Hash256& hash, const RedisReply& r) const
{
    const auto& f = r.elements();
    if (f.size() != 7 || f[0].isNil()) return std::nullopt;
    BlockIndexEntry e;
    e.hash = hash;
    const auto height = parseUnsigned(f[0].str());
    const auto prev = hashFromHex(f[1].str());
    const auto time = parseUnsigned(f[2].str());
    const auto bits = parseUnsigned(f[3].str());
    const auto work = Uint256::fromHex(f[4].str());
    const std::string& status = f[5].str();
    // Entries written before label claims existed have no claim field: none was made then.
    const auto claim = f[6].isNil() ? std::optional<Hash256>(Hash256{}) : hashFromHex(f[6].str());
    if (!height || !prev || !time || !bits || !work || !claim || status.size() != 1
        || std::string("hbx").find(status[0]) == std::string::npos)
        throw StoreError("index entry of block " + hex(hash) + " is damaged");
    e.height = *height;
    e.prevHash = *prev;
    e.time = *time;
    e.bits = uint32_t(*bits);
    e.chainWork = *work;
    e.status = BlockIndexEntry::Status(status[0]);
    e.lastClaim = *claim;
    return e;
}

std::vector<std::string> RedisChainStore::indexFields(const BlockIndexEntry& e) const
{
    return {"height", std::to_string(e.height), "prev", hex(e.prevHash), "time", std::to_string(e.time),
            "bits", std::to_string(e.bits), "work", e.chainWork.toHex(), "status", std::string(1, char(e.status)),
            "claim", hex(e.lastClaim)};
}

void RedisChainStore::storeHeader(const BlockIndexEntry& entry, const Bytes& header)
{
    RedisClient::Command c = {"HSET", key("block:" + hex(entry.hash)), "header", std::string(header.begin(), header.end())};
    for (auto& f : indexFields(entry)) c.push_back(std::move(f));
    hold(std::move(c));
}

void RedisChainStore::storeBlock(const BlockIndexEntry& entry, const Bytes& block)
{
    const size_t headerSize = std::min<size_t>(block.size(), 88);
    RedisClient::Command c = {"HSET", key("block:" + hex(entry.hash)),
                              "header", std::string(block.begin(), block.begin() + long(headerSize)),
                              "bytes", std::string(block.begin(), block.end())};
    for (auto& f : indexFields(entry)) c.push_back(std::move(f));
    // Both go in the same MULTI/EXEC whenever the held writes are sent.
    hold(std::move(c));
    hold({"HSET", key("pack:" + hex(entry.hash)), "type", "block", "height", std::to_string(entry.height), "hash",
          hex(entry.hash), "prev", hex(entry.prevHash)});
    hold({"ZADD", key("sidebodies"), std::to_string(entry.height), hex(entry.hash)});  // until it is connected
}

void RedisChainStore::markInvalid(const Hash256& hash)
{
    hold({"HSET", key("block:" + hex(hash)), "status", "x"});
}

std::optional<Hash256> RedisChainStore::hashAtHeight(uint64_t height)
{
    RedisReply r = run({"HGET", key("active"), std::to_string(height)});
    if (r.isNil()) return std::nullopt;
    auto h = hashFromHex(r.str());
    if (!h) throw StoreError("active chain entry at height " + std::to_string(height) + " is damaged");
    return h;
}

std::vector<Hash256> RedisChainStore::activeChain()
{
    RedisReply r = run({"HGETALL", key("active")});
    const auto& f = r.elements();
    std::vector<Hash256> chain(f.size() / 2);
    std::vector<bool> seen(chain.size(), false);
    for (size_t i = 0; i + 1 < f.size(); i += 2) {
        const auto height = parseUnsigned(f[i].str());
        const auto hash = hashFromHex(f[i + 1].str());
        if (!height || !hash || *height >= chain.size() || seen[*height])
            throw StoreError("the active chain index has a damaged or missing height near '" + f[i].str() + "'");
        chain[*height] = *hash;
        seen[*height] = true;
    }
    return chain;
}

std::optional<Bytes> RedisChainStore::headerBytes(const Hash256& hash)
{
    RedisReply r = readAfterHeld({"HGET", key("block:" + hex(hash)), "header"});
    if (r.isNil()) return std::nullopt;
    return Bytes(r.str().begin(), r.str().end());
}

std::vector<std::optional<Bytes>> RedisChainStore::fieldOfBlocks(const std::vector<Hash256>& hashes, const char* field)
{
    std::vector<RedisClient::Command> reads;
    reads.reserve(hashes.size());
    for (const Hash256& hash : hashes) reads.push_back({"HGET", key("block:" + hex(hash)), field});
    std::vector<std::optional<Bytes>> values;
    values.reserve(hashes.size());
    for (const RedisReply& r : readAfterHeld(std::move(reads)))
        values.push_back(r.isNil() ? std::nullopt : std::optional<Bytes>(Bytes(r.str().begin(), r.str().end())));
    return values;
}

std::vector<std::optional<Bytes>> RedisChainStore::headersBytes(const std::vector<Hash256>& hashes)
{
    return fieldOfBlocks(hashes, "header");
}

std::vector<std::optional<Bytes>> RedisChainStore::blocksBytes(const std::vector<Hash256>& hashes)
{
    return fieldOfBlocks(hashes, "bytes");
}

std::optional<Bytes> RedisChainStore::blockBytes(const Hash256& hash)
{
    RedisReply r = readAfterHeld({"HGET", key("block:" + hex(hash)), "bytes"});
    if (r.isNil()) return std::nullopt;
    return Bytes(r.str().begin(), r.str().end());
}

std::optional<std::vector<BalanceChange>> RedisChainStore::undoData(const Hash256& hash)
{
    RedisReply r = run({"GET", key("undo:" + hex(hash))});
    if (r.isNil()) return std::nullopt;
    auto undo = decodeUndo(Bytes(r.str().begin(), r.str().end()));
    if (!undo) throw StoreError("undo data of block " + hex(hash) + " is damaged");
    return undo;
}

std::optional<Bytes> RedisChainStore::photo(const Hash256& photoHash) { return photos_.get(photoHash); }

std::optional<Hash256> RedisChainStore::photoBlock(const Hash256& photoHash)
{
    RedisReply r = run({"HGET", key("photos"), hex(photoHash)});
    if (r.isNil()) return std::nullopt;
    auto h = hashFromHex(r.str());
    if (!h) throw StoreError("photo index entry for " + hex(photoHash) + " is damaged");
    return h;
}

VoteTally RedisChainStore::votes(const Hash256& claimBlock)
{
    RedisReply r = run({"HMGET", key("votes:" + hex(claimBlock)), "agree", "disagree", "abstain"});
    const auto& f = r.elements();
    VoteTally t;
    if (f.size() != 3) return t;
    const auto count = [](const RedisReply& v) { return v.isNil() ? 0 : parseUnsigned(v.str()).value_or(0); };
    t.agree = count(f[0]);
    t.disagree = count(f[1]);
    t.abstain = count(f[2]);
    return t;
}

AccountState RedisChainStore::account(const crypto::AddressHash& address)
{
    const std::string a = toHex(address);
    // One round trip on a connection owned by one thread: no block can connect in between.
    const std::vector<RedisReply> replies = redis_.pipeline({{"HGET", key("balance"), a}, {"HGET", key("nonce"), a}});
    for (const RedisReply& r : replies)
        if (r.isError()) throw StoreError("Redis HGET failed: " + r.str());
    const RedisReply& balance = replies[0];
    const RedisReply& nonce = replies[1];
    AccountState state;
    for (auto [reply, value] : {std::pair{&balance, &state.balance}, std::pair{&nonce, &state.nonce}}) {
        if (reply->isNil()) continue;
        const auto v = parseUnsigned(reply->str());
        if (!v) throw StoreError("account state of " + a + " is damaged");
        *value = *v;
    }
    return state;
}

std::optional<TxLocation> RedisChainStore::transactionLocation(const Hash256& txId)
{
    RedisReply r = run({"HGET", key("tx"), hex(txId)});
    if (r.isNil()) return std::nullopt;
    const std::string& text = r.str();
    const size_t first = text.find(':');
    const size_t second = first == std::string::npos ? first : text.find(':', first + 1);
    const auto block = hashFromHex(text.substr(0, first));
    const auto height = second == std::string::npos ? std::nullopt : parseUnsigned(text.substr(first + 1, second - first - 1));
    const auto index = second == std::string::npos ? std::nullopt : parseUnsigned(text.substr(second + 1));
    if (!block || !height || !index) throw StoreError("transaction index entry of " + hex(txId) + " is damaged");
    return TxLocation{*block, *height, uint32_t(*index)};
}

std::vector<Hash256> RedisChainStore::addressHistory(const crypto::AddressHash& address, size_t max)
{
    if (max == 0) return {};
    RedisReply r = run({"ZREVRANGE", key("history:" + toHex(address)), "0", std::to_string(max - 1)});
    std::vector<Hash256> ids;
    for (const RedisReply& e : r.elements()) {
        const auto id = hashFromHex(e.str());
        if (!id) throw StoreError("history of " + toHex(address) + " holds a damaged id");
        ids.push_back(*id);
    }
    return ids;
}

void RedisChainStore::storePhoto(const Bytes& photo)
{
    QString error;
    if (!photos_.put(photo, &error)) throw StoreError("cannot write the photo: " + error.toStdString());
}

Bytes RedisChainStore::encodeUndo(const std::vector<BalanceChange>& changes)
{
    Bytes out;
    appendU32(out, uint32_t(changes.size()) | kUndoWithNonces);
    for (const BalanceChange& c : changes) {
        appendArray(out, c.address);
        appendU64(out, c.before);
        appendU64(out, c.after);
        appendU64(out, c.nonceBefore);
        appendU64(out, c.nonceAfter);
    }
    return out;
}

std::optional<std::vector<BalanceChange>> RedisChainStore::decodeUndo(const Bytes& bytes)
{
    ByteReader r(bytes.data(), bytes.size());
    uint32_t word = 0;
    if (!r.readU32(word)) return std::nullopt;
    const bool withNonces = word & kUndoWithNonces;
    const uint32_t count = word & ~kUndoWithNonces;
    if (count > r.remaining() / (withNonces ? 52 : 36)) return std::nullopt;
    std::vector<BalanceChange> changes(count);
    for (BalanceChange& c : changes) {
        if (!r.readArray(c.address) || !r.readU64(c.before) || !r.readU64(c.after)) return std::nullopt;
        if (withNonces && (!r.readU64(c.nonceBefore) || !r.readU64(c.nonceAfter))) return std::nullopt;
    }
    if (!r.atEnd()) return std::nullopt;
    return changes;
}

void RedisChainStore::applyUpdate(const ChainUpdate& update)
{
    std::vector<RedisClient::Command> commands;
    std::string newTip;
    for (const BlockDisconnection& d : update.disconnect) {
        const std::string h = hex(d.entry.hash);
        commands.push_back({"HDEL", key("active"), std::to_string(d.entry.height)});
        commands.push_back({"DEL", key("undo:" + h)});
        commands.push_back({"ZADD", key("sidebodies"), std::to_string(d.entry.height), h});
        for (auto it = d.balances.rbegin(); it != d.balances.rend(); ++it) {
            commands.push_back({"HSET", key("balance"), toHex(it->address), std::to_string(it->before)});
            if (it->nonceBefore != it->nonceAfter)
                commands.push_back({"HSET", key("nonce"), toHex(it->address), std::to_string(it->nonceBefore)});
        }
        for (const TxRecord& t : d.txs) {
            commands.push_back({"HDEL", key("tx"), hex(t.id)});
            for (const auto& a : t.addresses) commands.push_back({"ZREM", key("history:" + toHex(a)), hex(t.id)});
        }
        if (d.photoHash) commands.push_back({"HDEL", key("photos"), hex(*d.photoHash)});
        if (d.vote) commands.push_back({"HINCRBY", key("votes:" + hex(d.vote->on)), labelVoteName(d.vote->vote), "-1"});
        newTip = hex(d.entry.prevHash);
    }
    for (const BlockConnection& c : update.connect) {
        const std::string h = hex(c.entry.hash);
        const Bytes undo = encodeUndo(c.balances);
        commands.push_back({"HSET", key("active"), std::to_string(c.entry.height), h});
        commands.push_back({"ZREM", key("sidebodies"), h});
        commands.push_back({"SET", key("undo:" + h), std::string(undo.begin(), undo.end())});
        for (const BalanceChange& b : c.balances) {
            commands.push_back({"HSET", key("balance"), toHex(b.address), std::to_string(b.after)});
            if (b.nonceBefore != b.nonceAfter)
                commands.push_back({"HSET", key("nonce"), toHex(b.address), std::to_string(b.nonceAfter)});
        }
        for (const TxRecord& t : c.txs) {
            const std::string score = std::to_string(c.entry.height * 65536 + t.index);
            commands.push_back({"HSET", key("tx"), hex(t.id), h + ":" + std::to_string(c.entry.height) + ":" + std::to_string(t.index)});
            for (const auto& a : t.addresses) commands.push_back({"ZADD", key("history:" + toHex(a)), score, hex(t.id)});
        }
        if (c.photoHash) commands.push_back({"HSET", key("photos"), hex(*c.photoHash), h});
        if (c.vote) commands.push_back({"HINCRBY", key("votes:" + hex(c.vote->on)), labelVoteName(c.vote->vote), "1"});
        newTip = h;
    }
    if (newTip.empty()) return;
    commands.push_back({"SET", key("tip"), newTip});
    commands.insert(commands.begin(), std::make_move_iterator(held_.begin()), std::make_move_iterator(held_.end()));
    held_.clear();
    RedisReply r = redis_.transaction(commands);
    if (!r.isArray()) throw StoreError("updating the active chain to " + newTip + " failed: " + r.str());
}

std::vector<Hash256> RedisChainStore::sideBodiesBelow(uint64_t height, size_t max)
{
    if (height == 0 || max == 0) return {};
    RedisReply r = readAfterHeld({"ZRANGEBYSCORE", key("sidebodies"), "-inf", "(" + std::to_string(height), "LIMIT", "0",
                                  std::to_string(max)});
    std::vector<Hash256> hashes;
    for (const RedisReply& member : r.elements()) {
        const auto h = hashFromHex(member.str());
        if (!h) throw StoreError("the side-branch body list holds a damaged entry");
        hashes.push_back(*h);
    }
    return hashes;
}

void RedisChainStore::dropSideBodies(const std::vector<Hash256>& blocks, const std::vector<Hash256>& photos)
{
    if (!blocks.empty()) {
        std::vector<RedisClient::Command> commands = std::move(held_);
        held_.clear();
        for (const Hash256& block : blocks) {
            const std::string h = hex(block);
            commands.push_back({"HDEL", key("block:" + h), "bytes"});
            commands.push_back({"HSET", key("block:" + h), "status", "h"});
            commands.push_back({"ZREM", key("sidebodies"), h});
        }
        RedisReply r = redis_.transaction(commands);
        if (!r.isArray()) throw StoreError("dropping side-branch bodies failed: " + r.str());
    }
    for (const Hash256& photo : photos) {
        QString error;
        if (!photos_.remove(photo, &error)) throw StoreError(error.toStdString());
    }
}

} // namespace pb::storage
