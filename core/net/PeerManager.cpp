#include "core/net/PeerManager.h"

#include "core/net/MessageCodec.h"
#include "core/net/NetGroup.h"
#include "core/net/NodePack.h"

#include <QRandomGenerator>

namespace pb::net {

namespace {

constexpr qint64 kPeerQueryIntervalMs = 5'000;

SyncSettings syncSettingsOf(const NetSettings& net)
{
    SyncSettings sync;
    sync.maxBlocksInFlightPerPeer = net.maxBlocksInFlightPerPeer;
    sync.blockDownloadTimeoutMs = net.blockDownloadTimeoutMs;
    sync.misbehaviourThreshold = net.misbehaviourThreshold;
    sync.minimumChainWork = net.minimumChainWork;
    return sync;
}

} // namespace

PeerManager::PeerManager(NetSettings settings, Chain& chain, ChainStore& store, std::unique_ptr<NodeCatalogue> catalogue,
                         const crypto::Ed25519Key& nodeKey, Logger& log, LinkControl& links, NetHooks hooks, Clock clock)
    : settings_(std::move(settings)), chain_(chain), catalogue_(std::move(catalogue)), nodeKey_(nodeKey), log_(log),
      links_(links), hooks_(std::move(hooks)), ownId_(nodeIdForKey(nodeKey.publicKey())),
      channel_(links, std::move(clock), [this](PeerId peer, int score, const QString& reason) { misbehave(peer, score, reason); }),
      addresses_({settings_.listenPort, settings_.targetOutbound}, ownId_, *catalogue_, channel_, log,
                 {hooks_.dial, hooks_.dialSlotFree, hooks_.isBanned},
                 [](quint64 bound) { return QRandomGenerator::global()->bounded(bound); }),
      sync_(syncSettingsOf(settings_),
            chain,
            store, channel_, log,
            {[this](const AcceptResult& r, PeerId from) {
                 std::vector<Hash256> connected;
                 for (const BlockIndexEntry& e : r.connected) connected.push_back(e.hash);
                 hooks_.chainChanged(r);
                 relay_.announce(connected, from);
             },
             hooks_.prunedBodyArrived, hooks_.checkPhoto}),
      heights_(chain, sync_),
      server_(settings_.serving, chain, store, channel_, [this](PeerId peer, const Hash256& block) { heights_.blockServed(peer, block); }),
      relay_(store, sync_, channel_, log, {hooks_.transactionReceived, hooks_.pendingTransaction}),
      compact_(chain.params(), store, channel_, log,
               {hooks_.pendingTransfers, [this](PeerId from, const BlockMessage& block) { sync_.onBlock(from, block); }}),
      tipRounds_({settings_.nodeType == "mobile", settings_.tipCheckIntervalMs, settings_.tipCheckMinGapMs}, chain, store,
                 channel_, sync_, log),
      tick_(this)
{
    tick_.setInterval(1000);
    connect(&tick_, &QTimer::timeout, this, &PeerManager::tick);
}

void PeerManager::start()
{
    addresses_.addSeeds(settings_.seeds);
    addresses_.loadCatalogue();
    tick_.start();
    maintainOutbound();
}

Hello PeerManager::makeHello(quint64 nonce) const
{
    NodePack pack;
    pack.type = settings_.nodeType;
    pack.port = settings_.listenPort;
    pack.userAgent = QString("photoblocks/%1").arg(PB_VERSION);
    pack.bestHeight = chain_.tip().height;
    pack.signWith(nodeKey_);
    Hello hello;
    hello.genesis = chain_.params().genesisHash();
    hello.nonce = nonce;
    hello.pack = toWire(pack);
    return hello;
}

void PeerManager::linkOpened(const LinkInfo& link)
{
    Peer& peer = peers_[link.id];
    peer.link = link;
    peer.openedAtMs = channel_.nowMs();
    peer.dialed = addresses_.linkOpened(link.id);
    peer.helloNonce = QRandomGenerator::system()->generate64();
    channel_.send(link.id, makeHello(peer.helloNonce));
}

void PeerManager::linkClosed(PeerId id, const QString& reason)
{
    const auto it = peers_.find(id);
    if (it == peers_.end()) {
        addresses_.linkClosed(id, std::nullopt);
        return;
    }
    if (it->second.handshaken)
        log_.info(QString("peer %1 (%2) disconnected: %3")
                      .arg(hexOf(it->second.nodeId).left(16), it->second.link.address.toString(), reason));
    tipRounds_.peerGone(id);
    sync_.peerGone(id);
    server_.peerGone(id);
    relay_.peerGone(id);
    compact_.peerGone(id);
    addresses_.linkClosed(id, it->second.dialed);
    peers_.erase(it);
}

void PeerManager::dialFailed(const QString& host, quint16 port, const QString& reason)
{
    addresses_.dialFailed(host, port, reason);
}

void PeerManager::misbehave(PeerId id, int score, const QString& reason)
{
    const auto it = peers_.find(id);
    if (it == peers_.end()) return;
    Peer& peer = it->second;
    peer.misbehaviour += score;
    log_.warning(QString("peer %1 misbehaved (+%2 = %3): %4")
                     .arg(peer.link.address.toString()).arg(score).arg(peer.misbehaviour).arg(reason));
    if (peer.misbehaviour < settings_.misbehaviourThreshold) return;
    const QHostAddress address = peer.link.address;
    hooks_.ban(address, settings_.banSeconds, reason);
    disconnectAddress(address, "banned: " + reason);
}

void PeerManager::refuse(PeerId peer, const QString& code, const QString& reason)
{
    Reject reject;
    reject.code = code;
    reject.reason = reason;
    channel_.send(peer, reject);
    log_.info(QString("refused peer %1: %2").arg(peers_[peer].link.address.toString(), reason));
    links_.disconnect(peer, reason);
}

void PeerManager::disconnectAddress(const QHostAddress& address, const QString& reason)
{
    std::vector<PeerId> matching;
    for (const auto& [id, peer] : peers_)
        if (peer.link.address.isEqual(address, QHostAddress::TolerantConversion)) matching.push_back(id);
    for (PeerId id : matching) links_.disconnect(id, reason);
}

void PeerManager::frameReceived(PeerId id, const QByteArray& frame)
{
    // Storage trouble must not take the node down with it: the engine reconnects and reloads.
    try {
        handleFrame(id, frame);
    } catch (const StoreError& e) {
        log_.error(QString("storage failed while handling a peer message: %1").arg(e.what()));
    }
}

void PeerManager::handleFrame(PeerId id, const QByteArray& frame)
{
    const auto it = peers_.find(id);
    if (it == peers_.end()) return;
    Peer& peer = it->second;
    QString error;
    const auto message = decode(frame, &error);
    if (!message) {
        misbehave(id, 50, "malformed message: " + error);
        return;
    }
    if (!peer.handshaken) {
        if (const auto* hello = std::get_if<Hello>(&*message); hello && !peer.helloSeen) onHello(peer, *hello);
        else if (const auto* proof = std::get_if<HelloProof>(&*message); proof && peer.helloSeen) onHelloProof(peer, *proof);
        else misbehave(id, 50, QString("%1 before the handshake").arg(messageName(*message)));
        return;
    }
    dispatch(peer, *message);
}

void PeerManager::dispatch(Peer& peer, const Message& message)
{
    const PeerId id = peer.link.id;
    std::visit([&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, Hello>) misbehave(id, 20, "second hello");
        else if constexpr (std::is_same_v<T, HelloProof>) misbehave(id, 20, "second handshake proof");
        else if constexpr (std::is_same_v<T, Ping>) channel_.send(id, Pong{m.nonce});
        else if constexpr (std::is_same_v<T, Pong>) onPong(peer, m);
        else if constexpr (std::is_same_v<T, GetPeers>) channel_.send(id, addresses_.knownPeers());
        else if constexpr (std::is_same_v<T, Peers>) {
            const QByteArray source = netGroup(peer.link.address);
            for (const PeerAddress& a : m.peers) addresses_.noteNode(a.host, a.port, a.nodeId, source);
        } else if constexpr (std::is_same_v<T, Announce>) onAnnounce(peer, m);
        else if constexpr (std::is_same_v<T, Inventory>) {
            relay_.onInventory(id, m);
            sync_.onBlockInventory(id, m.blocks);
        } else if constexpr (std::is_same_v<T, GetHeaders>) {
            heights_.onGetHeaders(id, m);
            server_.onGetHeaders(id, m);
        } else if constexpr (std::is_same_v<T, Headers>) sync_.onHeaders(id, m);
        else if constexpr (std::is_same_v<T, GetBlocks>) server_.onGetBlocks(id, m);
        else if constexpr (std::is_same_v<T, BlockMessage>) sync_.onBlock(id, m);
        else if constexpr (std::is_same_v<T, NotFound>) {
            sync_.onNotFound(id, m);
            relay_.onNotFound(id, m);
        } else if constexpr (std::is_same_v<T, GetPhoto>) server_.onGetPhoto(id, m);
        else if constexpr (std::is_same_v<T, GetTransactions>) relay_.onGetTransactions(id, m);
        else if constexpr (std::is_same_v<T, TransactionMessage>) relay_.onTransaction(id, m);
        else if constexpr (std::is_same_v<T, CompactBlock>) compact_.onCompactBlock(id, m);
        else if constexpr (std::is_same_v<T, GetBlockTransactions>) compact_.onGetBlockTransactions(id, m);
        else if constexpr (std::is_same_v<T, BlockTransactions>) compact_.onBlockTransactions(id, m);
        else if constexpr (std::is_same_v<T, GetTip>) tipRounds_.onGetTip(id, m);
        else if constexpr (std::is_same_v<T, TipMessage>) {
            heights_.onTip(id, m);
            tipRounds_.onTip(id, m, describe(peer));
        } else if constexpr (std::is_same_v<T, PhotoMessage>) misbehave(id, 10, "unrequested photo");
        else if constexpr (std::is_same_v<T, Reject>)
            log_.info(QString("peer %1 rejected something: %2 (%3)").arg(peer.link.address.toString(), m.code, m.reason));
    }, message);
}

