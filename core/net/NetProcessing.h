#pragma once
// The protocol: what peer messages mean. Handshakes (network, version, signed node pack,
// self-connection), pings, peer discovery through seeds and the node catalogue, headers-first
// sync, block relay, misbehaviour scores and bans. Connections themselves (sockets, limits)
// belong to the transport behind LinkControl. Lives on the engine thread.
#include "core/chain/Chain.h"
#include "core/chain/TransferRules.h"
#include "core/crypto/Ed25519.h"
#include "core/net/Messages.h"
#include "core/net/PeerLink.h"
#include "core/net/TipCrossCheck.h"
#include "core/util/Logger.h"
#include "core/node/NodeStatus.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace pb::storage {
class RedisPeerStore;
}

namespace pb::net {

struct NetSettings {
    QString nodeType = "full";         // head / seed / full / mobile
    quint16 listenPort = 0;            // advertised in our node pack; 0 = not listening
    QStringList seeds;                 // host:port
    int targetOutbound = 8;
    qint64 banSeconds = 24 * 3600;
    int misbehaviourThreshold = 100;
    int pingIntervalMs = 15000;
    int handshakeTimeoutMs = 10000;
    int maxBlocksInFlightPerPeer = 16;
    // A peer that delivers none of its requested blocks for this long is asked no more of them.
    int blockDownloadTimeoutMs = 20000;
    // Mobile nodes: how often the tip is cross-checked with full peers besides on new tips,
    // and the least time between two rounds.
    int tipCheckIntervalMs = 30000;
    int tipCheckMinGapMs = 2000;
};

// What the protocol asks of the engine.
struct NetHooks {
    std::function<void(const QHostAddress&, qint64 seconds, const QString& reason)> ban;
    std::function<bool(const QHostAddress&)> isBanned;
    std::function<PeerId(const QString& host, quint16 port)> dial;
    std::function<void(const AcceptResult&)> chainChanged;  // after a peer's block moved the tip
    // A peer's transaction for the mempool (the engine relays it when accepted), and the
    // pending transaction with an id, to answer requests.
    std::function<TxCheck(const Bytes& raw, PeerId from)> transactionReceived;
    std::function<std::optional<Bytes>(const Hash256& id)> pendingTransaction;
    // A pruned block's body (and photo) that fetchBody() asked a peer for.
    std::function<void(const Hash256& hash, const Bytes& block, const Bytes& photo)> prunedBodyArrived;
};

class NetProcessing : public QObject, public LinkEvents {
    Q_OBJECT
public:
    NetProcessing(NetSettings settings, Chain& chain, ChainStore& store, storage::RedisPeerStore& catalogue,
                  const crypto::Ed25519Key& nodeKey, Logger& log, LinkControl& links, NetHooks hooks);

    void start();
    // Tells every peer about blocks that joined our active chain (mined here or relayed).
    void announce(const std::vector<Hash256>& blocks, PeerId except = 0);
    // Tells every peer about transactions that joined our mempool.
    void announceTransactions(const std::vector<Hash256>& ids, PeerId except = 0);
    void disconnect(PeerId peer, const QString& reason);
    void disconnectAddress(const QHostAddress& address, const QString& reason);
    QList<PeerInfo> peerTable() const;
    // Mobile nodes: asks full peers for a pruned block's body (once per kRefetchTimeoutMs).
    void fetchBody(const Hash256& hash);
    // Mobile nodes: starts a tip cross-check round unless one started moments ago.
    void checkTip();
    const TipCheckInfo& tipCheck() const { return tipCheck_.info(); }

    // LinkEvents
    void linkOpened(const LinkInfo& link) override;
    void frameReceived(PeerId peer, const QByteArray& frame) override;
    void linkMisbehaved(PeerId peer, int score, const QString& reason) override;
    void linkClosed(PeerId peer, const QString& reason) override;
    void dialFailed(const QString& host, quint16 port, const QString& reason) override;

private:
    struct Peer {
        LinkInfo link;
        QString dialedHost;                 // outbound: the host:port we dialled
        quint16 dialedPort = 0;
        bool handshaken = false;
        qint64 openedAtMs = 0;
        WirePack pack;
        Hash256 nodeId{};
        int misbehaviour = 0;
        quint64 pingNonce = 0;
        qint64 pingSentMs = 0;
        qint64 nextPingMs = 0;
        double pingMs = -1;
        std::set<Hash256> blocksInFlight;
        std::set<Hash256> txsInFlight;
        qint64 downloadDeadlineMs = 0;      // the next requested block is due by then
        int unconnectingHeaders = 0;
        uint64_t bestKnownHeight = 0;       // highest block we know the peer has
    };
    struct DialTarget {
        QString host;
        quint16 port = 0;
        int failures = 0;
        qint64 nextAttemptMs = 0;
        bool seed = false;
    };

    void send(PeerId peer, const Message& message);
    void misbehave(PeerId peer, int score, const QString& reason);
    void refuse(PeerId peer, const QString& code, const QString& reason);
    void tick();
    void maintainPeers();
    void handleFrame(PeerId peer, const QByteArray& frame);
    void maintainOutbound();
    void noteCandidate(const QString& host, quint16 port, bool seed);
    QString keyFor(const QString& host, quint16 port) const { return host + ':' + QString::number(port); }

    void onHello(Peer& peer, const Hello& hello);
    void onPeers(Peer& peer, const Peers& peers);
    void onAnnounce(Peer& peer, const Announce& announce);
    void onInventory(Peer& peer, const Inventory& inventory);
    void onGetHeaders(Peer& peer, const GetHeaders& request);
    void onHeaders(Peer& peer, const Headers& headers);
    void onGetBlocks(Peer& peer, const GetBlocks& request);
    void onBlock(Peer& peer, const BlockMessage& message);
    void onGetPhoto(Peer& peer, const GetPhoto& request);
    void onGetTransactions(Peer& peer, const GetTransactions& request);
    void onTransaction(Peer& peer, const TransactionMessage& message);
    void onGetTip(Peer& peer, const GetTip& request);
    void onTip(Peer& peer, const TipMessage& answer);
    void startTipRound();
    bool servesBodies(const Peer& peer) const { return peer.handshaken && peer.pack.type != "mobile"; }
    void requestHeaders(Peer& peer, const std::vector<Hash256>& extraLocator = {});
    void requestBodies();
    void notePeerHas(Peer& peer, const Hash256& block);
    Hello makeHello() const;

    NetSettings settings_;
    Chain& chain_;
    ChainStore& store_;
    storage::RedisPeerStore& catalogue_;
    const crypto::Ed25519Key& nodeKey_;
    Logger& log_;
    LinkControl& links_;
    NetHooks hooks_;
    const quint64 helloNonce_;
    Hash256 ownId_{};
    std::map<PeerId, Peer> peers_;
    std::map<QString, DialTarget> targets_;  // by host:port
    std::map<PeerId, QString> dialing_;       // outbound connections still opening
    std::set<QString> selfAddresses_;         // host:port that turned out to be us
    qint64 nextPeerQueryMs_ = 0;
    std::optional<Hash256> headId_;           // the first head we met; another one is flagged
    TipCrossCheck tipCheck_;
    bool tipCheckWanted_ = false;             // a new tip or full peer came too soon after the last round
    std::map<Hash256, qint64> refetching_;    // pruned bodies asked for, with the time asked
    QTimer tick_;
};

} // namespace pb::net
