#pragma once
// Wrong pairing codes, per client address: five in a row lock pairing for that address for a
// minute, so guessing a code costs the guesser time, not the node. The table is bounded: when
// full, entries whose lock has run out go first, then the least recently seen. The clock is
// passed in (seconds). Used on the REST thread only.
#include <QHash>
#include <QHostAddress>
#include <optional>

namespace pb::api {

class PairingLockout {
public:
    static constexpr int kWrongInARow = 5;
    static constexpr qint64 kLockSeconds = 60;
    static constexpr qsizetype kMaxAddresses = 1024;

    // Seconds until `address` may try again; nullopt when it may try now.
    std::optional<qint64> lockedFor(const QHostAddress& address, qint64 nowSeconds) const;
    // Counts a wrong code; returns how many in a row this address has now (a new lock starts at
    // kWrongInARow and the count starts over after it).
    int recordWrong(const QHostAddress& address, qint64 nowSeconds);
    // A right code ends the address's run of wrong ones.
    void recordRight(const QHostAddress& address) { entries_.remove(address); }
    qsizetype size() const { return entries_.size(); }

private:
    struct Entry {
        int wrongInARow = 0;
        qint64 lockedUntil = 0;
        qint64 lastSeen = 0;
    };
    void makeRoom(qint64 nowSeconds);

    QHash<QHostAddress, Entry> entries_;
};

} // namespace pb::api