void PeerManager::onHello(Peer& peer, const Hello& hello)
{
    const PeerId id = peer.link.id;
    // Nonces are per connection: one of our own on another link means we reached ourselves.
    const bool ours = std::any_of(peers_.begin(), peers_.end(),
                                  [&](const auto& entry) { return entry.second.helloNonce == hello.nonce; });
    if (ours) {
        if (peer.dialed) addresses_.markSelf(*peer.dialed);
        refuse(id, "self_connection", "connected to ourselves");
        return;
    }
    if (hello.genesis != chain_.params().genesisHash()) {
        Reject reject{"wrong_network", "this node is on network " + QString::fromStdString(chain_.params().name), {}};
        channel_.send(id, reject);
        misbehave(id, settings_.misbehaviourThreshold, "wrong network (genesis " + hexOf(hello.genesis).left(16) + ")");
        return;
    }
    if (hello.pack.protocolVersion != kProtocolVersion) {
        refuse(id, "wrong_version", QString("protocol version %1, this node speaks %2").arg(hello.pack.protocolVersion).arg(kProtocolVersion));
        return;
    }
    const NodePack pack = fromWire(hello.pack);
    if (hello.pack.key.size() != 32 || hello.pack.signature.size() != 64 || !pack.verify()) {
        misbehave(id, settings_.misbehaviourThreshold, "node pack signature does not verify");
        return;
    }
    // The pack says who; the peer's HelloProof must show it holds that key on this connection.
    peer.helloSeen = true;
    peer.pack = hello.pack;
    channel_.send(id, proveHandshake(nodeKey_, chain_.params().genesisHash(), hello.nonce, pack.id));
}

