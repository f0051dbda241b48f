#pragma once
// The address book's bounded memory of where peers may listen, after Bitcoin Core's addrman:
//   new    places we heard of (a peer's `peers` or `announce`, the catalogue, a seed) and have
//          not reached in this run;
//   tried  places where we completed a handshake on a connection we dialled.
// Both tables are bounded (kMaxNew, kMaxTried), and the share of `new` that one source may
// fill is bounded too (kMaxNewPerSource): a source is the address group (/24, /64) of the
// peer that told us, so one peer or one hosting customer can push out only its own entries
// once it has its share. Evicted first: "terrible" entries (never reached after kMaxNewFailures
// tries, or not heard of for kHorizonMs), then the one heard of longest ago among a few random
// picks (the random picks keep an attacker from predicting which honest entry goes).
// A full `tried` table moves its least recently reached entry back to `new`.
//
// Plain data, no I/O: the caller passes the time and the random source, so tests are exact.
#include "core/util/Bytes.h"

#include <QByteArray>
#include <QHashFunctions>  // std::hash<QString>
#include <QString>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

namespace pb::net {

struct Endpoint {
    QString host;
    quint16 port = 0;
    QString key() const { return host + ':' + QString::number(port); }
};

struct AddressEntry {
    Endpoint endpoint;
    QByteArray source;         // address group of whoever told us; empty: ourselves (seed, catalogue, a dial)
    Hash256 nodeId{};          // as claimed by the source, or verified (see `verified`)
    QString type;              // node type, when known
    bool verified = false;     // we checked this node's signed pack (handshake, catalogue)
    bool tried = false;
    bool seed = false;         // configured: never evicted, always dialled first
    int failures = 0;          // dials since the last handshake that did not end in one
    qint64 lastSeenMs = 0;     // last heard of or connected
    qint64 lastSuccessMs = 0;  // last handshake on a dial
    qint64 nextAttemptMs = 0;  // backoff: not dialled before
};

// A random number in [0, bound); bound > 0.
using RandomBelow = std::function<quint64(quint64 bound)>;

class AddressTable {
public:
    static constexpr size_t kMaxNew = 1024;
    static constexpr size_t kMaxTried = 256;
    static constexpr size_t kMaxNewPerSource = 64;
    static constexpr int kMaxNewFailures = 3;                       // a `new` entry is dropped after this many
    static constexpr int kMaxTriedFailures = 10;                    // ...a `tried` one after this many...
    static constexpr qint64 kTriedGraceMs = 7LL * 24 * 3600 * 1000; // ...with no handshake for a week
    static constexpr qint64 kHorizonMs = 30LL * 24 * 3600 * 1000;   // not heard of for 30 days: dropped
    static constexpr int kEvictionPicks = 8;

    explicit AddressTable(RandomBelow random) : random_(std::move(random)) {}

    // Heard of `entry.endpoint` (already validated): refreshes an existing entry's last-seen
    // time (and fills in what the new claim verifies), or adds it to `new`, evicting to stay
    // within the bounds. False when it was not added: nothing could be evicted for it.
    bool add(const AddressEntry& entry, qint64 nowMs);
    // A handshake on a dial to `key` completed: the entry moves to `tried` (added if unknown).
    void markGood(const AddressEntry& entry, qint64 nowMs);
    // A dial to `key` ended without a handshake; a `new` entry past kMaxNewFailures is dropped
    // (seeds never are). Returns the entry, or null when it is gone (or was never there).
    AddressEntry* markFailed(const QString& key);
    void remove(const QString& key);
    AddressEntry* find(const QString& key);
    const AddressEntry* find(const QString& key) const { return const_cast<AddressTable*>(this)->find(key); }

    // Drops terrible entries (see isTerrible); the book calls it now and then.
    void pruneTerrible(qint64 nowMs);
    bool isTerrible(const AddressEntry& entry, qint64 nowMs) const;

    // Every entry, in an order shuffled by the random source.
    std::vector<AddressEntry*> shuffled();
    // At most `max` verified, not terrible entries picked at random (what getpeers answers).
    std::vector<AddressEntry> sample(size_t max, qint64 nowMs);

    size_t newCount() const { return entries_.size() - triedCount_; }
    size_t triedCount() const { return triedCount_; }
    size_t newFrom(const QByteArray& source) const;

private:
    void insert(AddressEntry entry);
    void eraseAt(size_t index);
    // Makes room in `new` for one entry from `source`; false when nothing may go.
    bool makeRoomInNew(const QByteArray& source, qint64 nowMs);
    // The worst of the candidates (terrible first, then heard of longest ago), or npos.
    size_t worstOf(const std::vector<size_t>& candidates, qint64 nowMs) const;
    void moveToNew(size_t index);

    RandomBelow random_;
    std::vector<AddressEntry> entries_;                   // both tables; random access for picks
    std::unordered_map<QString, size_t> index_;           // key -> position in entries_
    std::map<QByteArray, std::set<QString>> newBySource_; // keys of `new` entries per source
    size_t triedCount_ = 0;
};

} // namespace pb::net
