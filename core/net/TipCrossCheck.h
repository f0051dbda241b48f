#pragma once
// A mobile node's check of its tip against full peers. Each round asks the connected
// head / seed / full peers (gettip) for their active block at our tip's height; a peer
// agrees when that block is our tip, disagrees when it is another block or when its shorter
// chain's tip is not on ours, and says nothing either way when it lags behind on our chain.
// A round is decided once every asked peer answered or kRoundTimeoutMs passed: "checked"
// with at least kMinAgreeing agreeing and none disagreeing, "disagreement" with any
// disagreeing, "too_few_peers" when fewer than kMinAgreeing could be asked, else "unchecked".
// TipRounds runs those rounds over the network: when to start one, whom to ask, what an
// answer means; it also answers other nodes' gettip.
#include "core/chain/Chain.h"
#include "core/net/BlockSync.h"
#include "core/net/Messages.h"
#include "core/net/PeerChannel.h"
#include "core/net/PeerLink.h"
#include "core/net/TipCheckInfo.h"
#include "core/util/Logger.h"

#include <map>
#include <optional>
#include <vector>

namespace pb::net {

enum class TipVerdict { Agrees, Disagrees, Lags };

// `peerTipOnOurChain`: the peer's tip is our active block at its height.
TipVerdict judgeTip(const Hash256& ourTip, const TipMessage& answer, bool peerTipOnOurChain);

class TipCrossCheck {
public:
    static constexpr int kMinAgreeing = 3;
    static constexpr qint64 kRoundTimeoutMs = 10'000;

    struct Tip {
        uint64_t height = 0;
        Hash256 hash{};
        uint64_t time = 0;
    };

    // Starts a round on `tip`, asking `peers` (the caller sends them gettip). Replaces a
    // round still open.
    void start(const Tip& tip, const std::vector<PeerId>& peers, qint64 nowMs);
    std::optional<Tip> roundTip() const { return round_ ? std::optional<Tip>(round_->tip) : std::nullopt; }
    // False when the peer was not asked in the open round (a late or unsolicited answer).
    bool record(PeerId peer, TipVerdict verdict, qint64 nowMs);
    void peerGone(PeerId peer, qint64 nowMs);
    // Decides a round whose time is up.
    void expire(qint64 nowMs);
    bool roundOpen() const { return round_.has_value(); }
    qint64 lastStartMs() const { return lastStartMs_; }
    const TipCheckInfo& info() const { return info_; }

private:
    struct Round {
        Tip tip;
        std::map<PeerId, std::optional<TipVerdict>> asked;
        qint64 startedMs = 0;
    };
    void decideIfComplete(qint64 nowMs, bool timeUp);

    std::optional<Round> round_;
    qint64 lastStartMs_ = 0;
    TipCheckInfo info_;
};

struct TipRoundSettings {
    bool mobile = false;       // only mobile nodes run rounds; every node answers gettip
    int intervalMs = 30000;    // between rounds once the tip is confirmed
    int minGapMs = 2000;       // the least time between two rounds
};

class TipRounds {
public:
    static constexpr size_t kMaxPeersAsked = 8;
    static constexpr qint64 kUnsettledIntervalMs = 5'000;  // between rounds until the tip is confirmed

    // The peers asked are BlockSync's body servers (head, seed and full nodes).
    TipRounds(TipRoundSettings settings, Chain& chain, ChainStore& store, PeerChannel& channel, const BlockSync& sync,
              Logger& log);

    // A new tip or a new full peer: starts a round unless one started moments ago (then the
    // next tick does, once the gap has passed).
    void checkTip();
    // Decides a round whose time is up and starts the next one when due.
    void tick();
    void onGetTip(PeerId peer, const GetTip& request);
    // `peerName` names the peer in the log.
    void onTip(PeerId peer, const TipMessage& answer, const QString& peerName);
    void peerGone(PeerId peer) { check_.peerGone(peer, channel_.nowMs()); }
    const TipCheckInfo& info() const { return check_.info(); }

private:
    void startRound();

    TipRoundSettings settings_;
    Chain& chain_;
    ChainStore& store_;
    PeerChannel& channel_;
    const BlockSync& sync_;
    Logger& log_;
    TipCrossCheck check_;
    bool wanted_ = false;  // a new tip or full peer came too soon after the last round
};

} // namespace pb::net