void PeerManager::onHelloProof(Peer& peer, const HelloProof& proof)
{
    const NodePack pack = fromWire(peer.pack);
    if (!verifyHandshake(pack, chain_.params().genesisHash(), peer.helloNonce, ownId_, proof)) {
        misbehave(peer.link.id, settings_.misbehaviourThreshold,
                  "handshake proof does not verify: a replayed node pack, or not this network");
        return;
    }
    for (const auto& [otherId, other] : peers_) {
        if (otherId == peer.link.id || !other.handshaken || other.nodeId != pack.id) continue;
        // Two nodes that dial each other at once end up with a link each way. Both sides keep
        // the one the lower node id dialled, so they agree whichever handshake finished first.
        const bool keepOutbound = ownId_ < pack.id;
        const bool newIsKept = other.link.direction != peer.link.direction
                               && (peer.link.direction == Direction::Outbound) == keepOutbound;
        if (!newIsKept) {
            refuse(peer.link.id, "duplicate", "already connected to node " + hexOf(pack.id).left(16));
            return;
        }
        links_.disconnect(otherId, "duplicate: the link the other way is kept");
        break;
    }
    completeHandshake(peer, pack);
}

void PeerManager::completeHandshake(Peer& peer, const NodePack& pack)
{
    const PeerId id = peer.link.id;
    peer.handshaken = true;
    peer.nextPingMs = channel_.nowMs() + 1000;
    peer.nodeId = pack.id;
    if (pack.type == "head") {
        const Hash256 knownHead = settings_.nodeType == "head" ? ownId_ : headId_.value_or(pack.id);
        if (knownHead != pack.id)
            log_.warning(QString("node %1 claims to be the head of this network, but %2 is; there must be only one")
                             .arg(hexOf(pack.id).left(16), hexOf(knownHead).left(16)));
        else
            headId_ = pack.id;
    }
    const bool servesBodies = pack.type != "mobile";
    sync_.peerReady(id, servesBodies, peer.pack.bestHeight);
    relay_.peerReady(id);

    const QString host = peer.dialed ? peer.dialed->host : peer.link.address.toString();
    addresses_.recordVerified(pack, host, peer.dialed.has_value());
    log_.info(QString("peer %1 connected: %2 %3 at %4, height %5")
                  .arg(hexOf(pack.id).left(16), pack.type, peer.link.direction == Direction::Inbound ? "inbound" : "outbound",
                       host + ':' + QString::number(pack.port))
                  .arg(pack.bestHeight));
    channel_.send(id, GetPeers{});
    sync_.requestHeaders(id);
    if (servesBodies) tipRounds_.checkTip();  // a new full peer may see another chain: ask it soon
}

