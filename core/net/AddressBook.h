#pragma once
// Where this node finds peers: dial targets from the configured seeds, the node catalogue and
// peers' address messages, kept in a bounded AddressTable (new/tried, per-source shares, see
// AddressTable.h); each target backs off after a failed or lost connection; which outbound
// connections to open next (seeds first, then tried and new entries in random order); what
// getpeers answers (a random sample of verified entries); and recording nodes whose handshake
// verified into the catalogue (bounded by CatalogueKeeper). It never dials its own address (a
// hello carrying our nonce, our listening port on loopback), a node with our id, a banned
// address, or a host that dialableHost() refuses.
// Compare Bitcoin Core's addrman and the outbound part of CConnman. Engine thread only; the
// transport is reached through the DialHooks.
#include "core/net/AddressTable.h"
#include "core/net/CatalogueKeeper.h"
#include "core/net/NodeCatalogue.h"
#include "core/net/NodePack.h"
#include "core/net/PeerChannel.h"
#include "core/util/Logger.h"

#include <QHostAddress>
#include <QStringList>
#include <map>
#include <optional>
#include <set>

namespace pb::net {

struct AddressBookSettings {
    quint16 listenPort = 0;  // ours: a loopback target on this port is us
    int targetOutbound = 8;
};

struct DialHooks {
    // Opens an outbound connection; 0 when that target cannot be dialled (the transport
    // refused its host or port). Only called while dialSlotFree() is true.
    std::function<PeerId(const QString& host, quint16 port)> dial;
    // False while the transport has as many dials pending as it allows.
    std::function<bool()> dialSlotFree;
    std::function<bool(const QHostAddress&)> isBanned;
};

class AddressBook {
public:
    static constexpr size_t kMaxPeersAnswered = 100;
    static constexpr qint64 kMaxBackoffMs = 60'000;
    static constexpr qint64 kPruneIntervalMs = 60'000;

    AddressBook(AddressBookSettings settings, const Hash256& ownId, NodeCatalogue& catalogue, PeerChannel& channel,
                Logger& log, DialHooks hooks, RandomBelow random);

    // Start-up: the seeds ("host:port") and the nodes the catalogue remembers.
    void addSeeds(const QStringList& seeds);
    void loadCatalogue();

    // A place a node may listen at, heard from a peer in address group `source` (addr /
    // announce messages); ignored for our own node id and for hosts that cannot be dialled.
    void noteNode(const QString& host, quint16 port, const Hash256& nodeId, const QByteArray& source);
    // A node whose handshake verified: recorded in the catalogue; a node we dialled moves to
    // the tried table, one that dialled us is noted as heard of from its own address group.
    void recordVerified(const NodePack& pack, const QString& host, bool weDialled);
    // What we answer to getpeers: a random sample of verified, not terrible entries.
    Peers knownPeers();

    // Outbound link life cycle. linkOpened returns the endpoint dialled for that link.
    std::optional<Endpoint> linkOpened(PeerId link);
    void linkClosed(PeerId link, const std::optional<Endpoint>& dialed);
    void dialFailed(const QString& host, quint16 port, const QString& reason);
    // The hello on a link we dialled carried our own nonce: never dial there again.
    void markSelf(const Endpoint& endpoint);

    // Dials targets (seeds first) until `outbound` connections plus dials pending reach the
    // target or the transport has no dial slot free; `connected` are endpoints already in use,
    // which are skipped. A target the transport refuses is dropped; the rest are still tried.
    void maintainOutbound(const std::vector<Endpoint>& connected, int outbound);

    const AddressTable& table() const { return table_; }
    size_t catalogueSize() const { return keeper_.size(); }

private:
    bool dialable(const AddressEntry& entry, const std::set<QString>& connected, qint64 now);
    void dialTarget(AddressEntry& target, qint64 now);

    AddressBookSettings settings_;
    const Hash256 ownId_;
    CatalogueKeeper keeper_;
    PeerChannel& channel_;
    Logger& log_;
    DialHooks hooks_;
    AddressTable table_;
    std::map<PeerId, Endpoint> dialing_;     // outbound connections still opening
    std::set<QString> selfAddresses_;        // host:port that turned out to be us
    qint64 nextPruneMs_ = 0;
};

// "host:port" with the host canonical (dialableHost), or nullopt when it cannot be dialled.
std::optional<Endpoint> dialableEndpoint(const QString& host, quint16 port);

} // namespace pb::net
