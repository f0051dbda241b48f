#include "core/net/NetProcessing.h"

#include "core/net/MessageCodec.h"
#include "core/net/NodePack.h"
#include "core/storage/RedisPeerStore.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace pb::net {

namespace {

constexpr size_t kMaxPeersAnswered = 200;
constexpr qint64 kMaxBackoffMs = 60'000;
constexpr qint64 kPeerQueryIntervalMs = 5'000;
constexpr qint64 kRefetchTimeoutMs = 10'000;
constexpr size_t kMaxTipPeersAsked = 8;
constexpr qint64 kUnsettledTipCheckMs = 5'000;

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }
uint64_t nowSeconds() { return uint64_t(QDateTime::currentSecsSinceEpoch()); }
QString hex(const Hash256& h) { return QString::fromStdString(toHex(h)); }

// Block errors that say the sender is lying rather than that we lack context or time.
bool provesMisbehaviour(BlockError e)
{
    switch (e) {
    case BlockError::UnknownParent:
    case BlockError::TimeTooNew:
    case BlockError::PhotoMissing:
    case BlockError::PhotoUnverifiable:  // our recognizer is not the network's: not the peer's fault
    case BlockError::ReorgTooDeep:
        return false;
    default:
        return true;
    }
}

} // namespace

NetProcessing::NetProcessing(NetSettings settings, Chain& chain, ChainStore& store, storage::RedisPeerStore& catalogue,
                             const crypto::Ed25519Key& nodeKey, Logger& log, LinkControl& links, NetHooks hooks)
    : settings_(std::move(settings)), chain_(chain), store_(store), catalogue_(catalogue), nodeKey_(nodeKey), log_(log),
      links_(links), hooks_(std::move(hooks)), helloNonce_(QRandomGenerator::system()->generate64()),
      ownId_(nodeIdForKey(nodeKey.publicKey())), tick_(this)
{
    tick_.setInterval(1000);
    connect(&tick_, &QTimer::timeout, this, &NetProcessing::tick);
}

void NetProcessing::start()
{
    for (const QString& seed : settings_.seeds) {
        const int colon = seed.lastIndexOf(':');
        noteCandidate(seed.left(colon), quint16(seed.mid(colon + 1).toUInt()), true);
    }
    try {
        for (const storage::NodeRecord& n : catalogue_.nodes(256))
            if (n.port != 0 && !n.host.isEmpty() && n.id != ownId_) noteCandidate(n.host, n.port, false);
    } catch (const StoreError& e) {
        log_.warning(QString("cannot read the node catalogue: %1").arg(e.what()));
    }
    tick_.start();
    maintainOutbound();
}

Hello NetProcessing::makeHello() const
{
    NodePack pack;
    pack.type = settings_.nodeType;
    pack.port = settings_.listenPort;
    pack.userAgent = QString("photoblocks/%1").arg(PB_VERSION);
    pack.bestHeight = chain_.tip().height;
    pack.signWith(nodeKey_);
    Hello hello;
    hello.genesis = chain_.params().genesisHash();
    hello.nonce = helloNonce_;
    hello.pack = toWire(pack);
    return hello;
}

void NetProcessing::send(PeerId peer, const Message& message) { links_.send(peer, encode(message)); }

void NetProcessing::linkOpened(const LinkInfo& link)
{
    Peer& peer = peers_[link.id];
    peer.link = link;
    peer.openedAtMs = nowMs();
    if (const auto it = dialing_.find(link.id); it != dialing_.end()) {
        const int colon = it->second.lastIndexOf(':');
        peer.dialedHost = it->second.left(colon);
        peer.dialedPort = quint16(it->second.mid(colon + 1).toUInt());
        dialing_.erase(it);
    }
    send(link.id, makeHello());
}

void NetProcessing::linkClosed(PeerId id, const QString& reason)
{
    dialing_.erase(id);
    const auto it = peers_.find(id);
    if (it == peers_.end()) return;
    if (it->second.handshaken)
        log_.info(QString("peer %1 (%2) disconnected: %3")
                      .arg(hex(it->second.nodeId).left(16), it->second.link.address.toString(), reason));
    tipCheck_.peerGone(id, nowMs());
    if (!it->second.dialedHost.isEmpty()) {
        DialTarget& t = targets_[keyFor(it->second.dialedHost, it->second.dialedPort)];
        t.nextAttemptMs = nowMs() + std::min<qint64>(kMaxBackoffMs, 1000LL << std::min(t.failures, 6));
    }
    peers_.erase(it);
}

