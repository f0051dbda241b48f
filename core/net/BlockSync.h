#pragma once
// Getting the blocks: headers-first sync and body download. Headers are asked for with our
// locator and validated as they come (Chain::acceptHeader); bodies are then requested only for
// the best header chain (Chain::missingBodies), from peers known to have them, a bounded window
// per peer refilled in batches. A peer that delivers none of its window by the deadline is
// asked no more of it while another peer can take it; a slow link is no offence. Far behind
// the best header the window widens and requested blocks are connected in runs (ConnectRun.h),
// one store transaction and one report each. On mobile nodes it also re-fetches a pruned
// block's body on request. Serving peers is BlockServer's job.
// Compare Bitcoin Core's net_processing block download (and headerssync, in spirit).
// A block whose claimed label needs the recognizer waits, valid in every other respect and only
// its header stored, while SyncHooks::checkPhoto works the verdict out off this thread; it is
// then submitted again with it, refused or accepted exactly as if judged at once. It counts
// against its sender's download window meanwhile; past kMaxPhotoChecks waiting, no more bodies
// are requested and further photo blocks are dropped unjudged (their headers stay, so their
// bodies are asked for again once they lead and there is room).
// Engine thread only; peers are registered by PeerManager once their handshake completes.
#include "core/chain/Chain.h"
#include "core/net/ConnectRun.h"
#include "core/net/HeaderPresync.h"
#include "core/net/PeerChannel.h"
#include "core/util/Logger.h"

#include <deque>
#include <map>
#include <memory>
#include <set>

namespace pb::net {

struct SyncSettings {
    int maxBlocksInFlightPerPeer = 16;
    // Far behind the best header (ConnectRun::wanted), blocks are connected in runs of half the
    // window, and the window widens up to this as far as ConnectRun::kSyncWindowBytes of the last run's
    // largest block fit: not for large photo blocks, whose answers must fit a send buffer.
    int syncBlocksInFlightPerPeer = 64;
    int blockDownloadTimeoutMs = 20000;  // a requested block is due by then
    int misbehaviourThreshold = 100;     // the score an invalid header or block earns
    // An unrequested block on a fork kStaleForkDepth or more below the tip, or headers forking
    // deeper than the reorganisation limit: honest peers push only blocks near the tip.
    int staleForkScore = 20;
    // Header branches are stored only from this much work on (and with more than the tip):
    // the network's minimum chain work unless the operator sets one (--minimum-chain-work).
    Uint256 minimumChainWork;
};

struct SyncHooks {
    // A peer's block moved the active chain (r.connected is not empty); `from` sent it.
    std::function<void(const AcceptResult& r, PeerId from)> blocksConnected;
    // A pruned block's body (and photo) that fetchBody() asked for.
    std::function<void(const Hash256& hash, const Bytes& block, const Bytes& photo)> prunedBodyArrived;
    // Works out the recognizer's verdict on a photo's claimed label, off this thread, and calls
    // `done` with it on this thread. Needed when the chain's verifier can defer a verdict.
    std::function<void(const Hash256& photoHash, const Bytes& photo, const std::string& label,
                       std::function<void(const PhotoVerdict&)> done)>
        checkPhoto;
};

class BlockSync {
public:
    static constexpr size_t kMissingBodiesScanned = 256;
    static constexpr qint64 kRefetchTimeoutMs = 10'000;
    static constexpr uint64_t kStaleForkDepth = 6;
    static constexpr size_t kMaxPhotoChecks = 64;  // blocks (photos in memory) waiting for a verdict
    static constexpr qint64 kHeadersAnswerTimeoutMs = 60'000;
    static constexpr size_t kStaleBlocksRemembered = 16;  // per peer

    BlockSync(SyncSettings settings, Chain& chain, ChainStore& store, PeerChannel& channel, Logger& log, SyncHooks hooks);

    // A peer completed its handshake claiming `height`; a mobile peer serves no bodies.
    void peerReady(PeerId peer, bool servesBodies, uint64_t height);
    void peerGone(PeerId peer);
    // Ready peers that serve block bodies (head, seed and full nodes), ascending ids.
    std::vector<PeerId> bodyServers() const;
    // The highest block we know the peer has (its handshake's height, or what it sent since).
    uint64_t knownHeight(PeerId peer) const;
    void notePeerHeight(PeerId peer, uint64_t height);