void PeerManager::onAnnounce(Peer& peer, const Announce& announce)
{
    const NodePack pack = fromWire(announce.pack);
    if (!pack.verify()) {
        misbehave(peer.link.id, 20, "announced a node pack whose signature does not verify");
        return;
    }
    if (pack.port != 0) addresses_.noteNode(announce.host, pack.port, pack.id, netGroup(peer.link.address));
}

void PeerManager::onPong(Peer& peer, const Pong& pong)
{
    if (pong.nonce == peer.pingNonce && peer.pingSentMs > 0) {
        peer.pingMs = double(channel_.nowMs() - peer.pingSentMs);
        peer.pingSentMs = 0;
    }
}

QString PeerManager::describe(const Peer& peer) const
{
    return QString("%1 (%2)").arg(hexOf(peer.nodeId).left(16), peer.pack.type);
}

void PeerManager::tick()
{
    try {
        maintainPeers();
    } catch (const StoreError& e) {
        log_.error(QString("storage failed during peer upkeep: %1").arg(e.what()));
    }
}

void PeerManager::maintainPeers()
{
    const qint64 now = channel_.nowMs();
    sync_.expireDownloads();
    server_.serveHeld();
    std::vector<PeerId> expired;
    for (auto& [id, peer] : peers_) {
        if (!peer.handshaken) {
            if (now - peer.openedAtMs > settings_.handshakeTimeoutMs) expired.push_back(id);
            continue;
        }
        if (peer.pingSentMs != 0 && now - peer.pingSentMs > 2 * settings_.pingIntervalMs) {
            expired.push_back(id);
        } else if (peer.pingSentMs == 0 && now >= peer.nextPingMs) {
            peer.pingNonce = QRandomGenerator::global()->generate64();
            peer.pingSentMs = now;
            peer.nextPingMs = now + settings_.pingIntervalMs;
            channel_.send(id, Ping{peer.pingNonce});
        }
    }
    for (PeerId id : expired) links_.disconnect(id, "no handshake or pong in time");
    tipRounds_.tick();
    askForAddresses(now);
    maintainOutbound();
    sync_.connectRun();
    sync_.requestBodies();
}

// Short of outbound peers: ask one peer for more now and then, not only at the handshake.
void PeerManager::askForAddresses(qint64 now)
{
    if (now < nextPeerQueryMs_) return;
    nextPeerQueryMs_ = now + kPeerQueryIntervalMs;
    int outbound = 0;
    PeerId someone = 0;
    for (const auto& [id, peer] : peers_) {
        if (peer.link.direction == Direction::Outbound) ++outbound;
        if (peer.handshaken && (someone == 0 || QRandomGenerator::global()->bounded(2))) someone = id;
    }
    if (someone != 0 && outbound < settings_.targetOutbound) channel_.send(someone, GetPeers{});
}

void PeerManager::maintainOutbound()
{
    std::vector<Endpoint> connected;
    int outbound = 0;
    for (const auto& [id, peer] : peers_) {
        if (peer.link.direction == Direction::Outbound) ++outbound;
        if (peer.dialed) connected.push_back(*peer.dialed);
        if (peer.handshaken && peer.pack.port != 0) connected.push_back({peer.link.address.toString(), peer.pack.port});
    }
    addresses_.maintainOutbound(connected, outbound);
}

QList<PeerInfo> PeerManager::peerTable() const
{
    QList<PeerInfo> table;
    for (const auto& [id, peer] : peers_) {
        PeerInfo p;
        p.connectionId = id;
        p.nodeId = peer.handshaken ? hexOf(peer.nodeId) : QString();
        p.address = peer.link.address.toString() + ':' + QString::number(peer.link.port);
        p.type = peer.pack.type;
        if (p.type == "head" && headId_ && *headId_ != peer.nodeId) p.type = "head (disputed)";
        if (p.type == "head" && settings_.nodeType == "head") p.type = "head (disputed)";
        p.direction = peer.link.direction == Direction::Inbound ? "inbound" : "outbound";
        p.version = peer.pack.protocolVersion;
        p.userAgent = peer.pack.userAgent;
        // The handshake's height, or what it sent since.
        p.height = std::max<quint64>(peer.pack.bestHeight, sync_.knownHeight(id));
        p.pingMs = peer.pingMs;
        if (const auto info = links_.linkInfo(id)) {
            p.bytesIn = info->bytesIn;
            p.bytesOut = info->bytesOut;
        }
        p.misbehaviour = peer.misbehaviour;
        p.connectedSince = peer.openedAtMs / 1000;
        p.listenPort = peer.pack.port;
        table.push_back(p);
    }
    return table;
}

} // namespace pb::net
