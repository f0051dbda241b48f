#pragma once
// Where this node finds peers: dial targets from the configured seeds, the node catalogue and
// peers' address messages, each with a backoff after a failed or lost connection; which
// outbound connections to open next (seeds first); and recording nodes whose handshake
// verified into the catalogue. It never dials its own address (a hello carrying our nonce,
// our listening port on loopback), a node with our id, or a banned address.
// Compare Bitcoin Core's addrman and the outbound part of CConnman: one table here, no
// buckets yet. Engine thread only; the transport is reached through the `dial` hook.
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

struct Endpoint {
    QString host;
    quint16 port = 0;
    QString key() const { return host + ':' + QString::number(port); }
};

struct AddressBookSettings {
    quint16 listenPort = 0;  // ours: a loopback target on this port is us
    int targetOutbound = 8;
};

struct DialHooks {
    // Opens an outbound connection; 0 when the transport has too many dials pending.
    std::function<PeerId(const QString& host, quint16 port)> dial;
    std::function<bool(const QHostAddress&)> isBanned;
};

class AddressBook {
public:
    static constexpr size_t kMaxPeersAnswered = 200;
    static constexpr size_t kCatalogueNodesLoaded = 256;
    static constexpr qint64 kMaxBackoffMs = 60'000;

    AddressBook(AddressBookSettings settings, const Hash256& ownId, NodeCatalogue& catalogue, PeerChannel& channel,
                Logger& log, DialHooks hooks);

    // Start-up: the seeds ("host:port") and the nodes the catalogue remembers.
    void addSeeds(const QStringList& seeds);
    void loadCatalogue();

    // A place a node may listen at (addr / announce messages); ignored for our own node id.
    void noteNode(const QString& host, quint16 port, const Hash256& nodeId);
    // A node whose handshake verified: recorded in the catalogue, and its target's failures forgotten.
    void recordVerified(const NodePack& pack, const QString& host);
    // What we answer to getpeers: the catalogue's most recent listening nodes.
    Peers knownPeers();

    // Outbound link life cycle. linkOpened returns the endpoint dialled for that link.
    std::optional<Endpoint> linkOpened(PeerId link);
    void linkClosed(PeerId link, const std::optional<Endpoint>& dialed);
    void dialFailed(const QString& host, quint16 port, const QString& reason);
    // The hello on a link we dialled carried our own nonce: never dial there again.
    void markSelf(const Endpoint& endpoint) { selfAddresses_.insert(endpoint.key()); }

    // Dials targets (seeds first) until `outbound` connections plus dials pending reach the
    // target; `connected` are endpoints already in use, which are skipped.
    void maintainOutbound(const std::vector<Endpoint>& connected, int outbound);

private:
    struct DialTarget {
        Endpoint endpoint;
        int failures = 0;
        qint64 nextAttemptMs = 0;
        bool seed = false;
    };
    void noteCandidate(const QString& host, quint16 port, bool seed);
    bool isOwnListener(const Endpoint& endpoint) const;

    AddressBookSettings settings_;
    const Hash256 ownId_;
    NodeCatalogue& catalogue_;
    PeerChannel& channel_;
    Logger& log_;
    DialHooks hooks_;
    std::map<QString, DialTarget> targets_;  // by host:port
    std::map<PeerId, Endpoint> dialing_;     // outbound connections still opening
    std::set<QString> selfAddresses_;        // host:port that turned out to be us
};

} // namespace pb::net
