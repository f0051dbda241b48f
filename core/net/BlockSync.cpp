#include "core/net/BlockSync.h"

#include <QRandomGenerator>
#include <algorithm>

namespace pb::net {

namespace {

// The hashes of the well-formed headers in a message (the others are refused one by one later).
std::vector<Hash256> headerHashes(const std::vector<Bytes>& headers)
{
    std::vector<Hash256> hashes;
    hashes.reserve(headers.size());
    for (const Bytes& raw : headers)
        if (const auto header = BlockHeader::parse(raw.data(), raw.size())) hashes.push_back(header->hash());
    return hashes;
}

} // namespace

BlockSync::BlockSync(SyncSettings settings, Chain& chain, ChainStore& store, PeerChannel& channel, Logger& log,
                     SyncHooks hooks)
    : settings_(settings), chain_(chain), store_(store), channel_(channel), log_(log), hooks_(std::move(hooks)),
      connectRun_(chain)
{
    QRandomGenerator::system()->generate(presyncSalt_.begin(), presyncSalt_.end());
}

void BlockSync::peerReady(PeerId peer, bool servesBodies, uint64_t height)
{
    PeerSync& p = peers_[peer];
    p.servesBodies = servesBodies;
    p.bestKnownHeight = height;
}

void BlockSync::peerGone(PeerId peer)
{
    peers_.erase(peer);
}

BlockSync::PeerSync* BlockSync::find(PeerId peer)
{
    const auto it = peers_.find(peer);
    return it == peers_.end() ? nullptr : &it->second;
}

std::vector<PeerId> BlockSync::bodyServers() const
{
    std::vector<PeerId> ids;
    for (const auto& [id, peer] : peers_)
        if (peer.servesBodies) ids.push_back(id);
    return ids;
}

uint64_t BlockSync::knownHeight(PeerId peer) const
{
    const auto it = peers_.find(peer);
    return it == peers_.end() ? 0 : it->second.bestKnownHeight;
}

void BlockSync::notePeerHeight(PeerId peer, uint64_t height)
{
    if (PeerSync* p = find(peer)) p->bestKnownHeight = std::max(p->bestKnownHeight, height);
}

void BlockSync::notePeerHas(PeerSync& peer, const Hash256& block)
{
    if (const auto height = chain_.heightOf(block)) peer.bestKnownHeight = std::max(peer.bestKnownHeight, *height);
}

void BlockSync::requestHeaders(PeerId id, const std::optional<Hash256>& continueAfter)
{
    PeerSync* peer = find(id);
    if (!peer) return;
    const qint64 now = channel_.nowMs();
    if (!continueAfter && peer->headersAskedAtMs >= 0 && now - peer->headersAskedAtMs < kHeadersAnswerTimeoutMs) {
        peer->headersWanted = true;
        return;
    }
    peer->headersAskedAtMs = now;
    peer->headersWanted = false;
    GetHeaders request;
    if (continueAfter) request.locator.push_back(*continueAfter);
    else if (peer->presync) request.locator.push_back(peer->presync->lastHash());  // the branch it is sending
    for (const Hash256& h : chain_.locator()) {
        if (request.locator.size() >= kMaxLocatorHashes) break;
        request.locator.push_back(h);
    }
    channel_.send(id, request);
}

void BlockSync::onBlockInventory(PeerId id, const std::vector<Hash256>& blocks)
{
    PeerSync* peer = find(id);
    if (!peer) return;
    for (const Hash256& h : blocks) {
        if (!chain_.knows(h)) {
            requestHeaders(id);
            return;
        }
        notePeerHas(*peer, h);
    }
}

void BlockSync::onHeaders(PeerId id, const Headers& message)
{
    PeerSync* peer = find(id);
    if (!peer) return;
    peer->headersAskedAtMs = -1;
    bool progressed = false;
    Hash256 last{};
    chain_.lookUp(headerHashes(message.headers));  // one store round trip for all of them, not one each
    for (const Bytes& raw : message.headers) {
        const auto header = BlockHeader::parse(raw.data(), raw.size());
        if (!header) {
            channel_.misbehave(id, 50, "a header of the wrong size");
            return;
        }
        last = header->hash();
        if (peer->presync || startsLowWorkBranch(*peer, *header)) {
            const BranchOutcome followed = followBranch(id, *peer, *header, progressed);
            if (followed == BranchOutcome::Stop) return;
            if (followed == BranchOutcome::Next) continue;
        }
        if (!storeHeader(id, *peer, *header, progressed)) return;
    }
    peer->unconnectingHeaders = 0;
    if (!message.headers.empty()) notePeerHas(*peer, last);
    if (message.headers.size() == kMaxHeadersPerMessage) requestHeaders(id, last);
    else if (peer->headersWanted) requestHeaders(id);
    if (progressed || !message.headers.empty()) requestBodies();
}

Uint256 BlockSync::neededWork() const
{
    const Uint256 moreThanTip = chain_.tip().chainWork + Uint256(1);
    return std::max(moreThanTip, settings_.minimumChainWork);
}

bool BlockSync::startsLowWorkBranch(PeerSync& peer, const BlockHeader& header)
{
    if (chain_.knows(header.hash()) || chain_.forksTooDeep(header)) return false;
    const auto work = chain_.workAfter(header);
    if (!work || *work >= neededWork()) return false;
    const BlockIndexEntry parent = *chain_.entryOf(header.prevHash);  // known: workAfter found it
    peer.presync = std::make_unique<HeaderPresync>(chain_.params(), HeaderPresync::Fork{parent.hash, parent.height, parent.chainWork},
                                                   presyncSalt_);
    return true;
}

BlockSync::BranchOutcome BlockSync::followBranch(PeerId id, PeerSync& peer, const BlockHeader& header, bool& progressed)
{
    const HeaderPresync::Step step = peer.presync->feed(header, neededWork());
    switch (step) {
    case HeaderPresync::Step::Followed:
        return BranchOutcome::Next;
    case HeaderPresync::Step::Unlinked:  // another answer (the peer's chain moved): judged as any header
        peer.presync.reset();
        return BranchOutcome::Judge;
    case HeaderPresync::Step::Invalid:
        channel_.misbehave(id, settings_.misbehaviourThreshold,
                           QString("a low-work header branch: %1").arg(QString::fromStdString(peer.presync->error())));
        peer.presync.reset();
        return BranchOutcome::Stop;
    case HeaderPresync::Step::Redownload:
        log_.info(QString("a header branch from peer %1 has enough work at height %2; downloading it again to store it")
                      .arg(id).arg(peer.presync->height()));
        requestHeaders(id, peer.presync->fork().hash);
        return BranchOutcome::Stop;
    case HeaderPresync::Step::Store:
    case HeaderPresync::Step::Finished:
        break;
    }
    for (const BlockHeader& released : peer.presync->takeReleased()) {
        if (!storeHeader(id, peer, released, progressed)) {
            peer.presync.reset();
            return BranchOutcome::Stop;
        }
    }
    if (step == HeaderPresync::Step::Finished) peer.presync.reset();
    return BranchOutcome::Next;
}

bool BlockSync::storeHeader(PeerId id, PeerSync& peer, const BlockHeader& header, bool& progressed)
{
    const HeaderResult r = chain_.acceptHeader(header, channel_.nowSeconds());
    if (!r.storageError.empty()) {
        log_.error(QString("cannot store headers: %1").arg(QString::fromStdString(r.storageError)));
        return false;
    }
    if (r.validation.error == BlockError::UnknownParent) {
        // Headers that do not connect: the peer is on a branch we have not heard of; ask
        // again from our locator, but not forever.
        if (++peer.unconnectingHeaders > 8) channel_.misbehave(id, 20, "headers that never connect");
        requestHeaders(id);
        return false;
    }
    if (!r.validation.ok()) {
        if (provesSenderLied(r.validation.error))
            channel_.misbehave(id, settings_.misbehaviourThreshold,
                               QString("invalid header: %1").arg(blockErrorCode(r.validation.error)));
        else if (r.validation.error == BlockError::ReorgTooDeep)  // honest peers rarely sit on such a fork
            channel_.misbehave(id, settings_.staleForkScore, "headers forking deeper than the reorganisation limit");
        return false;
    }
    progressed = progressed || r.isNew;
    return true;
}

void BlockSync::requestBodies()
{
    if (awaitingVerdict_.size() >= kMaxPhotoChecks) return;  // the recognizer is the bottleneck: let it catch up
    std::set<Hash256> inFlight;
    for (const auto& [hash, waiting] : awaitingVerdict_) inFlight.insert(hash);
    // A peer's download window is refilled once half of it has arrived, so requests go out in
    // batches rather than one per block received (which would flood a fast-serving peer).
    std::set<PeerId> refill;
    const int window = this->window();
    for (const auto& [id, peer] : peers_) {
        inFlight.insert(peer.blocksInFlight.begin(), peer.blocksInFlight.end());
        if (peer.windowUsed() <= window / 2) refill.insert(id);
    }
    if (refill.empty()) return;  // no need to scan the missing bodies
    std::map<PeerId, std::vector<Hash256>> requests;
    // Asks a peer known to have the block, with room in its download window; unless
    // `evenIfMissed`, not one that let its request for this very block expire.
    const auto assign = [&](const BlockIndexEntry& wanted, bool evenIfMissed) {
        for (auto& [id, peer] : peers_) {
            if (!refill.count(id) || !peer.servesBodies || peer.bestKnownHeight < wanted.height || peer.windowUsed() >= window
                || (!evenIfMissed && peer.missed.count(wanted.hash)))
                continue;
            if (peer.blocksInFlight.empty()) peer.downloadDeadlineMs = channel_.nowMs() + settings_.blockDownloadTimeoutMs;
            requests[id].push_back(wanted.hash);
            peer.blocksInFlight.insert(wanted.hash);
            return true;
        }
        return false;
    };
    for (const BlockIndexEntry& wanted : chain_.missingBodies(kMissingBodiesScanned))
        if (!inFlight.count(wanted.hash) && !assign(wanted, false)) assign(wanted, true);
    for (const auto& [id, hashes] : requests) {
        for (size_t first = 0; first < hashes.size(); first += kMaxBlocksPerRequest) {
            GetBlocks request;
            request.hashes.assign(hashes.begin() + long(first), hashes.begin() + long(std::min(hashes.size(), first + kMaxBlocksPerRequest)));
            channel_.expectReplies(id, int(request.hashes.size()));
            channel_.send(id, request);
        }
    }
}

void BlockSync::expireDownloads()
{
    const qint64 now = channel_.nowMs();
    for (auto& [id, peer] : peers_) {
        if (peer.blocksInFlight.empty() || now <= peer.downloadDeadlineMs) continue;
        // Ask others (the next requestBodies); the peer stays, as a slow link is no offence.
        // Address and port: on one host, several nodes share the address.
        const auto link = channel_.linkInfo(id);
        log_.warning(QString("peer %1 delivered none of %2 requested blocks in %3 s; asking other peers")
                         .arg(link ? QString("%1:%2").arg(link->address.toString()).arg(link->port) : QString::number(id))
                         .arg(peer.blocksInFlight.size())
                         .arg(settings_.blockDownloadTimeoutMs / 1000));
        peer.missed = std::move(peer.blocksInFlight);
        peer.blocksInFlight.clear();
    }
}

void BlockSync::onBlock(PeerId id, const BlockMessage& message)
{
    PeerSync* peer = find(id);
    if (!peer) return;
    const auto header = message.block.size() >= BlockHeader::kSize
                            ? BlockHeader::parse(message.block.data(), BlockHeader::kSize)
                            : std::nullopt;
    if (!header) {
        channel_.misbehave(id, settings_.misbehaviourThreshold, "a block too short to hold a header");
        return;
    }
    const Hash256 hash = header->hash();
    if (refetching_.erase(hash)) {
        hooks_.prunedBodyArrived(hash, message.block, message.photo);
        return;
    }
    // Unrequested blocks are welcome when they extend the tip or lead past it: that is how new
    // blocks are pushed. Others are noise, mildly punished.
    const bool requested = peer->blocksInFlight.erase(hash) > 0;
    peer->missed.erase(hash);
    if (requested) peer->downloadDeadlineMs = channel_.nowMs() + settings_.blockDownloadTimeoutMs;
    // A block we hold already, not ahead of our tip: most often our own, pushed back by a peer
    // whose view of our height lagged behind (a busy relay). Nothing to do, and no fault.
    const auto known = requested ? std::nullopt : chain_.entryOf(hash);
    if (known && known->status == BlockIndexEntry::Status::HaveBody && !chain_.extendsTipOrLeads(*header)) {
        notePeerHas(*peer, hash);
        return;
    }
    const auto stale = std::find(peer->staleBlocks.begin(), peer->staleBlocks.end(), header->prevHash);
    if (!requested && stale != peer->staleBlocks.end()) {
        refuseStaleBlock(id, *peer, *header, "on a stale fork it pushed before");
        return;
    }
    if (!requested && !chain_.knows(header->prevHash)) {
        channel_.misbehave(id, 5, "unrequested block " + hexOf(hash).left(16) + " on an unknown parent");
        requestHeaders(id);
        return;
    }
    if (awaitingVerdict_.count(hash)) return;  // its photo is being checked already: once is enough
    if (!requested && !chain_.extendsTipOrLeads(*header)) {
        keepSideBranchHeader(id, *peer, *header);
        return;
    }
    submit(id, hash, message, nullptr, requested && connectRun_.wanted());
}

void BlockSync::submit(PeerId id, const Hash256& hash, const BlockMessage& message, const PhotoVerdict* verdict, bool inRun)
{
    const AcceptResult r = chain_.submitBlock(message.block, message.photo.empty() ? nullptr : &message.photo,
                                              channel_.nowSeconds(), verdict, inRun ? Chain::Connect::Later : Chain::Connect::Now);
    if (r.outcome == AcceptOutcome::PhotoCheckPending) {
        awaitPhotoCheck(id, hash, message, *r.photoCheck);
        requestBodies();
        return;
    }
    if (inRun && r.outcome == AcceptOutcome::Stored) {
        connectRun_.add(hash, id, message.block.size() + message.photo.size());
        // At half a window, or once the sender's window is half empty (then it is refilled).
        const int half = window() / 2;
        const PeerSync* peer = find(id);
        if (connectRun_.size() >= size_t(std::max(1, half)) || !peer || peer->windowUsed() <= half) connectRun();
        return;
    }
    report(id, hash, r);
    requestBodies();
}

int BlockSync::window() const
{
    return connectRun_.window(settings_.maxBlocksInFlightPerPeer, settings_.syncBlocksInFlightPerPeer);
}

void BlockSync::connectRun()
{
    if (connectRun_.empty()) return;
    const ConnectRun::Outcome run = connectRun_.connect(channel_.nowSeconds());
    report(run.sender, run.result.hash, run.result);
    requestBodies();
}

void BlockSync::report(PeerId id, const Hash256& hash, const AcceptResult& r)
{
    if (!r.storageError.empty()) {
        log_.error(QString("cannot store block %1: %2").arg(hexOf(hash), QString::fromStdString(r.storageError)));
    } else if (!r.ok()) {
        if (provesSenderLied(r.validation.error))
            channel_.misbehave(id, settings_.misbehaviourThreshold,
                               QString("invalid block %1: %2")
                                   .arg(hexOf(r.invalidBlock == Hash256{} ? hash : r.invalidBlock).left(16),
                                        blockErrorCode(r.validation.error)));
        else if (r.validation.error == BlockError::UnknownParent)
            requestHeaders(id);
        else if (r.validation.error == BlockError::ReorgTooDeep)
            log_.warning(QString("not following block %1 (reorg_too_deep): %2")
                             .arg(hexOf(hash).left(16), QString::fromStdString(r.validation.detail)));
        else if (r.validation.error == BlockError::PhotoUnverifiable)
            log_.warning(QString("cannot judge block %1 (photo_unverifiable): %2")
                             .arg(hexOf(hash).left(16), QString::fromStdString(r.validation.detail)));
    }
    // Even a rejected block may have let valid ancestors connect (when it failed in their branch).
    if (!r.connected.empty()) {
        PeerSync* peer = find(id);  // it may have gone while its block's photo was checked
        if (r.ok() && peer) {
            notePeerHas(*peer, hash);
            channel_.noteBlockRelayed(id);
        }
        hooks_.blocksConnected(r, id);
    }
}

void BlockSync::keepSideBranchHeader(PeerId id, PeerSync& peer, const BlockHeader& header)
{
    // Its body, photo and the recognizer's time are not spent on it. Near the tip (a race two
    // miners ran) its header is kept: its branch may lead with the next block, whose body is
    // then asked for. Further down, not even that: honest peers do not push such blocks.
    const uint64_t height = chain_.heightOf(header.prevHash).value_or(0) + 1;
    if (height + kStaleForkDepth <= chain_.tip().height) {
        refuseStaleBlock(id, peer, header, QString("on a fork %1 blocks below the tip").arg(chain_.tip().height + 1 - height));
        return;
    }
    const HeaderResult r = chain_.acceptHeader(header, channel_.nowSeconds());
    if (!r.storageError.empty()) {
        log_.error(QString("cannot store a header: %1").arg(QString::fromStdString(r.storageError)));
    } else if (!r.validation.ok() && provesSenderLied(r.validation.error)) {
        channel_.misbehave(id, settings_.misbehaviourThreshold,
                           QString("invalid block header: %1").arg(blockErrorCode(r.validation.error)));
    }
}

void BlockSync::refuseStaleBlock(PeerId id, PeerSync& peer, const BlockHeader& header, const QString& where)
{
    const ValidationResult checked = checkHeader(header, chain_.params());
    if (!checked.ok()) {
        channel_.misbehave(id, settings_.misbehaviourThreshold, QString("invalid block header: %1").arg(blockErrorCode(checked.error)));
        return;
    }
    peer.staleBlocks.push_back(header.hash());
    if (peer.staleBlocks.size() > kStaleBlocksRemembered) peer.staleBlocks.pop_front();
    channel_.misbehave(id, settings_.staleForkScore, QString("unrequested block %1 %2").arg(hexOf(header.hash()).left(16), where));
}

void BlockSync::awaitPhotoCheck(PeerId id, const Hash256& hash, const BlockMessage& message, const PhotoCheck& check)
{
    if (awaitingVerdict_.size() >= kMaxPhotoChecks) {
        log_.info(QString("block %1 dropped: %2 blocks already wait for the recognizer")
                      .arg(hexOf(hash).left(16)).arg(awaitingVerdict_.size()));
        return;
    }
    awaitingVerdict_.emplace(hash, AwaitingVerdict{id, message});
    if (PeerSync* peer = find(id)) ++peer->photoChecks;
    hooks_.checkPhoto(check.photoHash, message.photo, check.label,
                      [this, hash](const PhotoVerdict& verdict) { photoChecked(hash, verdict); });
}

void BlockSync::photoChecked(const Hash256& hash, const PhotoVerdict& verdict)
{
    const auto it = awaitingVerdict_.find(hash);
    if (it == awaitingVerdict_.end()) return;
    const AwaitingVerdict waiting = std::move(it->second);
    awaitingVerdict_.erase(it);
    if (PeerSync* peer = find(waiting.from)) --peer->photoChecks;
    submit(waiting.from, hash, waiting.message, &verdict);
}

void BlockSync::onNotFound(PeerId id, const NotFound& message)
{
    if (PeerSync* peer = find(id)) {
        for (const Hash256& h : message.hashes) {
            if (!peer->blocksInFlight.erase(h)) continue;
            if (const auto entry = store_.indexEntry(h); entry && entry->height > 0)
                peer->bestKnownHeight = std::min(peer->bestKnownHeight, entry->height - 1);
        }
    }
    for (const Hash256& h : message.hashes) refetching_.erase(h);
}

void BlockSync::fetchBody(const Hash256& hash)
{
    const qint64 now = channel_.nowMs();
    if (const auto it = refetching_.find(hash); it != refetching_.end() && now - it->second < kRefetchTimeoutMs) return;
    const auto entry = store_.indexEntry(hash);
    std::vector<PeerId> candidates;
    for (const auto& [id, peer] : peers_)
        if (peer.servesBodies && entry && peer.bestKnownHeight >= entry->height) candidates.push_back(id);
    if (candidates.empty()) {
        log_.info(QString("no full peer to fetch the pruned body of block %1 from").arg(hexOf(hash).left(16)));
        return;
    }
    const PeerId id = candidates[QRandomGenerator::global()->bounded(quint32(candidates.size()))];
    refetching_[hash] = now;
    channel_.expectReplies(id, 1);
    channel_.send(id, GetBlocks{{hash}});
}

} // namespace pb::net