void NetProcessing::dialFailed(const QString& host, quint16 port, const QString& reason)
{
    for (auto it = dialing_.begin(); it != dialing_.end();)
        it = it->second == keyFor(host, port) ? dialing_.erase(it) : std::next(it);
    DialTarget& t = targets_[keyFor(host, port)];
    ++t.failures;
    t.nextAttemptMs = nowMs() + std::min<qint64>(kMaxBackoffMs, 500LL << std::min(t.failures, 7));
    if (t.failures == 1 || t.seed) log_.info(QString("cannot reach %1:%2: %3").arg(host).arg(port).arg(reason));
}

void NetProcessing::linkMisbehaved(PeerId peer, int score, const QString& reason) { misbehave(peer, score, reason); }

void NetProcessing::misbehave(PeerId id, int score, const QString& reason)
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

void NetProcessing::refuse(PeerId peer, const QString& code, const QString& reason)
{
    Reject reject;
    reject.code = code;
    reject.reason = reason;
    send(peer, reject);
    log_.info(QString("refused peer %1: %2").arg(peers_[peer].link.address.toString(), reason));
    links_.disconnect(peer, reason);
}

void NetProcessing::disconnect(PeerId peer, const QString& reason) { links_.disconnect(peer, reason); }

void NetProcessing::disconnectAddress(const QHostAddress& address, const QString& reason)
{
    std::vector<PeerId> matching;
    for (const auto& [id, peer] : peers_)
        if (peer.link.address.isEqual(address, QHostAddress::TolerantConversion)) matching.push_back(id);
    for (PeerId id : matching) links_.disconnect(id, reason);
}

void NetProcessing::frameReceived(PeerId id, const QByteArray& frame)
{
    // Storage trouble must not take the node down with it: the engine reconnects and reloads.
    try {
        handleFrame(id, frame);
    } catch (const StoreError& e) {
        log_.error(QString("storage failed while handling a peer message: %1").arg(e.what()));
    }
}

void NetProcessing::handleFrame(PeerId id, const QByteArray& frame)
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
        if (const auto* hello = std::get_if<Hello>(&*message)) onHello(peer, *hello);
        else misbehave(id, 50, QString("%1 before the handshake").arg(messageName(*message)));
        return;
    }
    std::visit([&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, Hello>) misbehave(id, 20, "second hello");
        else if constexpr (std::is_same_v<T, Ping>) send(id, Pong{m.nonce});
        else if constexpr (std::is_same_v<T, Pong>) {
            if (m.nonce == peer.pingNonce && peer.pingSentMs > 0) {
                peer.pingMs = double(nowMs() - peer.pingSentMs);
                peer.pingSentMs = 0;
            }
        } else if constexpr (std::is_same_v<T, GetPeers>) {
            Peers answer;
            for (const storage::NodeRecord& n : catalogue_.nodes(kMaxPeersAnswered))
                if (n.port != 0 && !n.host.isEmpty()) answer.peers.push_back({n.host, n.port, n.id, n.type, n.seen});
            send(id, answer);
        } else if constexpr (std::is_same_v<T, Peers>) onPeers(peer, m);
        else if constexpr (std::is_same_v<T, Announce>) onAnnounce(peer, m);
        else if constexpr (std::is_same_v<T, Inventory>) onInventory(peer, m);
        else if constexpr (std::is_same_v<T, GetHeaders>) onGetHeaders(peer, m);
        else if constexpr (std::is_same_v<T, Headers>) onHeaders(peer, m);
        else if constexpr (std::is_same_v<T, GetBlocks>) onGetBlocks(peer, m);
        else if constexpr (std::is_same_v<T, BlockMessage>) onBlock(peer, m);
        else if constexpr (std::is_same_v<T, NotFound>) {
            for (const Hash256& h : m.hashes) {
                if (!peer.blocksInFlight.erase(h)) continue;
                if (const auto entry = store_.indexEntry(h); entry && entry->height > 0)
                    peer.bestKnownHeight = std::min(peer.bestKnownHeight, entry->height - 1);
            }
            for (const Hash256& h : m.hashes) peer.txsInFlight.erase(h);
            for (const Hash256& h : m.hashes) refetching_.erase(h);
        } else if constexpr (std::is_same_v<T, GetPhoto>) onGetPhoto(peer, m);
        else if constexpr (std::is_same_v<T, GetTransactions>) onGetTransactions(peer, m);
        else if constexpr (std::is_same_v<T, TransactionMessage>) onTransaction(peer, m);
        else if constexpr (std::is_same_v<T, GetTip>) onGetTip(peer, m);
        else if constexpr (std::is_same_v<T, TipMessage>) onTip(peer, m);
        else if constexpr (std::is_same_v<T, PhotoMessage>) misbehave(id, 10, "unrequested photo");
        else if constexpr (std::is_same_v<T, Reject>)
            log_.info(QString("peer %1 rejected something: %2 (%3)").arg(peer.link.address.toString(), m.code, m.reason));
    }, *message);
}