    // One getheaders at a time per peer (an honest peer in debt with its serving budget would
    // otherwise pile up a request per block announced): asked again once the answer has come,
    // or after kHeadersAnswerTimeoutMs. `continueAfter` (a full answer's last header) asks at once.
    void requestHeaders(PeerId peer, const std::optional<Hash256>& continueAfter = std::nullopt);
    void onBlockInventory(PeerId peer, const std::vector<Hash256>& blocks);
    void onHeaders(PeerId peer, const Headers& headers);
    void onBlock(PeerId peer, const BlockMessage& message);
    void onNotFound(PeerId peer, const NotFound& message);

    // Requests missing bodies of the best header chain from peers with room in their window.
    void requestBodies();
    // Forgets the requests of peers past their deadline, so requestBodies() asks others.
    void expireDownloads();
    // Connects the blocks stored for a run that is not full (its last blocks are late or the
    // chain is nearly synced): called every tick.
    void connectRun();
    // Mobile nodes: asks a random body-serving peer for a pruned block's body, once per
    // kRefetchTimeoutMs.
    void fetchBody(const Hash256& hash);
    // Blocks waiting for their photo's verdict.
    size_t photoChecksWaiting() const { return awaitingVerdict_.size(); }

private:
    struct PeerSync {
        bool servesBodies = false;
        std::set<Hash256> blocksInFlight;
        std::set<Hash256> missed;       // requests that expired at its last deadline: others are asked first
        qint64 downloadDeadlineMs = 0;  // the next requested block is due by then
        int unconnectingHeaders = 0;
        qint64 headersAskedAtMs = -1;   // a getheaders awaits its answer since then (-1: none)
        bool headersWanted = false;     // asked for while one was awaited: ask when it comes
        uint64_t bestKnownHeight = 0;   // highest block we know the peer has
        int photoChecks = 0;            // its blocks waiting for a verdict: part of its window
        std::unique_ptr<HeaderPresync> presync;  // a header branch with too little work to store yet
        // Its latest blocks refused as far below the tip (nothing of them is stored): their
        // children are on the same stale fork, not on a parent we merely lack.
        std::deque<Hash256> staleBlocks;
        int windowUsed() const { return int(blocksInFlight.size()) + photoChecks; }
    };
    enum class BranchOutcome { Next, Judge, Stop };  // the next header; judge this one as any; stop the message
    struct AwaitingVerdict {
        PeerId from = 0;
        BlockMessage message;
    };
    PeerSync* find(PeerId peer);
    // The work a header branch must reach to be stored: more than the tip's, and the minimum.
    Uint256 neededWork() const;
    // A new header on a known parent whose branch lacks that work: starts following it in memory.
    bool startsLowWorkBranch(PeerSync& peer, const BlockHeader& header);
    BranchOutcome followBranch(PeerId id, PeerSync& peer, const BlockHeader& header, bool& progressed);
    // Validates and stores one header of a peer's answer; false when the rest should be dropped.
    bool storeHeader(PeerId id, PeerSync& peer, const BlockHeader& header, bool& progressed);
    // An unrequested block that neither extends the tip nor leads: its header, never its body.
    void keepSideBranchHeader(PeerId peer, PeerSync& sync, const BlockHeader& header);
    // Scores a block pushed on a fork far below the tip and remembers it, storing nothing.
    void refuseStaleBlock(PeerId peer, PeerSync& sync, const BlockHeader& header, const QString& where);
    void notePeerHas(PeerSync& peer, const Hash256& block);
    // Submits a peer's block (with its photo's verdict once known) and acts on the outcome;
    // `inRun`: stores it for the connect run.
    void submit(PeerId id, const Hash256& hash, const BlockMessage& message, const PhotoVerdict* verdict, bool inRun = false);
    // Acts on a submitted block's or a connected run's outcome: scores, logs, reports what connected.
    void report(PeerId id, const Hash256& hash, const AcceptResult& r);
    // The download window per peer: wider while blocks are connected in runs (and small).
    int window() const;
    void awaitPhotoCheck(PeerId id, const Hash256& hash, const BlockMessage& message, const PhotoCheck& check);
    void photoChecked(const Hash256& hash, const PhotoVerdict& verdict);

    SyncSettings settings_;
    Chain& chain_;
    ChainStore& store_;
    PeerChannel& channel_;
    Logger& log_;
    SyncHooks hooks_;
    std::map<PeerId, PeerSync> peers_;
    std::map<Hash256, qint64> refetching_;  // pruned bodies asked for, with the time asked
    std::map<Hash256, AwaitingVerdict> awaitingVerdict_;
    Hash256 presyncSalt_;  // random: peers cannot aim headers at the commitments
    ConnectRun connectRun_;
};

} // namespace pb::net
