#pragma once
// The protocol's front door: what peer messages mean and who handles them. PeerManager owns the
// peer table (one entry per open link), runs the handshake (network, version, signed node
// pack, self-connection, then each side's HelloProof over the other's per-connection nonce and
// the network, then duplicate node), pings, keeps misbehaviour scores and asks the engine
// to ban at the threshold, and dispatches every other message to the part that owns it:
//   AddressBook  dial targets, backoff, seeds, the node catalogue
//   BlockSync    headers-first sync, body download and deadlines, pruned bodies
//   BlockServer  serving headers, blocks and photos within each peer's budget
//   PeerHeights  how far each peer's chain reaches, from what it asks and its `tip`
//   Relay        block and transaction announcements, inventory, transactions
//   TipRounds    a mobile node's tip cross-check (TipCrossCheck.h)
// Connections themselves (sockets, limits) belong to the transport behind LinkControl.
// Lives on the engine thread. See docs/architecture-net.md.
#include "core/chain/Chain.h"
#include "core/chain/TransferRules.h"
#include "core/crypto/Ed25519.h"
#include "core/net/AddressBook.h"
#include "core/net/BlockServer.h"
#include "core/net/BlockSync.h"
#include "core/net/CompactBlockRelay.h"
#include "core/net/Messages.h"
#include "core/net/NodeCatalogue.h"
#include "core/net/PeerChannel.h"
#include "core/net/PeerHeights.h"
#include "core/net/PeerInfo.h"
#include "core/net/PeerLink.h"
#include "core/net/Relay.h"
#include "core/net/TipCrossCheck.h"
#include "core/util/Logger.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>
#include <optional>

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
    // What serving one peer's headers, blocks and photos may cost us (ServeBudget.h).
    ServeLimits serving;
    // Header branches with less work are not stored (HeaderPresync.h).
    Uint256 minimumChainWork;
};

// What the protocol asks of the engine.
struct NetHooks {
    std::function<void(const QHostAddress&, qint64 seconds, const QString& reason)> ban;
    std::function<bool(const QHostAddress&)> isBanned;
    std::function<PeerId(const QString& host, quint16 port)> dial;  // 0: that target cannot be dialled
    std::function<bool()> dialSlotFree;  // false while the transport has its most dials pending
    std::function<void(const AcceptResult&)> chainChanged;  // after a peer's block moved the tip
    // A peer's transaction for the mempool (the engine relays it when accepted), and the
    // pending transaction with an id, to answer requests.
    std::function<TxCheck(const Bytes& raw, PeerId from)> transactionReceived;
    std::function<std::optional<Bytes>(const Hash256& id)> pendingTransaction;
    // Every pending transaction, to rebuild peers' compact blocks from.
    net::PendingTransfers pendingTransfers;
    // A pruned block's body (and photo) that fetchBody() asked a peer for.
    std::function<void(const Hash256& hash, const Bytes& block, const Bytes& photo)> prunedBodyArrived;
    decltype(SyncHooks::checkPhoto) checkPhoto;  // the recognizer's verdict, off the engine thread
};

class PeerManager : public QObject, public LinkEvents {
    Q_OBJECT
public:
    PeerManager(NetSettings settings, Chain& chain, ChainStore& store, std::unique_ptr<NodeCatalogue> catalogue,
                const crypto::Ed25519Key& nodeKey, Logger& log, LinkControl& links, NetHooks hooks,
                Clock clock = systemClockMs);

    // Dials the seeds and the catalogue's nodes, and starts the once-a-second upkeep.
    void start();
    // Tells every peer about blocks that joined our active chain (mined here or relayed).
    void announce(const std::vector<Hash256>& blocks, PeerId except = 0) { relay_.announce(blocks, except); }
    // Tells every peer about transactions that joined our mempool.
    void announceTransactions(const std::vector<Hash256>& ids, PeerId except = 0)
    {
        relay_.announceTransactions(ids, except);
    }
    void disconnect(PeerId peer, const QString& reason) { links_.disconnect(peer, reason); }
    void disconnectAddress(const QHostAddress& address, const QString& reason);
    QList<PeerInfo> peerTable() const;
    // Mobile nodes: asks full peers for a pruned block's body (once per BlockSync::kRefetchTimeoutMs).
    void fetchBody(const Hash256& hash) { sync_.fetchBody(hash); }
    // Mobile nodes: starts a tip cross-check round unless one started moments ago.
    void checkTip() { tipRounds_.checkTip(); }
    const TipCheckInfo& tipCheck() const { return tipRounds_.info(); }
    // Sizes of the address book's tables and of the node catalogue (status and metrics).
    AddressBookSize addressBookSize() const
    {
        return {addresses_.table().newCount(), addresses_.table().triedCount(), addresses_.catalogueSize()};
    }

    // LinkEvents
    void linkOpened(const LinkInfo& link) override;
    void frameReceived(PeerId peer, const QByteArray& frame) override;
    void linkMisbehaved(PeerId peer, int score, const QString& reason) override { misbehave(peer, score, reason); }
    void linkClosed(PeerId peer, const QString& reason) override;
    void dialFailed(const QString& host, quint16 port, const QString& reason) override;

private:
    struct Peer {
        LinkInfo link;
        std::optional<Endpoint> dialed;     // outbound: the host:port we dialled
        quint64 helloNonce = 0;             // ours on this link: the challenge the peer signs
        bool helloSeen = false;             // its hello passed; its HelloProof completes the handshake
        bool handshaken = false;
        qint64 openedAtMs = 0;
        WirePack pack;
        Hash256 nodeId{};
        int misbehaviour = 0;
        quint64 pingNonce = 0;
        qint64 pingSentMs = 0;
        qint64 nextPingMs = 0;
        double pingMs = -1;
    };

    void misbehave(PeerId peer, int score, const QString& reason);
    void refuse(PeerId peer, const QString& code, const QString& reason);
    void handleFrame(PeerId peer, const QByteArray& frame);
    void dispatch(Peer& peer, const Message& message);
    void onHello(Peer& peer, const Hello& hello);
    void onHelloProof(Peer& peer, const HelloProof& proof);
    void completeHandshake(Peer& peer, const NodePack& pack);
    void onAnnounce(Peer& peer, const Announce& announce);
    void onPong(Peer& peer, const Pong& pong);
    Hello makeHello(quint64 nonce) const;
    QString describe(const Peer& peer) const;
    void tick();
    void maintainPeers();
    void askForAddresses(qint64 now);
    void maintainOutbound();

    NetSettings settings_;
    Chain& chain_;
    std::unique_ptr<NodeCatalogue> catalogue_;
    const crypto::Ed25519Key& nodeKey_;
    Logger& log_;
    LinkControl& links_;
    NetHooks hooks_;
    const Hash256 ownId_;
    PeerChannel channel_;
    AddressBook addresses_;
    BlockSync sync_;
    PeerHeights heights_;
    BlockServer server_;
    Relay relay_;
    CompactBlockRelay compact_;
    TipRounds tipRounds_;
    std::map<PeerId, Peer> peers_;
    qint64 nextPeerQueryMs_ = 0;
    std::optional<Hash256> headId_;           // the first head we met; another one is flagged
    QTimer tick_;
};

} // namespace pb::net