void NetProcessing::onHello(Peer& peer, const Hello& hello)
{
    const PeerId id = peer.link.id;
    if (hello.nonce == helloNonce_) {
        if (!peer.dialedHost.isEmpty()) selfAddresses_.insert(keyFor(peer.dialedHost, peer.dialedPort));
        refuse(id, "self_connection", "connected to ourselves");
        return;
    }
    if (hello.genesis != chain_.params().genesisHash()) {
        Reject reject{"wrong_network", "this node is on network " + QString::fromStdString(chain_.params().name), {}};
        send(id, reject);
        misbehave(id, settings_.misbehaviourThreshold, "wrong network (genesis " + hex(hello.genesis).left(16) + ")");
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
    for (const auto& [otherId, other] : peers_) {
        if (otherId != id && other.handshaken && other.nodeId == pack.id) {
            refuse(id, "duplicate", "already connected to node " + hex(pack.id).left(16));
            return;
        }
    }
    peer.handshaken = true;
    peer.bestKnownHeight = hello.pack.bestHeight;
    peer.nextPingMs = nowMs() + 1000;
    peer.pack = hello.pack;
    peer.nodeId = pack.id;
    if (pack.type == "head") {
        const Hash256 knownHead = settings_.nodeType == "head" ? ownId_ : headId_.value_or(pack.id);
        if (knownHead != pack.id)
            log_.warning(QString("node %1 claims to be the head of this network, but %2 is; there must be only one")
                             .arg(hex(pack.id).left(16), hex(knownHead).left(16)));
        else
            headId_ = pack.id;
    }

    storage::NodeRecord record;
    record.id = pack.id;
    record.pack = pack.signedBytes();
    record.signature.assign(pack.signature.begin(), pack.signature.end());
    record.host = peer.dialedHost.isEmpty() ? peer.link.address.toString() : peer.dialedHost;
    record.port = pack.port;
    record.type = pack.type;
    record.seen = QDateTime::currentSecsSinceEpoch();
    try {
        catalogue_.saveNode(record);
    } catch (const StoreError& e) {
        log_.warning(QString("cannot record node %1: %2").arg(hex(pack.id).left(16), e.what()));
    }
    if (pack.port != 0) {
        DialTarget& t = targets_[keyFor(record.host, pack.port)];
        t.host = record.host;
        t.port = pack.port;
        t.failures = 0;
    }
    log_.info(QString("peer %1 connected: %2 %3 at %4, height %5")
                  .arg(hex(pack.id).left(16), pack.type, peer.link.direction == Direction::Inbound ? "inbound" : "outbound",
                       record.host + ':' + QString::number(pack.port))
                  .arg(pack.bestHeight));
    send(id, GetPeers{});
    requestHeaders(peer);
    if (servesBodies(peer)) checkTip();  // a new full peer may see another chain: ask it soon
}

void NetProcessing::onPeers(Peer& peer, const Peers& message)
{
    Q_UNUSED(peer);
    for (const PeerAddress& a : message.peers)
        if (a.port != 0 && !a.host.isEmpty() && a.nodeId != ownId_) noteCandidate(a.host, a.port, false);
}

void NetProcessing::onAnnounce(Peer& peer, const Announce& announce)
{
    const NodePack pack = fromWire(announce.pack);
    if (!pack.verify()) {
        misbehave(peer.link.id, 20, "announced a node pack whose signature does not verify");
        return;
    }
    if (pack.port != 0 && pack.id != ownId_) noteCandidate(announce.host, pack.port, false);
}

void NetProcessing::onInventory(Peer& peer, const Inventory& inventory)
{
    GetTransactions wanted;
    for (const Hash256& id : inventory.transactions) {
        if (peer.txsInFlight.size() >= kMaxInventoryPerMessage) break;
        if (hooks_.pendingTransaction(id) || !peer.txsInFlight.insert(id).second) continue;
        wanted.hashes.push_back(id);
    }
    if (!wanted.hashes.empty()) send(peer.link.id, wanted);
    for (const Hash256& h : inventory.blocks) {
        if (!chain_.knows(h)) {
            requestHeaders(peer);
            return;
        }
        notePeerHas(peer, h);
    }
}

void NetProcessing::requestHeaders(Peer& peer, const std::vector<Hash256>& extraLocator)
{
    GetHeaders request;
    request.locator = extraLocator;
    for (const Hash256& h : chain_.locator()) {
        if (request.locator.size() >= kMaxLocatorHashes) break;
        request.locator.push_back(h);
    }
    send(peer.link.id, request);
}

void NetProcessing::onGetHeaders(Peer& peer, const GetHeaders& request)
{
    Headers answer;
    answer.headers = chain_.headersAfter(request.locator, request.stop, kMaxHeadersPerMessage);
    send(peer.link.id, answer);
}

void NetProcessing::onHeaders(Peer& peer, const Headers& message)
{
    const uint64_t now = nowSeconds();
    bool progressed = false;
    Hash256 last{};
    for (const Bytes& raw : message.headers) {
        const auto header = BlockHeader::parse(raw.data(), raw.size());
        if (!header) {
            misbehave(peer.link.id, 50, "a header of the wrong size");
            return;
        }
        const HeaderResult r = chain_.acceptHeader(*header, now);
        if (!r.storageError.empty()) {
            log_.error(QString("cannot store headers: %1").arg(QString::fromStdString(r.storageError)));
            return;
        }
        if (r.validation.error == BlockError::UnknownParent) {
            // Headers that do not connect: the peer is on a branch we have not heard of; ask
            // again from our locator, but not forever.
            if (++peer.unconnectingHeaders > 8) misbehave(peer.link.id, 20, "headers that never connect");
            requestHeaders(peer);
            return;
        }
        if (!r.validation.ok()) {
            if (provesMisbehaviour(r.validation.error))
                misbehave(peer.link.id, settings_.misbehaviourThreshold,
                          QString("invalid header: %1").arg(blockErrorCode(r.validation.error)));
            return;
        }
        progressed = progressed || r.isNew;
        last = header->hash();
    }
    peer.unconnectingHeaders = 0;
    if (!message.headers.empty()) notePeerHas(peer, last);
    if (message.headers.size() == kMaxHeadersPerMessage) requestHeaders(peer, {last});
    if (progressed || !message.headers.empty()) requestBodies();
}

void NetProcessing::notePeerHas(Peer& peer, const Hash256& block)
{
    if (const auto entry = store_.indexEntry(block)) peer.bestKnownHeight = std::max(peer.bestKnownHeight, entry->height);
}

void NetProcessing::requestBodies()
{
    std::set<Hash256> inFlight;
    // A peer's download window is refilled once half of it has arrived, so requests go out in
    // batches rather than one per block received (which would flood a fast-serving peer).
    std::set<PeerId> refill;
    for (const auto& [id, peer] : peers_) {
        inFlight.insert(peer.blocksInFlight.begin(), peer.blocksInFlight.end());
        if (peer.handshaken && int(peer.blocksInFlight.size()) <= settings_.maxBlocksInFlightPerPeer / 2) refill.insert(id);
    }
    std::map<PeerId, GetBlocks> requests;
    for (const BlockIndexEntry& wanted : chain_.missingBodies(256)) {
        if (inFlight.count(wanted.hash)) continue;
        // Ask a peer known to have it, with room in its download window.
        for (auto& [id, peer] : peers_) {
            GetBlocks& request = requests[id];
            if (!refill.count(id) || !servesBodies(peer) || peer.bestKnownHeight < wanted.height
                || int(peer.blocksInFlight.size()) >= settings_.maxBlocksInFlightPerPeer
                || request.hashes.size() >= kMaxBlocksPerRequest)
                continue;
            if (peer.blocksInFlight.empty()) peer.downloadDeadlineMs = nowMs() + settings_.blockDownloadTimeoutMs;
            request.hashes.push_back(wanted.hash);
            peer.blocksInFlight.insert(wanted.hash);
            break;
        }
    }
    for (const auto& [id, request] : requests) {
        if (request.hashes.empty()) continue;
        links_.expectReplies(id, int(request.hashes.size()));
        send(id, request);
    }
}

void NetProcessing::onGetBlocks(Peer& peer, const GetBlocks& request)
{
    NotFound missing;
    for (const Hash256& h : request.hashes) {
        const auto bytes = store_.blockBytes(h);
        const auto block = bytes ? Block::parse(*bytes) : std::nullopt;
        if (!block) {
            missing.hashes.push_back(h);
            continue;
        }
        BlockMessage answer;
        answer.block = *bytes;
        if (block->photoHash) answer.photo = store_.photo(*block->photoHash).value_or(Bytes{});
        send(peer.link.id, answer);
    }
    if (!missing.hashes.empty()) send(peer.link.id, missing);
}

void NetProcessing::onBlock(Peer& peer, const BlockMessage& message)
{
    const auto header = message.block.size() >= BlockHeader::kSize
                            ? BlockHeader::parse(message.block.data(), BlockHeader::kSize)
                            : std::nullopt;
    if (!header) {
        misbehave(peer.link.id, settings_.misbehaviourThreshold, "a block too short to hold a header");
        return;
    }
    const Hash256 hash = header->hash();
    if (refetching_.erase(hash)) {
        hooks_.prunedBodyArrived(hash, message.block, message.photo);
        return;
    }
    // Unrequested blocks are welcome when they extend something we know: that is how new
    // blocks are pushed. Others are noise, mildly punished.
    const bool requested = peer.blocksInFlight.erase(hash) > 0;
    if (requested) peer.downloadDeadlineMs = nowMs() + settings_.blockDownloadTimeoutMs;
    if (!requested && !store_.indexEntry(header->prevHash)) {
        misbehave(peer.link.id, 5, "unrequested block " + hex(hash).left(16) + " on an unknown parent");
        requestHeaders(peer);
        return;
    }
    const AcceptResult r = chain_.submitBlock(message.block, message.photo.empty() ? nullptr : &message.photo, nowSeconds());
    if (!r.storageError.empty()) {
        log_.error(QString("cannot store block %1: %2").arg(hex(hash), QString::fromStdString(r.storageError)));
    } else if (!r.ok()) {
        if (provesMisbehaviour(r.validation.error))
            misbehave(peer.link.id, settings_.misbehaviourThreshold,
                      QString("invalid block %1: %2").arg(hex(hash).left(16), blockErrorCode(r.validation.error)));
        else if (r.validation.error == BlockError::UnknownParent)
            requestHeaders(peer);
        else if (r.validation.error == BlockError::ReorgTooDeep)
            log_.warning(QString("not following block %1 (reorg_too_deep): %2")
                             .arg(hex(hash).left(16), QString::fromStdString(r.validation.detail)));
        else if (r.validation.error == BlockError::PhotoUnverifiable)
            log_.warning(QString("cannot judge block %1 (photo_unverifiable): %2")
                             .arg(hex(hash).left(16), QString::fromStdString(r.validation.detail)));
    }
    // Even a rejected block may have let valid ancestors connect (when it failed in their branch).
    if (!r.connected.empty()) {
        if (r.ok()) { notePeerHas(peer, hash); links_.noteBlockRelayed(peer.link.id); }  // eviction protects it
        std::vector<Hash256> connected;
        for (const BlockIndexEntry& e : r.connected) connected.push_back(e.hash);
        hooks_.chainChanged(r);
        announce(connected, peer.link.id);
    }
    requestBodies();
}

void NetProcessing::onGetTransactions(Peer& peer, const GetTransactions& request)
{
    NotFound missing;
    for (const Hash256& id : request.hashes) {
        if (const auto raw = hooks_.pendingTransaction(id)) send(peer.link.id, TransactionMessage{*raw});
        else missing.hashes.push_back(id);
    }
    if (!missing.hashes.empty()) send(peer.link.id, missing);
}

void NetProcessing::onTransaction(Peer& peer, const TransactionMessage& message)
{
    const Hash256 id = txId(message.tx);
    peer.txsInFlight.erase(id);
    const TxCheck check = hooks_.transactionReceived(message.tx, peer.link.id);
    switch (check.error) {
    // Invalid everywhere, whatever the sender's account: the peer should never have relayed it.
    case TxError::Malformed:
    case TxError::Oversize:
    case TxError::NotATransfer:
    case TxError::WrongNetwork:
    case TxError::BadSignature:
    case TxError::ZeroAmount:
    case TxError::Dust:
    case TxError::Overflow:
        send(peer.link.id, Reject{txErrorCode(check.error), QString::fromStdString(check.detail), id});
        misbehave(peer.link.id, 50, QString("invalid transaction %1: %2: %3")
                                        .arg(hex(id).left(16), txErrorCode(check.error), QString::fromStdString(check.detail)));
        return;
    // Our policy or a race with blocks and other transfers: not the peer's fault.
    default: return;
    }
}

void NetProcessing::onGetTip(Peer& peer, const GetTip& request)
{
    TipMessage answer;
    answer.height = chain_.tip().height;
    answer.tip = chain_.tip().hash;
    if (request.height <= answer.height) answer.atHeight = store_.hashAtHeight(request.height).value_or(Hash256{});
    send(peer.link.id, answer);
}

void NetProcessing::onTip(Peer& peer, const TipMessage& answer)
{
    const auto asked = tipCheck_.roundTip();
    if (!asked) return;  // a late answer to a decided round
    const bool onOurChain = answer.height <= chain_.tip().height && store_.hashAtHeight(answer.height) == answer.tip;
    const TipVerdict verdict = judgeTip(asked->hash, answer, onOurChain);
    if (!tipCheck_.record(peer.link.id, verdict, nowMs())) return;
    if (verdict == TipVerdict::Disagrees)
        log_.warning(QString("peer %1 (%2) disagrees with our tip %3 at height %4: its tip is %5 at height %6")
                         .arg(hex(peer.nodeId).left(16), peer.pack.type, hex(asked->hash).left(16)).arg(asked->height)
                         .arg(hex(answer.tip).left(16)).arg(answer.height));
}

void NetProcessing::checkTip()
{
    if (settings_.nodeType != "mobile") return;
    tipCheckWanted_ = true;  // the tick starts it once the gap since the last round has passed
    if (nowMs() - tipCheck_.lastStartMs() >= settings_.tipCheckMinGapMs) startTipRound();
}

void NetProcessing::startTipRound()
{
    std::vector<PeerId> asked;
    for (const auto& [id, peer] : peers_)
        if (servesBodies(peer) && asked.size() < kMaxTipPeersAsked) asked.push_back(id);
    tipCheckWanted_ = false;
    const TipInfo& tip = chain_.tip();
    tipCheck_.start({tip.height, tip.hash, tip.time}, asked, nowMs());
    for (PeerId id : asked) send(id, GetTip{tip.height});
}

void NetProcessing::fetchBody(const Hash256& hash)
{
    const qint64 now = nowMs();
    if (const auto it = refetching_.find(hash); it != refetching_.end() && now - it->second < kRefetchTimeoutMs) return;
    const auto entry = store_.indexEntry(hash);
    std::vector<PeerId> candidates;
    for (const auto& [id, peer] : peers_)
        if (servesBodies(peer) && entry && peer.bestKnownHeight >= entry->height) candidates.push_back(id);
    if (candidates.empty()) {
        log_.info(QString("no full peer to fetch the pruned body of block %1 from").arg(hex(hash).left(16)));
        return;
    }
    const PeerId id = candidates[QRandomGenerator::global()->bounded(quint32(candidates.size()))];
    refetching_[hash] = now;
    links_.expectReplies(id, 1);
    send(id, GetBlocks{{hash}});
}

void NetProcessing::onGetPhoto(Peer& peer, const GetPhoto& request)
{
    if (auto photo = store_.photo(request.hash)) send(peer.link.id, PhotoMessage{request.hash, *photo});
    else send(peer.link.id, NotFound{{request.hash}});
}

void NetProcessing::announce(const std::vector<Hash256>& blocks, PeerId except)
{
    if (blocks.empty()) return;
    // A single new tip without a photo is small: push it whole to peers that lack it, saving
    // them the inventory / headers / download round trips.
    if (blocks.size() == 1) {
        std::optional<BlockIndexEntry> entry;
        std::optional<Bytes> bytes;
        try {
            entry = store_.indexEntry(blocks.front());
            bytes = store_.blockBytes(blocks.front());
        } catch (const StoreError& e) {
            log_.warning(QString("cannot read block %1 to push it; announcing it instead: %2").arg(hex(blocks.front()), e.what()));
        }
        const auto block = bytes ? Block::parse(*bytes) : std::nullopt;
        if (entry && block && !block->photoHash) {
            for (auto& [id, peer] : peers_) {
                if (!peer.handshaken || id == except) continue;
                if (peer.bestKnownHeight >= entry->height) {
                    send(id, Inventory{blocks, {}});  // it may be on another branch: just tell it
                    continue;
                }
                send(id, BlockMessage{*bytes, {}});
                peer.bestKnownHeight = entry->height;
            }
            return;
        }
    }
    Inventory inventory;
    const size_t from = blocks.size() > kMaxInventoryPerMessage ? blocks.size() - kMaxInventoryPerMessage : 0;
    inventory.blocks.assign(blocks.begin() + long(from), blocks.end());
    for (const auto& [id, peer] : peers_)
        if (peer.handshaken && id != except) send(id, inventory);
}

void NetProcessing::announceTransactions(const std::vector<Hash256>& ids, PeerId except)
{
    if (ids.empty()) return;
    Inventory inventory;
    const size_t from = ids.size() > kMaxInventoryPerMessage ? ids.size() - kMaxInventoryPerMessage : 0;
    inventory.transactions.assign(ids.begin() + long(from), ids.end());
    for (const auto& [id, peer] : peers_)
        if (peer.handshaken && id != except) send(id, inventory);
}

void NetProcessing::noteCandidate(const QString& host, quint16 port, bool seed)
{
    if (host.isEmpty() || port == 0) return;
    DialTarget& t = targets_[keyFor(host, port)];
    t.host = host;
    t.port = port;
    t.seed = t.seed || seed;
}

void NetProcessing::maintainOutbound()
{
    std::set<QString> connected;
    int outbound = 0;
    for (const auto& [id, peer] : peers_) {
        if (peer.link.direction == Direction::Outbound) ++outbound;
        if (!peer.dialedHost.isEmpty()) connected.insert(keyFor(peer.dialedHost, peer.dialedPort));
        if (peer.handshaken && peer.pack.port != 0) connected.insert(keyFor(peer.link.address.toString(), peer.pack.port));
    }
    for (const auto& [id, key] : dialing_) connected.insert(key);
    outbound += int(dialing_.size());
    const qint64 now = nowMs();
    // Seeds first: they are how a node finds the rest of the network.
    for (bool seedsOnly : {true, false}) {
        for (auto& [key, target] : targets_) {
            if (outbound >= settings_.targetOutbound) return;
            if (target.seed != seedsOnly || connected.count(key) || selfAddresses_.count(key) || target.nextAttemptMs > now)
                continue;
            if (target.port == settings_.listenPort && (target.host == "127.0.0.1" || target.host == "localhost")) continue;
            QHostAddress address(target.host);
            if (!address.isNull() && hooks_.isBanned(address)) continue;
            target.nextAttemptMs = now + std::min<qint64>(kMaxBackoffMs, 1000LL << std::min(target.failures, 6));
            const PeerId dialed = hooks_.dial(target.host, target.port);
            if (dialed == 0) return;  // the transport has too many dials pending
            dialing_[dialed] = key;
            connected.insert(key);
            ++outbound;
        }
    }
}

void NetProcessing::tick()
{
    try {
        maintainPeers();
    } catch (const StoreError& e) {
        log_.error(QString("storage failed during peer upkeep: %1").arg(e.what()));
    }
}

void NetProcessing::maintainPeers()
{
    const qint64 now = nowMs();
    std::vector<PeerId> expired;
    for (auto& [id, peer] : peers_) {
        if (!peer.handshaken) {
            if (now - peer.openedAtMs > settings_.handshakeTimeoutMs) expired.push_back(id);
            continue;
        }
        if (!peer.blocksInFlight.empty() && now > peer.downloadDeadlineMs) {
            // Ask others (requestBodies below); the peer stays, as a slow link is no offence.
            log_.warning(QString("peer %1 delivered none of %2 requested blocks in %3 s; asking other peers")
                             .arg(peer.link.address.toString()).arg(peer.blocksInFlight.size())
                             .arg(settings_.blockDownloadTimeoutMs / 1000));
            peer.blocksInFlight.clear();
        }
        if (peer.pingSentMs != 0 && now - peer.pingSentMs > 2 * settings_.pingIntervalMs) {
            expired.push_back(id);
        } else if (peer.pingSentMs == 0 && now >= peer.nextPingMs) {
            peer.pingNonce = QRandomGenerator::global()->generate64();
            peer.pingSentMs = now;
            peer.nextPingMs = now + settings_.pingIntervalMs;
            send(id, Ping{peer.pingNonce});
        }
    }
    for (PeerId id : expired) links_.disconnect(id, "no handshake or pong in time");
    if (settings_.nodeType == "mobile") {
        tipCheck_.expire(now);
        // Until a round confirms the current tip, retry soon: peers may still be connecting.
        const TipCheckInfo& check = tipCheck_.info();
        const bool confirmed = check.state == "checked" && check.checkedHash == hex(chain_.tip().hash);
        const qint64 interval = confirmed ? settings_.tipCheckIntervalMs : kUnsettledTipCheckMs;
        const qint64 since = now - tipCheck_.lastStartMs();
        if ((tipCheckWanted_ && since >= settings_.tipCheckMinGapMs) || (!tipCheck_.roundOpen() && since >= interval))
            startTipRound();
    }
    // Short of outbound peers: ask one peer for more now and then, not only at the handshake.
    if (now >= nextPeerQueryMs_) {
        nextPeerQueryMs_ = now + kPeerQueryIntervalMs;
        int outbound = 0;
        PeerId someone = 0;
        for (const auto& [id, peer] : peers_) {
            if (peer.link.direction == Direction::Outbound) ++outbound;
            if (peer.handshaken && (someone == 0 || QRandomGenerator::global()->bounded(2))) someone = id;
        }
        if (someone != 0 && outbound < settings_.targetOutbound) send(someone, GetPeers{});
    }
    maintainOutbound();
    requestBodies();
}

QList<PeerInfo> NetProcessing::peerTable() const
{
    QList<PeerInfo> table;
    for (const auto& [id, peer] : peers_) {
        PeerInfo p;
        p.connectionId = id;
        p.nodeId = peer.handshaken ? hex(peer.nodeId) : QString();
        p.address = peer.link.address.toString() + ':' + QString::number(peer.link.port);
        p.type = peer.pack.type;
        if (p.type == "head" && headId_ && *headId_ != peer.nodeId) p.type = "head (disputed)";
        if (p.type == "head" && settings_.nodeType == "head") p.type = "head (disputed)";
        p.direction = peer.link.direction == Direction::Inbound ? "inbound" : "outbound";
        p.version = peer.pack.protocolVersion;
        p.userAgent = peer.pack.userAgent;
        p.height = std::max<quint64>(peer.pack.bestHeight, peer.bestKnownHeight);  // the handshake's, or what it sent since
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
