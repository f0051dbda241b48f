#pragma once
// The node catalogue and the ban list in Redis, beside the chain (same "pb:<network>:v1:"
// prefix):
//   node:<id>        hash  pack (signed encoding), signature, host, port, type, seen
//   nodes            sorted set  node id -> last seen (seconds), most recent first on read; its
//                    size is bounded by the protocol (core/net/CatalogueKeeper.h)
//   bans             hash  ip -> "<until seconds>:<banned-at seconds> <reason>"; records written
//                    before the ban time was kept ("<until seconds> <reason>") still load, with
//                    bannedAt 0
// Methods throw StoreError (core/chain/ChainStore.h) when Redis fails.
//
// Damaged records (a field that does not parse, a signature that is not 64 bytes, a catalogue
// entry without its node:<id> hash): node(id) throws StoreError, because the caller asked for
// that very record; the list reads nodes() and bans() skip it and append one sentence per
// skipped entry to *skipped, so one bad entry cannot hide the rest of the catalogue or lift
// every ban. Damaged entries are left in place for an operator to inspect (removeBan() deletes
// a damaged ban too).
//
// Older databases kept `nodes` as a plain set (RedisChainStore::saveNodePack); the first
// catalogue call of each store converts it to the sorted set, ordered by each record's `seen`.
#include "core/util/Bytes.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

namespace pb::storage {

class RedisClient;
class RedisReply;

struct NodeRecord {
    Hash256 id{};
    Bytes pack;          // the node pack's signed encoding
    Bytes signature;     // 64 bytes
    QString host;        // where it accepts peers ("" when unknown)
    quint16 port = 0;
    QString type;        // head / seed / full / mobile ("" when unknown)
    qint64 seen = 0;     // seconds since the epoch
};

struct BanRecord {
    QString address;     // canonical IP text (QHostAddress::toString())
    qint64 until = 0;    // seconds since the epoch
    QString reason;
    qint64 bannedAt = 0; // seconds since the epoch; 0 when unknown (a record from before it was kept)
};

class RedisPeerStore {
public:
    RedisPeerStore(RedisClient& redis, const std::string& network);

    // Insert or replace (fields of an older record do not linger), updates `nodes`. Throws
    // StoreError for a signature that is not 64 bytes: it could never be read back.
    void saveNode(const NodeRecord& node);
    // A later last-seen time; an earlier one changes nothing. False for an unknown node.
    bool touchNode(const Hash256& id, qint64 seen);
    // Most recently seen first, at most `max`.
    std::vector<NodeRecord> nodes(size_t max, QStringList* skipped = nullptr);
    std::optional<NodeRecord> node(const Hash256& id);
    // Deletes these nodes' records (unknown ids are ignored).
    void removeNodes(const std::vector<Hash256>& ids);
    // Deletes every node but the `max` most recently seen.
    void keepNewest(size_t max);

    // Insert or replace the ban of ban.address.
    void saveBan(const BanRecord& ban);
    bool removeBan(const QString& address);           // false when it was not banned
    // Bans still in force at `now` (until > now), sorted by address; expired ones are deleted
    // as a side effect (unless re-banned meanwhile).
    std::vector<BanRecord> bans(qint64 now, QStringList* skipped = nullptr);

private:
    std::string key(const std::string& suffix) const { return prefix_ + suffix; }
    RedisReply run(const std::vector<std::string>& args, const char* what);
    void upgradeCatalogue();

    RedisClient& redis_;
    std::string prefix_;
    bool catalogueChecked_ = false;
};

} // namespace pb::storage
